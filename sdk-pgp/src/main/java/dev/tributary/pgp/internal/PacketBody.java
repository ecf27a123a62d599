package dev.tributary.pgp.internal;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The body of one new-format OpenPGP packet, read from the stream that holds the packet through its
 * length and any partial body lengths (RFC 9580, sections 4.2.1 and 4.2.1.4). It reports the end
 * exactly where the packet ends, so that the stream under it is then at the next packet; a stream
 * that ends inside the packet, in a piece or in a length, throws {@link EOFException}, as
 * BouncyCastle's reader does. {@code close} does not close the stream under it. Not thread-safe.
 *
 * <p>It reads the encrypted data packet's body ({@link TopLevelPackets}) instead of BouncyCastle's
 * reader, which wraps each packet's body in a {@code BufferedInputStream} over its own partial body
 * reader. GnuPG cuts an encrypted message whose length it does not know (a compressed one, or one
 * read from a pipe) into 8 KiB pieces, and each piece then went through both, plus the buffered
 * stream under them: in a 512 MiB {@code sop decrypt} C2 spent about 0.15 s compiling that nest
 * into one 23 KB method. Here a read crosses from piece to piece within one call.
 */
final class PacketBody extends InputStream {
  private final InputStream in;

  /** The octets of the first length, as read: the packet's header without its first octet. */
  private final byte[] lengthOctets;

  /** Octets left in the current piece. */
  private long left;

  /** Whether the current piece is a partial one, so that another length follows it. */
  private boolean partial;

  /**
   * Reads the packet's first length, just after its header octet.
   *
   * @param in the stream, positioned after a new-format header octet
   */
  PacketBody(InputStream in) throws IOException {
    this.in = in;
    byte[] octets = new byte[5];
    int n = readLength(octets);
    this.lengthOctets = Arrays.copyOf(octets, n);
  }

  /** The first length's octets as they were read, to hand the packet on from its header. */
  byte[] lengthOctets() {
    return lengthOctets.clone();
  }

  @Override
  public int read() throws IOException {
    if (!hasMore()) {
      return -1;
    }
    int c = in.read();
    if (c < 0) {
      throw endsEarly();
    }
    left--;
    return c;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    Objects.checkFromIndexSize(off, len, b.length);
    if (len == 0) {
      return 0;
    }
    int n = 0;
    while (n < len && hasMore()) {
      int want = (int) Math.min(len - n, left);
      int r = in.read(b, off + n, want);
      if (r < 0) {
        throw endsEarly();
      }
      n += r;
      left -= r;
      if (r < want) {
        break; // the stream under it has no more at hand: return what there is
      }
    }
    return n == 0 ? -1 : n;
  }

  /** Whether the body has another octet, reading the next length where a partial piece ended. */
  private boolean hasMore() throws IOException {
    while (left == 0 && partial) {
      readLength(null);
    }
    return left > 0;
  }

  /**
   * Reads one length into {@link #left} and {@link #partial}: one octet below 192, two below 224, a
   * partial body length (a power of two) below 255, and 255 and four octets otherwise.
   *
   * @param octets where to copy the octets read, or null
   * @return how many octets were read
   */
  private int readLength(byte @Nullable [] octets) throws IOException {
    int first = next(octets, 0);
    partial = false;
    if (first < 192) {
      left = first;
      return 1;
    }
    if (first < 224) {
      left = ((first - 192L) << 8) + next(octets, 1) + 192;
      return 2;
    }
    if (first < 255) {
      left = 1L << (first & 0x1f);
      partial = true;
      return 1;
    }
    long length = 0;
    for (int i = 1; i <= 4; i++) {
      length = length << 8 | next(octets, i);
    }
    left = length;
    return 5;
  }

  private int next(byte @Nullable [] octets, int i) throws IOException {
    int c = in.read();
    if (c < 0) {
      throw endsEarly();
    }
    if (octets != null) {
      octets[i] = (byte) c;
    }
    return c;
  }

  private static EOFException endsEarly() {
    return new EOFException("the data ends inside a packet");
  }
}
