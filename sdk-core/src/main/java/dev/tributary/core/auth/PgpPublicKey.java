package dev.tributary.core.auth;

/**
 * The recipient's ASCII-armored OpenPGP public key, to encrypt exported files. Not a secret, but
 * long: {@code toString()} shows its size only. sdk-pgp parses and checks it.
 */
public record PgpPublicKey(String armoredKey) implements Authorization {
  public PgpPublicKey {
    Require.nonBlank(armoredKey, "armoredKey");
  }

  @Override
  public String kind() {
    return "PGP public key";
  }

  @Override
  public String toString() {
    return "PgpPublicKey[" + armoredKey.length() + " characters]";
  }
}
