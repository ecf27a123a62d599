package dev.tributary.pgp;

/**
 * What a signature over data covers (RFC 9580, section 5.2.1): the data's octets as they are, or
 * the data as UTF-8 text with its line endings made CRLF, so that the signature still verifies
 * after a system has changed them (LF on Unix, CRLF on Windows).
 */
public enum SignatureType {
  /** Signature type 0x00: the octets as they are. For anything that is not text. */
  BINARY(0x00),
  /**
   * Signature type 0x01: the text with each line ending (LF, CR or CRLF) made CRLF, as {@code gpg
   * --textmode} signs. Text that differs only in its line endings verifies the same.
   */
  TEXT(0x01);

  private final int id;

  SignatureType(int id) {
    this.id = id;
  }

  /** The signature type octet in OpenPGP packets. */
  public int id() {
    return id;
  }
}
