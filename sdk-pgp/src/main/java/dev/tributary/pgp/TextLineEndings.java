package dev.tributary.pgp;

/**
 * What decryption and inline-signature verification write for the line endings of text: literal
 * data of format {@code 't'} or {@code 'u'} ({@link LiteralDataFormat#isText()}), which RFC 9580
 * (section 5.9) stores with CRLF line endings that "should be converted to native line endings by
 * the receiving software". Binary data ({@code 'b'}, and any other format) is always handed out as
 * stored. Signatures are checked over the data as stored, before any conversion, so the choice
 * never changes a verdict.
 *
 * <p>Only CR LF pairs are converted: a CR that no LF follows (also one that ends the data) is data,
 * and is kept, as OpenPGP.js keeps it. GnuPG 2.2 instead drops every CR of text data it writes on
 * Unix.
 */
public enum TextLineEndings {
  /**
   * The text as the message stores it, CRLF line endings and all. Choose it to pass a message's
   * data on unchanged, or when the receiver expects CRLF whatever the platform. Sequoia's {@code
   * sqop decrypt} 0.27 writes text this way.
   */
  AS_STORED,
  /**
   * Each CR LF pair becomes LF, on every platform: text that {@code gpg --textmode}, {@code
   * PgpEncryptor.Builder.text(true)} or OpenPGP.js encrypted from LF text comes back as it was.
   */
  LF,
  /**
   * The platform's line endings, as RFC 9580 asks: {@link #LF} where {@link System#lineSeparator()}
   * is LF (Linux, macOS), else {@link #AS_STORED} (CRLF on Windows). GnuPG and OpenPGP.js's text
   * output do the same on Unix.
   */
  NATIVE;

  /** Whether CR LF pairs in text become LF on this platform. */
  boolean convertsToLf() {
    return this == LF || (this == NATIVE && "\n".equals(System.lineSeparator()));
  }
}
