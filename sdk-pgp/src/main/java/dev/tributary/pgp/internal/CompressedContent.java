package dev.tributary.pgp.internal;

import dev.tributary.pgp.Compression;
import dev.tributary.pgp.PgpDataException;
import dev.tributary.pgp.PgpDataException.Reason;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Objects;
import java.util.zip.Adler32;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;
import org.bouncycastle.apache.bzip2.CBZip2InputStream;
import org.bouncycastle.openpgp.PGPCompressedData;
import org.jspecify.annotations.Nullable;

/**
 * The decompressed content of a compressed data packet, and the check that the packet ends where
 * its compressed stream ends ({@link #requireEnd}). The decompressors stop at the end of their
 * stream and leave whatever follows it in the packet unread: a second literal data packet, say,
 * which nothing would have checked. ZIP and ZLIB go through the JDK's native zlib with a 256 KiB
 * input buffer ({@link #INPUT_BUFFER}; BouncyCastle's stream reads 512 bytes per call into zlib,
 * several times slower), ZLIB's header and checksum read here ({@link ZlibInputStream}); BZIP2
 * through BouncyCastle. Not thread-safe, like any stream.
 *
 * <p>Inside a decryption ({@link #openForDecryption}) the packet's body is read, and so decrypted,
 * on a helper thread ahead of the decompression once decompression is the slow part: from the start
 * for BZIP2; for ZIP and ZLIB once the data decompressed outgrows the data read. zlib inflates
 * well-compressed text at about 200 MB/s here, so decompression then gets the caller's core to
 * itself. Data that does not compress (stored blocks, which zlib copies at memory speed) is read on
 * the caller's thread, as an uncompressed message is: a helper would only add a copy and a third
 * busy thread, on two cores that the MDC's SHA-1 thread already shares.
 */
final class CompressedContent {
  private static final String MALFORMED =
      "the decrypted message is malformed: its compressed data ";

  /**
   * The inflater's input buffer: as large as a decryption's chunk, so that data which does not
   * compress (stored blocks, copied at memory speed) comes out 256 KiB per read rather than 64 KiB.
   * A 512 MiB message of gpg's stored blocks then takes 2,048 reads instead of 8,192. In a fresh
   * JVM, as in one {@code sop} call, 8,192 reads made the read hot late in the run, and C2 compiled
   * the whole decryption inlined into it (an 86 ms task, a 15 KB method) on the two busy cores;
   * with 2,048 it does not (about 0.15 s less C2 time per run in compilation logs, a wall-clock
   * gain within a 2-core VM's noise).
   */
  static final int INPUT_BUFFER = 1 << 18;

  private final Body body;
  private final @Nullable Inflater inflater;
  private final InputStream stream;

  private CompressedContent(Body body, @Nullable Inflater inflater, InputStream stream) {
    this.body = body;
    this.inflater = inflater;
    this.stream = stream;
  }

  /**
   * @param c a compressed data packet whose algorithm has been checked to be one of {@link
   *     Compression}
   */
  static CompressedContent open(PGPCompressedData c) throws IOException {
    return open(c.getAlgorithm(), c.getInputStream());
  }

  /**
   * @param alg a compression algorithm, checked to be one of {@link Compression}
   * @param packetBody the packet's body after its algorithm octet
   */
  static CompressedContent open(int alg, InputStream packetBody) throws IOException {
    return open(alg, packetBody, false);
  }

  /**
   * Like {@link #open}, the packet's body read ahead on a helper thread once decompression is the
   * slow part (see the class comment). The caller must {@link #stop} it before it reads the stream
   * under the packet itself other than at the end.
   */
  static CompressedContent openForDecryption(PGPCompressedData c) throws IOException {
    CompressedContent content = open(c.getAlgorithm(), c.getInputStream(), true);
    if (c.getAlgorithm() == Compression.BZIP2.id()) {
      content.body.readAhead();
    }
    return content;
  }

