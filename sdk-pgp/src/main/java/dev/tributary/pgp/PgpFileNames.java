package dev.tributary.pgp;

import dev.tributary.pgp.internal.SafeFileNames;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * File names for encrypted files: {@code export.csv} becomes {@code export.csv.pgp} (binary) or
 * {@code export.csv.asc} (armored), and back. GnuPG's {@code .gpg} is recognised too. They take and
 * return file names, not paths: {@link #decryptedName} and {@link #safeName} make any name they are
 * given, a sender's or a remote server's, into one file name that is safe on Linux, macOS and
 * Windows. Stateless.
 */
public final class PgpFileNames {
  private PgpFileNames() {}

  /** The name of the encrypted file: {@code name + ".asc"} when armored, else {@code ".pgp"}. */
  public static String encryptedName(String name, boolean armored) {
    Objects.requireNonNull(name, "name");
    if (name.isEmpty()) {
      throw new IllegalArgumentException("name must not be empty");
    }
    return name + (armored ? ".asc" : ".pgp");
  }

  /**
   * The name of the decrypted file, a single file name that Linux, macOS and Windows all take, to
   * resolve against the folder of the host's choice. {@code encryptedName} is a file name, but it
   * may come from a sender or a remote server, so it is made safe first (as {@link #safeName}
   * does): anything before its last {@code /} or {@code \}, and a drive such as {@code C:} before
   * what is left, is dropped ({@code ../x.pgp}, {@code /etc/x.pgp} and {@code ..\x.asc} all give
   * {@code x}); format characters (Unicode category Cf), invisible, are removed: the bidirectional
   * controls U+202A–U+202E, U+2066–U+2069, U+200E, U+200F and U+061C ({@code invoice}, U+202E,
   * {@code fdp.exe} shows as {@code invoiceexe.pdf}, but gives {@code invoicefdp.exe}), zero-width
   * spaces and joiners, the soft hyphen, a byte order mark; the name is normalised to NFC (macOS's
   * decomposed {@code a} and U+0308 becomes the {@code ä} of Linux and Windows, so both give one
   * file); control characters (NUL, newline, escape, …: Unicode category Cc), the line and
   * paragraph separators U+2028 and U+2029, a lone surrogate and {@code <>:"|?*} become {@code _}
   * ({@code x.csv:s.pgp}, a Windows alternate data stream, gives {@code x.csv_s}); so does each
   * character that this JVM cannot put into a file name, on which {@code Path.of} would throw:
   * under an ASCII locale ({@code LANG=C}, {@code POSIX} or none, common in containers: JDK 17
   * names files in the locale's character set, {@code sun.jnu.encoding}) every character but ASCII
   * ({@code Bericht_März.csv} gives {@code Bericht_M_rz.csv}), under a UTF-8 locale, on macOS and
   * on Windows none ({@code Bericht_März.csv} stays); a Windows device name gets a {@code _} before
   * it ({@code CON.pgp} gives {@code _CON}, {@code nul.txt.asc} {@code _nul.txt}). Different names
   * may so give the same one ({@code ab:c} and {@code ab?c}; {@code März} and {@code Mürz} under
   * {@code LANG=C}): create the file with {@code CREATE_NEW} where one must not replace another.
   *
   * <p>Then the name loses {@code .pgp}, {@code .gpg} or {@code .asc} (any case) and the dots and
   * spaces before it, which Windows would drop ({@code x.csv..pgp} gives {@code x.csv}), and is cut
   * to 255 bytes of UTF-8. A name without one of those suffixes, or with nothing but dots and
   * spaces before it ({@code ..pgp}, {@code ....asc}), gets {@code .decrypted} appended instead,
   * cut first so that the result stays within 255 bytes; so the plaintext never overwrites the
   * encrypted file nor names a folder. The result is never empty, never ends in a dot or a space,
   * never holds {@code /}, {@code \}, {@code :}, a control or a format character, is in NFC, {@code
   * Path.of(result)} does not throw in this JVM, and {@code folder.resolve(result)} is always a
   * file directly in {@code folder}.
   */
  public static String decryptedName(String encryptedName) {
    Objects.requireNonNull(encryptedName, "encryptedName");
    String name = SafeFileNames.clean(encryptedName);
    String lower = name.toLowerCase(Locale.ROOT);
    for (String suffix : new String[] {".pgp", ".gpg", ".asc"}) {
      if (!lower.endsWith(suffix)) {
        continue;
      }
      String stripped =
          SafeFileNames.finish(
              name.substring(0, name.length() - suffix.length()), SafeFileNames.MAX_BYTES);
      if (!stripped.isEmpty()) {
        return stripped;
      }
    }
    return SafeFileNames.fit(name, SafeFileNames.MAX_BYTES - DECRYPTED.length()) + DECRYPTED;
  }

  private static final String DECRYPTED = ".decrypted";

  /**
   * {@code name} made into a single file name that Linux, macOS and Windows all take, by the rules
   * of {@link #decryptedName} but for the suffix: folders and a drive dropped, format characters
   * (the bidirectional controls among them) removed, normalised to NFC, control characters, {@code
   * <>:"|?*} and the characters this JVM cannot put into a file name (under {@code LANG=C}, all but
   * ASCII) replaced by {@code _}, a {@code _} before a Windows device name, dots and spaces at the
   * end dropped, cut to 255 bytes of UTF-8. For a name a sender chose, such as the file name stored
   * in a message ({@link DecryptionResult#fileName()}), to create a file or to show it. Empty when
   * nothing usable is left ({@code ""}, {@code ..}, {@code dir/}, only format characters): pick a
   * name of your own then.
   */
  public static Optional<String> safeName(String name) {
    Objects.requireNonNull(name, "name");
    String safe = SafeFileNames.finish(SafeFileNames.clean(name), SafeFileNames.MAX_BYTES);
    return safe.isEmpty() ? Optional.empty() : Optional.of(safe);
  }

  /** Whether the name looks like an OpenPGP file ({@code .pgp}, {@code .gpg}, {@code .asc}). */
  public static boolean isEncryptedName(String name) {
    String lower = Objects.requireNonNull(name, "name").toLowerCase(Locale.ROOT);
    return lower.endsWith(".pgp") || lower.endsWith(".gpg") || lower.endsWith(".asc");
  }
}
