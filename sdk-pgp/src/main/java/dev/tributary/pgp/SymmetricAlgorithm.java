package dev.tributary.pgp;

/**
 * The symmetric ciphers of OpenPGP that this library can use, with their RFC 9580 IDs. Encryption
 * uses {@link #AES_256} unless told otherwise; decryption accepts what the {@link PgpPolicy}
 * accepts.
 */
public enum SymmetricAlgorithm {
  TRIPLE_DES(2, "3DES", true, 24),
  CAST5(3, "CAST5", true, 16),
  BLOWFISH(4, "Blowfish", true, 16),
  AES_128(7, "AES-128", false, 16),
  AES_192(8, "AES-192", false, 24),
  AES_256(9, "AES-256", false, 32),
  TWOFISH(10, "Twofish", false, 32),
  CAMELLIA_128(11, "Camellia-128", false, 16),
  CAMELLIA_192(12, "Camellia-192", false, 24),
  CAMELLIA_256(13, "Camellia-256", false, 32);

  private final int id;
  private final String displayName;
  private final boolean legacy;
  private final int keyLength;

  SymmetricAlgorithm(int id, String displayName, boolean legacy, int keyLength) {
    this.id = id;
    this.displayName = displayName;
    this.legacy = legacy;
    this.keyLength = keyLength;
  }

  /** The algorithm ID in OpenPGP packets. */
  public int id() {
    return id;
  }

  /** Whether this is a 64-bit-block legacy cipher that the default policy refuses. */
  public boolean isLegacy() {
    return legacy;
  }

  /** The length of its keys in bytes, as OpenPGP uses them (16 for AES-128, 32 for AES-256). */
  public int keyLength() {
    return keyLength;
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
