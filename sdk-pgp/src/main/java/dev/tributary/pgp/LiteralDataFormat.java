package dev.tributary.pgp;

/**
 * The format octet of a message's literal data (RFC 9580, section 5.9): whether the sender stored
 * binary data or text. Text is stored with CRLF line endings, which decryption and verification
 * convert as {@link TextLineEndings} says; binary data is always handed out as stored.
 */
public enum LiteralDataFormat {
  /** {@code 'b'}: binary data, handed out as stored. */
  BINARY,
  /** {@code 't'}: text ({@code gpg --textmode}, {@code sqop encrypt --as=text}). */
  TEXT,
  /** {@code 'u'}: UTF-8 text ({@code PgpEncryptor.Builder.text(true)}, OpenPGP.js's text). */
  UTF8,
  /**
   * Any other octet, such as {@code 'm'} or {@code 'l'}, which RFC 9580 no longer defines: handed
   * out as stored, like binary data.
   */
  OTHER;

  /** The format of the octet {@code format} of a literal data packet. */
  public static LiteralDataFormat of(int format) {
    return switch (format) {
      case 'b' -> BINARY;
      case 't' -> TEXT;
      case 'u' -> UTF8;
      default -> OTHER;
    };
  }

  /** Whether the data is text ({@link #TEXT} or {@link #UTF8}), stored with CRLF line endings. */
  public boolean isText() {
    return this == TEXT || this == UTF8;
  }
}
