package dev.tributary.pgp.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import org.bouncycastle.bcpg.CRC24;
import org.bouncycastle.bcpg.FastCRC24;

/**
 * Writes what is written to it as ASCII armor (RFC 9580, section 6.2): the header line and a blank
 * line, base64 in lines of 64 characters, the checksum line ({@code =} and the CRC-24 of the data,
 * which RFC 9580 makes optional but GnuPG 2.2 expects), and at {@link #close} the footer line; LF
 * line endings. BouncyCastle's {@code ArmoredOutputStream} writes the same, one octet per call, at
 * about 30 MB/s; this encodes 48 KiB at a time with the JDK's base64 encoder. Closing does not
 * close {@code out}. Not thread-safe.
 */
final class ArmorEncoder extends OutputStream {
  private static final int LINE = 48; // octets per 64-character line
  private static final Base64.Encoder LINES =
      Base64.getMimeEncoder(64, new byte[] {'\n'}); // no separator after the last line

  private final OutputStream out;
  private final String block;
  private final CRC24 crc = new FastCRC24();
  private final byte[] data = new byte[LINE * 1024];

  /** The text of {@code data}: 64 characters and an LF per line. */
  private final byte[] text = new byte[data.length / LINE * 65];

  private int filled;
  private boolean closed;

  /**
   * @param block the kind of armor, as its header line names it: "MESSAGE"
   */
  ArmorEncoder(OutputStream out, String block) throws IOException {
    this.out = out;
    this.block = block;
    out.write(("-----BEGIN PGP " + block + "-----\n\n").getBytes(StandardCharsets.US_ASCII));
  }

  @Override
  public void write(int b) throws IOException {
    write(new byte[] {(byte) b}, 0, 1);
  }

  @Override
  public void write(byte[] b, int off, int len) throws IOException {
    java.util.Objects.checkFromIndexSize(off, len, b.length);
    if (closed) {
      throw new IOException("the armor is already finished");
    }
    for (int i = off; i < off + len; i++) {
      crc.update(b[i] & 0xff);
    }
    int o = off;
    int left = len;
    while (left > 0) {
      int n = Math.min(left, data.length - filled);
      System.arraycopy(b, o, data, filled, n);
      filled += n;
      o += n;
      left -= n;
      if (filled == data.length) {
        writeLines(data);
        filled = 0;
      }
    }
  }

  private void writeLines(byte[] octets) throws IOException {
    int n = LINES.encode(octets, text); // no separator after the last line: room for its LF
    text[n] = '\n';
    out.write(text, 0, n + 1);
  }

  @Override
  public void flush() throws IOException {
    out.flush(); // whole lines only: a partial line waits for more data or close
  }

  /** Writes the last line, the checksum line and the footer line; {@code out} stays open. */
  @Override
  public void close() throws IOException {
    if (closed) {
      return;
    }
    closed = true;
    if (filled > 0) {
      writeLines(Arrays.copyOf(data, filled));
    }
    int sum = crc.getValue();
    byte[] checksum = {(byte) (sum >>> 16), (byte) (sum >>> 8), (byte) sum};
    String tail =
        "=" + Base64.getEncoder().encodeToString(checksum) + "\n-----END PGP " + block + "-----\n";
    out.write(tail.getBytes(StandardCharsets.US_ASCII));
    out.flush();
  }
}
