package dev.tributary.pgp;

/**
 * The compression of an encrypted message's content. {@link #ZLIB} and {@link #ZIP} use the JDK's
 * native zlib; {@link #BZIP2} compresses better and much more slowly. Every OpenPGP implementation
 * reads {@link #NONE}, {@link #ZIP} and {@link #ZLIB}. BZIP2 is BouncyCastle's, which writes very
 * repetitive data (the same rows over and over) in bzip2 0.9's randomised blocks: libbz2 (GnuPG,
 * Sequoia) reads them, OpenPGP.js and Go's {@code compress/bzip2} refuse them.
 */
public enum Compression {
  NONE(0),
  ZIP(1),
  ZLIB(2),
  BZIP2(3);

  private final int id;

  Compression(int id) {
    this.id = id;
  }

  /** The algorithm ID in OpenPGP packets. */
  public int id() {
    return id;
  }
}
