package dev.tributary.pgp.internal;

import java.io.File;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

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

  /**
   * The character set this JVM encodes file names in ({@code sun.jnu.encoding}, from the locale:
   * US-ASCII under {@code LANG=C}), where {@code Path.of} throws for a character it has no encoding
   * for; null where every character has one (UTF-8, and Windows, whose names are UTF-16).
   */
  private static final @Nullable Charset NAME_ENCODING =
      nameEncoding(
          File.separatorChar,
          System.getProperty("sun.jnu.encoding", System.getProperty("native.encoding")));

  private SafeFileNames() {}

  /**
   * The part of {@code name} after its last {@code /} or {@code \}, without a drive ({@code C:}),
   * without format characters, in NFC, with each unsafe character (also one this JVM cannot put
   * into a file name) replaced by {@code _} and {@code _} put before a Windows device name. May
   * still be empty or end in dots or spaces: see {@link #finish}.
   */
  public static String clean(String name) {
    return clean(name, NAME_ENCODING);
  }

  /** {@link #clean} for file names encoded in {@code encoding} (null: any character will do). */
  static String clean(String name, @Nullable Charset encoding) {
    String normal = Normalizer.normalize(withoutFormatCharacters(name), Normalizer.Form.NFC);
    String last = normal.substring(Math.max(normal.lastIndexOf('/'), normal.lastIndexOf('\\')) + 1);
    boolean drive = last.length() >= 2 && last.charAt(1) == ':' && isAsciiLetter(last.charAt(0));
    return notADevice(replaceUnsafe(drive ? last.substring(2) : last, encoding));
  }

  /**
   * The encoding of file names on a system whose separator is {@code separator} and whose {@code
   * sun.jnu.encoding} is {@code jnuEncoding}; null when it has every character.
   */
  static @Nullable Charset nameEncoding(char separator, @Nullable String jnuEncoding) {
    if (separator == '\\' || jnuEncoding == null) {
      return null; // Windows names files in UTF-16; a JVM that tells nothing is taken at its word
    }
    try {
      Charset c = Charset.forName(jnuEncoding);
      if (!c.canEncode()) {
        return StandardCharsets.US_ASCII; // no JVM names files so; if one did, ASCII is safest
      }
      return c.equals(StandardCharsets.UTF_8) ? null : c;
    } catch (IllegalArgumentException e) {
      return StandardCharsets.US_ASCII; // a set this JVM does not know: ASCII is safest
    }
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
   * {@code name} without its format characters (Unicode category Cf): the bidirectional controls
   * (U+202A–U+202E, U+2066–U+2069, U+200E, U+200F, U+061C), with which {@code invoice}, U+202E and
   * {@code fdp.exe} show as {@code invoiceexe.pdf}, and the other invisible ones (zero-width space
   * and joiners, soft hyphen, byte order mark, tags). They have no glyph, so the name reads as
   * before.
   */
  private static String withoutFormatCharacters(String name) {
    StringBuilder b = new StringBuilder(name.length());
    name.codePoints()
        .filter(c -> Character.getType(c) != Character.FORMAT)
        .forEach(b::appendCodePoint);
    return b.toString();
  }

  /**
   * Control characters (NUL, newline, escape, C1 controls), the line and paragraph separators
   * (U+2028, U+2029), a surrogate without its pair (which has no UTF-8), the characters Windows
   * refuses ({@code <>:"|?*}; {@code :} also names an alternate data stream there) and those {@code
   * encoding} has not (with which {@code Path.of} throws) become {@code _}.
   */
  private static String replaceUnsafe(String name, @Nullable Charset encoding) {
    @Nullable CharsetEncoder encoder = encoding == null ? null : encoding.newEncoder();
    StringBuilder b = new StringBuilder(name.length());
    for (int i = 0; i < name.length(); ) {
      int c = name.codePointAt(i);
      int type = Character.getType(c);
      boolean unsafe =
          type == Character.CONTROL
              || type == Character.LINE_SEPARATOR
              || type == Character.PARAGRAPH_SEPARATOR
              || type == Character.SURROGATE
              || WINDOWS_FORBIDDEN.indexOf(c) >= 0
              || (encoder != null && !encoder.canEncode(Character.toString(c)));
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
