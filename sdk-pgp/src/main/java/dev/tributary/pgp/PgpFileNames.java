package dev.tributary.pgp;

import java.util.Locale;
import java.util.Objects;

/**
 * File names for encrypted files: {@code export.csv} becomes {@code export.csv.pgp} (binary) or
 * {@code export.csv.asc} (armored), and back. GnuPG's {@code .gpg} is recognised too.
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
   * The name of the decrypted file: the name without {@code .pgp}, {@code .gpg} or {@code .asc}
   * (any case); a name without one of those, or one that would become {@code .} or {@code ..} (from
   * {@code ..pgp}, a name to distrust when it comes from a remote server), gets {@code .decrypted}
   * appended, so the plaintext never overwrites the encrypted file nor names a folder.
   */
  public static String decryptedName(String encryptedName) {
    Objects.requireNonNull(encryptedName, "encryptedName");
    String lower = encryptedName.toLowerCase(Locale.ROOT);
    for (String suffix : new String[] {".pgp", ".gpg", ".asc"}) {
      if (!lower.endsWith(suffix)) {
        continue;
      }
      String stripped = encryptedName.substring(0, encryptedName.length() - suffix.length());
      if (!stripped.isEmpty() && !stripped.equals(".") && !stripped.equals("..")) {
        return stripped;
      }
    }
    return encryptedName + ".decrypted";
  }

  /** Whether the name looks like an OpenPGP file ({@code .pgp}, {@code .gpg}, {@code .asc}). */
  public static boolean isEncryptedName(String name) {
    String lower = Objects.requireNonNull(name, "name").toLowerCase(Locale.ROOT);
    return lower.endsWith(".pgp") || lower.endsWith(".gpg") || lower.endsWith(".asc");
  }
}