  /**
   * @param aheadWhenInflating read ahead once the inflater has written more than it has read
   */
  private static CompressedContent open(int alg, InputStream packetBody, boolean aheadWhenInflating)
      throws IOException {
    if (alg == Compression.ZIP.id()) {
      // A raw-deflate Inflater wants one dummy octet after the data (see Inflater's javadoc).
      Body body = new Body(packetBody, true);
      Inflater inflater = new Inflater(true);
      body.watch(aheadWhenInflating ? inflater : null);
      return new CompressedContent(
          body, inflater, new InflaterInputStream(body, inflater, INPUT_BUFFER));
    }
    Body body = new Body(packetBody, false);
    if (alg == Compression.ZLIB.id()) {
      ZlibInputStream zlib = new ZlibInputStream(body);
      body.watch(aheadWhenInflating ? zlib.inflater : null);
      return new CompressedContent(body, zlib.inflater, zlib);
    }
    if (alg == Compression.BZIP2.id()) {
      return new CompressedContent(body, null, new OneBzip2Stream(body));
    }
    return new CompressedContent(body, null, body);
  }

  /**
   * Stops reading the packet ahead, if it is, and waits until the helper thread has left the stream
   * under the packet (see {@link ReadAheadInputStream#stop}); after it the packet is not read ahead
   * any more. Idempotent.
   */
  void stop() {
    body.stopReadingAhead();
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
      throw new PgpDataException(Reason.MALFORMED, MALFORMED + "cannot be decompressed");
    }
    int trailerBuffered = 0;
    if (stream instanceof ZlibInputStream zlib) {
      trailerBuffered = zlib.checkTrailer();
    }
    int expected = body.padded ? 1 : 0;
    long left =
        (inflater == null ? 0 : inflater.getRemaining() - trailerBuffered)
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

