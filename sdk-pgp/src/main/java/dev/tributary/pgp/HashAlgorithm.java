package dev.tributary.pgp;

/**
 * The hash algorithms of OpenPGP (RFC 9580, section 9.5), with their IDs and text names. Signatures
 * made here use {@link #SHA512} for v6 keys and {@link #SHA256} for v4 keys, or a longer hash where
 * the key needs one: {@link #SHA384} for ECDSA on P-384 and brainpoolP384r1, {@link #SHA512} for
 * P-521, brainpoolP512r1 and Ed448 (RFC 9580 asks a (EC)DSA key for a hash as long as its order, an
 * Ed448 key for one of at least 512 bits).
 */
public enum HashAlgorithm {
  MD5(1, "MD5"),
  SHA1(2, "SHA1"),
  RIPEMD160(3, "RIPEMD160"),
  SHA256(8, "SHA256"),
  SHA384(9, "SHA384"),
  SHA512(10, "SHA512"),
  SHA224(11, "SHA224"),
  SHA3_256(12, "SHA3-256"),
  SHA3_512(14, "SHA3-512");

  private final int id;
  private final String textName;

  HashAlgorithm(int id, String textName) {
    this.id = id;
    this.textName = textName;
  }

  /** The algorithm ID in OpenPGP packets. */
  public int id() {
    return id;
  }

  /**
   * The algorithm's text name in RFC 9580's registry, such as {@code SHA256} or {@code SHA3-256};
   * PGP/MIME's {@code micalg} parameter (RFC 3156) is {@code pgp-} and this in lower case.
   */
  public String textName() {
    return textName;
  }

  /**
   * The algorithm with this OpenPGP ID.
   *
   * @throws IllegalArgumentException if the ID names no hash algorithm of RFC 9580
   */
  public static HashAlgorithm ofId(int id) {
    for (HashAlgorithm a : values()) {
      if (a.id == id) {
        return a;
      }
    }
    throw new IllegalArgumentException("unknown hash algorithm ID: " + id);
  }
}
