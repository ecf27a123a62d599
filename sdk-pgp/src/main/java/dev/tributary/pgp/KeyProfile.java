package dev.tributary.pgp;

/** The kinds of key {@link PgpKey#generate} makes. */
public enum KeyProfile {
  /**
   * A v4 key with an Ed25519 primary key and a Curve25519 (ECDH) encryption subkey, in the encoding
   * GnuPG 2.2 and later, Sequoia and every current implementation read. The default.
   */
  CURVE25519("default"),
  /** An RFC 9580 v6 key with Ed25519 and X25519: modern, but GnuPG (2.2 and 2.4) cannot use it. */
  RFC9580("rfc9580"),
  /** A v4 RSA 3072 key with an RSA 3072 encryption subkey, for partners whose tools lack ECC. */
  RSA3072("rsa3072"),
  /** A v4 RSA 4096 key with an RSA 4096 encryption subkey. */
  RSA4096("rsa4096");

  private final String profileName;

  KeyProfile(String profileName) {
    this.profileName = profileName;
  }

  /** The name the {@code sop generate-key --profile} option uses. */
  public String profileName() {
    return profileName;
  }
}
