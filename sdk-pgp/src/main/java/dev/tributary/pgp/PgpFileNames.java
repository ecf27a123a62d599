package dev.tributary.pgp;

import java.util.Locale;
import java.util.Objects;

/**
 * File names for encrypted files: {@code export.csv} becomes {@code export.csv.pgp} (binary) or
 * {@code export.csv.asc} (armored), and back. GnuPG's {@code .gpg} is recognised too. They take and
 * return file names, not paths: {@link #decryptedName} drops any folders from the name it is given.
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
   * The name of the decrypted file, a bare file name to resolve against the folder of the host's
   * choice. {@code encryptedName} is a file name, but it may come from a sender or a remote server,
   * so anything before its last {@code /} or {@code \}, and a drive such as {@code C:} before what
   * is left, is dropped: {@code ../x.pgp}, {@code /etc/x.pgp} and {@code ..\x.asc} all give {@code
   * x}, never a name that steers the file into another folder. What is left loses {@code .pgp},
   * {@code .gpg} or {@code .asc} (any case); a name without one of those, or one that would become
   * empty, {@code .} or {@code ..} (from {@code ..pgp}, say), gets {@code .decrypted} appended, so
   * the plaintext never overwrites the encrypted file nor names a folder. The result never holds
   * {@code /} or {@code \} and is never empty, {@code .} or {@code ..}.
   */
  public static String decryptedName(String encryptedName) {
    Objects.requireNonNull(encryptedName, "encryptedName");
    String name = bareName(encryptedName);
    String lower = name.toLowerCase(Locale.ROOT);
    for (String suffix : new String[] {".pgp", ".gpg", ".asc"}) {
      if (!lower.endsWith(suffix)) {
        continue;
      }
      String stripped = name.substring(0, name.length() - suffix.length());
      if (!stripped.isEmpty() && !stripped.equals(".") && !stripped.equals("..")) {
        return stripped;
      }
    }
    return name + ".decrypted";
  }

  /** The part of {@code name} after its last {@code /} or {@code \}, without a drive (C:). */
  private static String bareName(String name) {
    String last = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
    boolean drive = last.length() >= 2 && last.charAt(1) == ':' && isAsciiLetter(last.charAt(0));
    return drive ? last.substring(2) : last;
  }

  private static boolean isAsciiLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  /** Whether the name looks like an OpenPGP file ({@code .pgp}, {@code .gpg}, {@code .asc}). */
  public static boolean isEncryptedName(String name) {
    String lower = Objects.requireNonNull(name, "name").toLowerCase(Locale.ROOT);
    return lower.endsWith(".pgp") || lower.endsWith(".gpg") || lower.endsWith(".asc");
  }
}
