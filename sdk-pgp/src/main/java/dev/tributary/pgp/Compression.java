package dev.tributary.pgp;

/**
 * The compression of an encrypted message's content. {@link #ZLIB} and {@link #ZIP} use the JDK's
 * native zlib; {@link #BZIP2} compresses better and much more slowly, in 900k blocks whatever the
 * compression level (as {@code bzip2 -9}). Every OpenPGP implementation reads {@link #NONE}, {@link
 * #ZIP} and {@link #ZLIB}; GnuPG, Sequoia, OpenPGP.js and Go's {@code compress/bzip2} read our
 * BZIP2 too, repetitive data included (its blocks are never in bzip2 0.9's randomised form, which
 * OpenPGP.js and Go refuse).
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