    /**
     * Byte by byte, as CBZip2InputStream's own {@code read(byte[], int, int)} does, which is
     * InputStream's: that one swallows an IOException after the first byte, and the decoder then
     * reads on from a broken state, so a source that failed midway read as damaged data ("Block CRC
     * error") instead of as the failure it is.
     */
    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      Objects.checkFromIndexSize(off, len, b.length);
      if (len == 0) {
        return 0;
      }
      int n = 0;
      int c;
      while (n < len && (c = in.read()) >= 0) {
        b[off + n++] = (byte) c;
      }
      if (n == 0) {
        end();
        return -1;
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

  /**
   * A ZLIB stream (RFC 1950): its two-octet header and its Adler-32 checksum of the decompressed
   * data are read here, and the deflate data between them is inflated raw. In a 512 MiB {@code sop
   * decrypt} of gpg's ZLIB message, zlib's own Adler-32 was 8 % of the CPU samples (perf, 2-core
   * AMD EPYC), on the thread that decompresses; the JDK's {@link Adler32} runs as a vectorised
   * intrinsic once the JIT has compiled its caller. The checksum is checked all the same, when the
   * stream ends: the MDC protects the compressed octets, the checksum the decompressor's work.
   */
  private static final class ZlibInputStream extends InflaterInputStream {
    final Inflater inflater;
    private final Adler32 adler = new Adler32();
    private boolean headerRead;

    /** The trailer's octets taken from the inflater's input buffer, once it has been checked. */
    private int trailerBuffered = -1;

    /** Why the trailer was refused: thrown again, rather than reading on past it. */
    private @Nullable PgpDataException trailerRefused;

    ZlibInputStream(Body body) {
      this(body, new Inflater(true));
    }

    private ZlibInputStream(Body body, Inflater inflater) {
      super(body, inflater, INPUT_BUFFER);
      this.inflater = inflater;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      if (!headerRead) {
        readHeader();
      }
      int n = super.read(b, off, len);
      if (n > 0) {
        checksum(adler, b, off, n);
      } else if (n < 0) {
        checkTrailer();
      }
      return n;
    }

    /**
     * The header's checks that zlib makes: the check bits, deflate with at most a 32 KiB window,
     * and no preset dictionary, which OpenPGP has none to give.
     */
    private void readHeader() throws IOException {
      headerRead = true;
      byte[] header = in.readNBytes(2);
      if (header.length < 2) {
        throw new PgpDataException(Reason.MALFORMED, MALFORMED + "ends early: it is truncated");
      }
      int cmf = header[0] & 0xff;
      int flg = header[1] & 0xff;
      if ((cmf << 8 | flg) % 31 != 0 || (cmf & 0x0f) != 8 || cmf >> 4 > 7 || (flg & 0x20) != 0) {
        throw new PgpDataException(Reason.MALFORMED, MALFORMED + "cannot be decompressed");
      }
    }

    /**
     * Once the deflate data has ended, reads the Adler-32 checksum after it, partly from the
     * inflater's input buffer, and refuses one that does not match; once only.
     *
     * @return how many of the checksum's octets came from the inflater's input buffer
     */
    int checkTrailer() throws IOException {
      if (trailerRefused != null) {
        throw trailerRefused;
      }
      if (trailerBuffered >= 0) {
        return trailerBuffered;
      }
      int buffered = Math.min(4, inflater.getRemaining());
      byte[] trailer = new byte[4];
      System.arraycopy(buf, len - inflater.getRemaining(), trailer, 0, buffered);
      int read = in.readNBytes(trailer, buffered, 4 - buffered);
      long expected = 0;
      for (byte t : trailer) {
        expected = expected << 8 | (t & 0xff);
      }
      if (buffered + read < 4) {
        trailerRefused =
            new PgpDataException(Reason.MALFORMED, MALFORMED + "ends early: it is truncated");
      } else if (expected != adler.getValue()) {
        trailerRefused =
            new PgpDataException(
                Reason.MALFORMED,
                MALFORMED
                    + "fails its checksum (Adler-32): it was damaged before it was encrypted");
      }
      if (trailerRefused != null) {
        throw trailerRefused;
      }
      trailerBuffered = buffered;
      return buffered;
    }
  }

  /**
   * Adds {@code len} octets to a ZLIB stream's checksum: a method of its own, which {@link
   * HotPathWarmUp} gets compiled early with the JDK's intrinsic (until then, {@link Adler32} calls
   * zlib's scalar code).
   */
  static void checksum(Adler32 adler, byte[] b, int off, int len) {
    adler.update(b, off, len);
  }

  /**
   * The packet's body, optionally followed by one zero octet: the dummy that ZIP wants; read ahead
   * on a helper thread from the start ({@link #readAhead}) or from the first read at which the
   * {@linkplain #watch watched} inflater has written more than it has read.
   */
  private static final class Body extends FilterInputStream {
    final boolean padded;

    /** Octets read after the compressed stream, before {@link #countRest}. */
    int peeked;

    private boolean dummyRead;
    private @Nullable Inflater watched;
    private @Nullable ReadAheadInputStream ahead;

    Body(InputStream packetBody, boolean padded) {
      super(packetBody);
      this.padded = padded;
    }

    void watch(@Nullable Inflater inflater) {
      watched = inflater;
    }

    /** From now on, reads the packet's body ahead on a helper thread. */
    void readAhead() {
      watched = null;
      if (ahead == null) {
        ahead = ReadAheadInputStream.decryptedAhead(in);
        in = ahead;
      }
    }

    /** Stops the helper, if there is one, and any switch to one later. */
    void stopReadingAhead() {
      watched = null;
      if (ahead != null) {
        ahead.stop();
      }
    }

    /**
     * Reads ahead once decompression has become the slow part: once the inflater's output outgrows
     * its input. Stored deflate blocks (data that does not compress) never do.
     */
    private void switchWhenInflating() {
      Inflater inflater = watched;
      if (inflater != null && inflater.getBytesWritten() > inflater.getBytesRead()) {
        readAhead();
      }
    }

    @Override
    public int read() throws IOException {
      switchWhenInflating();
      int c = in.read();
      if (c < 0 && padded && !dummyRead) {
        dummyRead = true;
        return 0;
      }
      return c;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      switchWhenInflating();
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
      watched = null; // the stream has ended: no helper for the few octets after it
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
