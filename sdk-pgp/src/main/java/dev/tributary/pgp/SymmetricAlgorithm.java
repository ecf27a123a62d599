package dev.tributary.pgp;

/**
 * The symmetric ciphers of OpenPGP that this library can use, with their RFC 9580 IDs. Encryption
 * uses {@link #AES_256} unless told otherwise; decryption accepts what the {@link PgpPolicy}
 * accepts.
 */
public enum SymmetricAlgorithm {
  TRIPLE_DES(2, "3DES", true),
  CAST5(3, "CAST5", true),
  BLOWFISH(4, "Blowfish", true),
  AES_128(7, "AES-128", false),
  AES_192(8, "AES-192", false),
  AES_256(9, "AES-256", false),
  TWOFISH(10, "Twofish", false),
  CAMELLIA_128(11, "Camellia-128", false),
  CAMELLIA_192(12, "Camellia-192", false),
  CAMELLIA_256(13, "Camellia-256", false);

  private final int id;
  private final String displayName;
  private final boolean legacy;

  SymmetricAlgorithm(int id, String displayName, boolean legacy) {
    this.id = id;
    this.displayName = displayName;
    this.legacy = legacy;
  }

  /** The algorithm ID in OpenPGP packets. */
  public int id() {
    return id;
  }

  /** Whether this is a 64-bit-block legacy cipher that the default policy refuses. */
  public boolean isLegacy() {
    return legacy;
  }

  /** A readable name such as "AES-256". */
  public String displayName() {
    return displayName;
  }

  /**
   * The algorithm with this OpenPGP ID.
   *
   * @throws IllegalArgumentException if the ID names no algorithm this library implements
   */
  public static SymmetricAlgorithm ofId(int id) {
    for (SymmetricAlgorithm a : values()) {
      if (a.id == id) {
        return a;
      }
    }
    throw new IllegalArgumentException("unknown or unsupported symmetric algorithm ID: " + id);
  }
}
