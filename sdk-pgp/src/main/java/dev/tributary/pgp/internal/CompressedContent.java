package dev.tributary.pgp.internal;

import dev.tributary.pgp.Compression;
import dev.tributary.pgp.PgpDataException;
import dev.tributary.pgp.PgpDataException.Reason;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;
import org.bouncycastle.apache.bzip2.CBZip2InputStream;
import org.bouncycastle.openpgp.PGPCompressedData;
import org.jspecify.annotations.Nullable;

/**
 * The decompressed content of a compressed data packet, and the check that the packet ends where
 * its compressed stream ends ({@link #requireEnd}). The decompressors stop at the end of their
 * stream and leave whatever follows it in the packet unread: a second literal data packet, say,
 * which nothing would have checked. ZIP and ZLIB go through the JDK's native zlib with a 64 KiB
 * buffer (BouncyCastle's stream reads 512 bytes per call into zlib, several times slower); BZIP2
 * through BouncyCastle. Not thread-safe, like any stream.
 *
 * <p>Inside a decryption ({@link #openDecryptedAhead}) the packet's body is read, and so decrypted,
 * on a helper thread ahead of the decompression: decompression is the slow part (zlib inflates
 * well-compressed text at about 200 MB/s here), and it then has the caller's core to itself.
 */
final class CompressedContent {
  private static final String MALFORMED =
      "the decrypted message is malformed: its compressed data ";

  private final Body body;
  private final @Nullable Inflater inflater;
  private final InputStream stream;
  private final @Nullable ReadAheadInputStream ahead;

  private CompressedContent(
      Body body,
      @Nullable Inflater inflater,
      InputStream stream,
      @Nullable ReadAheadInputStream ahead) {
    this.body = body;
    this.inflater = inflater;
    this.stream = stream;
    this.ahead = ahead;
  }

  /**
   * @param c a compressed data packet whose algorithm has been checked to be one of {@link
   *     Compression}
   */
  static CompressedContent open(PGPCompressedData c) throws IOException {
    return open(c, c.getInputStream(), null);
  }

  /**
   * Like {@link #open}, the packet's body read ahead on a helper thread. The caller must {@link
   * #stop} it before it reads the stream under the packet itself other than at the end.
   */
  static CompressedContent openDecryptedAhead(PGPCompressedData c) throws IOException {
    ReadAheadInputStream ahead = ReadAheadInputStream.decryptedAhead(c.getInputStream());
    try {
      return open(c, ahead, ahead);
    } catch (IOException | RuntimeException e) {
      ahead.stop();
      throw e;
    }
  }

  private static CompressedContent open(
      PGPCompressedData c, InputStream packetBody, @Nullable ReadAheadInputStream ahead)
      throws IOException {
    int alg = c.getAlgorithm();
    if (alg == Compression.ZIP.id()) {
      // A raw-deflate Inflater wants one dummy octet after the data (see Inflater's javadoc).
      Body body = new Body(packetBody, true);
      Inflater inflater = new Inflater(true);
      return new CompressedContent(
          body, inflater, new InflaterInputStream(body, inflater, 1 << 16), ahead);
    }
    Body body = new Body(packetBody, false);
    if (alg == Compression.ZLIB.id()) {
      Inflater inflater = new Inflater();
      return new CompressedContent(
          body, inflater, new InflaterInputStream(body, inflater, 1 << 16), ahead);
    }
    if (alg == Compression.BZIP2.id()) {
      return new CompressedContent(body, null, new OneBzip2Stream(body), ahead);
    }
    return new CompressedContent(body, null, body, ahead);
  }

  /**
   * Stops reading the packet ahead, if it is, and waits until the helper thread has left the stream
   * under the packet (see {@link ReadAheadInputStream#stop}). Idempotent.
   */
  void stop() {
    if (ahead != null) {
      ahead.stop();
    }
  }

  /** The decompressed packets. */
  InputStream stream() {
    return stream;
  }

