package dev.tributary.pgp.internal;

import java.util.Locale;
import java.util.Set;

/**
 * Turns a file name someone else chose (a sender's literal file name, a remote server's listing)
 * into a single file name that Linux, macOS and Windows all take and that stays in the folder it is
 * resolved against: see {@code PgpFileNames} for the rule. Stateless.
 */
public final class SafeFileNames {
  /** The longest file name, in UTF-8 bytes, that the common file systems take. */
  public static final int MAX_BYTES = 255;

  /** Characters Windows refuses in a file name, besides the folder separators and controls. */
  private static final String WINDOWS_FORBIDDEN = "<>:\"|?*";

  /** Names Windows gives to devices, with or without an extension (case does not matter). */
  private static final Set<String> WINDOWS_DEVICES =
      Set.of(
          "CON",
          "PRN",
          "AUX",
          "NUL",
          "CONIN$",
          "CONOUT$",
          "COM0",
          "COM1",
          "COM2",
          "COM3",
          "COM4",
          "COM5",
          "COM6",
          "COM7",
          "COM8",
          "COM9",
          "COM\u00b9",
          "COM\u00b2",
          "COM\u00b3",
          "LPT0",
          "LPT1",
          "LPT2",
          "LPT3",
          "LPT4",
          "LPT5",
          "LPT6",
          "LPT7",
          "LPT8",
          "LPT9",
          "LPT\u00b9",
          "LPT\u00b2",
          "LPT\u00b3");

  private SafeFileNames() {}

  /**
   * The part of {@code name} after its last {@code /} or {@code \}, without a drive ({@code C:}),
   * with each unsafe character replaced by {@code _} and {@code _} put before a Windows device
   * name. May still be empty or end in dots or spaces: see {@link #finish}.
   */
  public static String clean(String name) {
    String last = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
    boolean drive = last.length() >= 2 && last.charAt(1) == ':' && isAsciiLetter(last.charAt(0));
    return notADevice(replaceUnsafe(drive ? last.substring(2) : last));
  }

  /**
   * {@code name} cut to whole characters within {@code maxBytes} bytes of UTF-8, without the dots
   * and spaces at its end (Windows drops them, so {@code x.} would name {@code x} and {@code ...}
   * nothing). Empty when nothing else is left.
   */
  public static String finish(String name, int maxBytes) {
    String s = fit(name, maxBytes);
    int end = s.length();
    while (end > 0 && (s.charAt(end - 1) == '.' || s.charAt(end - 1) == ' ')) {
      end--;
    }
    return s.substring(0, end);
  }

  /** {@code name} cut to whole characters within {@code maxBytes} bytes of UTF-8. */
  public static String fit(String name, int maxBytes) {
    return Utf8.fit(name, maxBytes);
  }

  /**
   * Control characters (NUL, newline, escape, C1 controls), a surrogate without its pair (which has
   * no UTF-8) and the characters Windows refuses ({@code <>:"|?*}; {@code :} also names an
   * alternate data stream there) become {@code _}.
   */
  private static String replaceUnsafe(String name) {
    StringBuilder b = new StringBuilder(name.length());
    for (int i = 0; i < name.length(); ) {
      int c = name.codePointAt(i);
      boolean unsafe =
          Character.isISOControl(c)
              || (c >= Character.MIN_SURROGATE && c <= Character.MAX_SURROGATE)
              || WINDOWS_FORBIDDEN.indexOf(c) >= 0;
      if (unsafe) {
        b.append('_');
      } else {
        b.appendCodePoint(c);
      }
      i += Character.charCount(c);
    }
    return b.toString();
  }

  /** {@code _} before a name Windows takes for a device: {@code CON}, {@code nul.txt}, … */
  private static String notADevice(String name) {
    int dot = name.indexOf('.');
    String base = (dot < 0 ? name : name.substring(0, dot)).stripTrailing();
    return WINDOWS_DEVICES.contains(base.toUpperCase(Locale.ROOT)) ? "_" + name : name;
  }

  private static boolean isAsciiLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }
}
