package dev.tributary.pgp.internal;

import dev.tributary.pgp.PgpDataException;
import dev.tributary.pgp.PgpDataException.Reason;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.bouncycastle.bcpg.ArmoredInputStream;

/**
 * De-armored data that can tell whether its armor ended with the footer line ({@code -----END PGP
 * SIGNATURE-----}). BouncyCastle's {@link ArmoredInputStream} ends the data at the end of the input
 * just as at the footer, so armor cut off after a whole packet would read as complete. This watches
 * the lines BouncyCastle reads (not those buffered ahead of it): when the data has ended, the last
 * one must be the footer; and it can read what follows the armor, which must be blank. Not
 * thread-safe, like any stream.
 */
final class ArmorFooter extends FilterInputStream {
  private final Lines lines;
  private final String footer;
  private boolean ended;

  private ArmorFooter(InputStream armored, Lines lines, String block) {
    super(armored);
    this.lines = lines;
    this.footer = "-----END PGP " + block + "-----";
  }

  /**
   * The packets of the armored {@code text}, whose block kind is {@code block}: "SIGNATURE".
   *
   * @param text the armor after its blank line: {@link ArmorLines#skipHeaders} has read the lines
   *     before it
   */
  static ArmorFooter open(InputStream text, String block, boolean checkCrc) throws IOException {
    Lines lines = new Lines(text);
    return new ArmorFooter(
        ArmoredInputStream.builder().setParseForHeaders(false).setIgnoreCRC(!checkCrc).build(lines),
        lines,
        block);
  }

  // After the footer BouncyCastle would decode what follows as more data: it reads no headers.
  @Override
  public int read() throws IOException {
    if (ended) {
      return -1;
    }
    int c = in.read();
    ended = c < 0;
    return c;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    if (ended) {
      return -1;
    }
    int n = in.read(b, off, len);
    ended = n < 0;
    return n;
  }

  @Override
  public long skip(long n) throws IOException {
    return ended ? 0 : in.skip(n);
  }

  /**
   * Refuses {@code packets}, read to their end, if they are armored data that ended without its
   * footer, or whose footer line holds text after the footer; binary data passes.
   *
   * @param subject what was read, as it starts a sentence: "the signature"
   */
  static void require(InputStream packets, String subject) {
    if (!(packets instanceof ArmorFooter armor)) {
      return;
    }
    String last = armor.lines.last();
    if (last.startsWith(armor.footer) && !last.equals(armor.footer)) {
      throw new PgpDataException(
          Reason.MALFORMED, ArmorText.textAfterFooter(subject, armor.footer));
    }
    if (!last.equals(armor.footer)) {
      throw new PgpDataException(
          Reason.MALFORMED,
          "the armor footer "
              + armor.footer
              + " is missing at the end: "
              + subject
              + " was cut off; use all of it, including the last line");
    }
  }

  /**
   * Refuses anything but blank lines after the armor of {@code packets}, read to their end; binary
   * data passes.
   *
   * @param subject what was read, as it starts a sentence: "the message"
   */
  static void requireOnlyBlankAfter(InputStream packets, String subject) throws IOException {
    if (!(packets instanceof ArmorFooter armor)) {
      return;
    }
    byte[] rest = new byte[1 << 12];
    int n;
    while ((n = armor.lines.read(rest, 0, rest.length)) >= 0) {
      for (int i = 0; i < n; i++) {
        byte c = rest[i];
        if (c != ' ' && c != '\t' && c != '\r' && c != '\n') {
          throw new PgpDataException(
              Reason.MALFORMED,
              subject
                  + " continues after its armor footer "
                  + armor.footer
                  + ": only blank lines may follow it");
        }
      }
    }
  }

  /**
   * Remembers the last non-blank line read, stripped; long lines only in part. It sees every octet
   * of an armored message too, so it keeps characters in arrays and makes a string only when asked.
   */
  private static final class Lines extends FilterInputStream {
    private static final int LONGEST = 80;
    private final char[] line = new char[LONGEST];
    private final char[] last = new char[LONGEST];
    private int lineLength;
    private int lastLength;
    private boolean lineBlank = true;

    Lines(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      int c = in.read();
      see(c);
      return c;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = in.read(b, off, len);
      if (n < 0) {
        see(-1);
      }
      for (int i = 0; i < n; i++) {
        see(b[off + i] & 0xff);
      }
      return n;
    }

    private void see(int c) {
      if (c < 0 || c == '\n' || c == '\r') {
        if (!lineBlank) {
          System.arraycopy(line, 0, last, 0, lineLength);
          lastLength = lineLength;
        }
        lineLength = 0;
        lineBlank = true;
      } else if (lineLength < LONGEST) {
        line[lineLength++] = (char) c;
        lineBlank &= Character.isWhitespace(c);
      }
    }

    /** The last non-blank line, stripped. */
    String last() {
      return new String(last, 0, lastLength).strip();
    }
  }
}