  /**
   * Once {@link #stream} has ended, refuses anything in the packet after the compressed stream, and
   * a stream that took the dummy octet of ZIP as its own last octet; otherwise reads the packet to
   * its end, so that the packet after it can be read.
   */
  void requireEnd() throws IOException {
    if (inflater != null && !inflater.finished()) {
      // A ZLIB stream that asks for a preset dictionary ends at once; OpenPGP has none to give.
      throw new PgpDataException(Reason.MALFORMED, MALFORMED + "cannot be decompressed");
    }
    int expected = body.padded ? 1 : 0;
    long left =
        (inflater == null ? 0 : inflater.getRemaining())
            + body.peeked
            + body.countRest(expected + 1);
    if (left > expected) {
      throw new PgpDataException(
          Reason.MALFORMED,
          "the decrypted message is malformed: its compressed data packet continues after the end"
              + " of the compressed data");
    }
    if (left < expected) {
      throw new PgpDataException(Reason.MALFORMED, MALFORMED + "ends early: it is truncated");
    }
  }

  /**
   * A BZIP2 packet's one bzip2 stream. The bzip2 tool writes a stream per file and reads streams
   * one after another; GnuPG 2.2 and sqop read only the first of a packet's (GnuPG's output stops,
   * sqop refuses), so a packet holding a second stream is refused when the first ends, in words
   * that say so: refused later, it would read as a truncated literal data packet, or data after the
   * compressed data.
   */
  private static final class OneBzip2Stream extends FilterInputStream {
    private static final byte[] MAGIC = {'B', 'Z', 'h'};
    private final Body body;
    private boolean ended;
    private boolean secondStream;

    OneBzip2Stream(Body body) throws IOException {
      super(new CBZip2InputStream(body));
      this.body = body;
    }

    @Override
    public int read() throws IOException {
      int c = in.read();
      if (c < 0) {
        end();
      }
      return c;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = in.read(b, off, len);
      if (n < 0) {
        end();
      }
      return n;
    }

    /**
     * Reads what follows the stream, as far as a bzip2 stream header, and refuses such a header, on
     * this and every later read.
     */
    private void end() throws IOException {
      if (!ended) {
        ended = true;
        byte[] next = body.readNBytes(MAGIC.length + 1);
        body.peeked = next.length;
        secondStream =
            next.length == MAGIC.length + 1
                && Arrays.equals(next, 0, MAGIC.length, MAGIC, 0, MAGIC.length)
                && next[MAGIC.length] >= '1'
                && next[MAGIC.length] <= '9';
      }
      if (secondStream) {
        throw new PgpDataException(
            Reason.MALFORMED,
            MALFORMED
                + "packet holds a second bzip2 stream after the first: only one is read, as"
                + " GnuPG and Sequoia read only the first; compress the data as one stream");
      }
    }
  }

  /** The packet's body, optionally followed by one zero octet: the dummy that ZIP wants. */
  private static final class Body extends FilterInputStream {
    final boolean padded;

    /** Octets read after the compressed stream, before {@link #countRest}. */
    int peeked;

    private boolean dummyRead;

    Body(InputStream packetBody, boolean padded) {
      super(packetBody);
      this.padded = padded;
    }

    @Override
    public int read() throws IOException {
      int c = in.read();
      if (c < 0 && padded && !dummyRead) {
        dummyRead = true;
        return 0;
      }
      return c;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = in.read(b, off, len);
      if (n < 0 && len > 0 && padded && !dummyRead) {
        dummyRead = true;
        b[off] = 0;
        return 1;
      }
      return n;
    }

    /** The octets left, counted up to {@code enough}; all are read if there are fewer. */
    long countRest(int enough) throws IOException {
      byte[] rest = new byte[1 << 12];
      long count = 0;
      int n;
      while (count < enough && (n = read(rest, 0, rest.length)) >= 0) {
        count += n;
      }
      return count;
    }
  }
}
