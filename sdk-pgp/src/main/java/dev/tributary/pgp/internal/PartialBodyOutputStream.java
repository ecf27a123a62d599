package dev.tributary.pgp.internal;

import java.io.IOException;
import java.io.OutputStream;

/**
 * The body of one OpenPGP packet whose length is not known in advance, written with partial body
 * lengths (RFC 9580, section 4.2.1.4): a new-format header, then 256 KiB pieces, each announced by
 * one length octet, then the rest with a definite length when the stream is closed. Closing ends
 * the packet; {@code target} stays open. Not thread-safe.
 *
 * <p>BouncyCastle's {@code BCPGOutputStream} does the same; this one exists because a short-lived
 * process (one {@code sop} call) spent more time compiling BouncyCastle's version than running it.
 */
final class PartialBodyOutputStream extends OutputStream {
  private static final int POWER = 18;

  /** The size of a partial body piece, 256 KiB. */
  static final int PIECE = 1 << POWER;

  private final OutputStream target;

  /** The length octet of a full piece, then the piece. */
  private final byte[] buffer = new byte[1 + PIECE];

  private int used;
  private boolean closed;

  /**
   * Writes the packet's header.
   *
   * @param tag the packet type
   */
  PartialBodyOutputStream(OutputStream target, int tag) throws IOException {
    this.target = target;
    buffer[0] = (byte) (0xE0 | POWER);
    target.write(0xC0 | tag);
  }

  @Override
  public void write(int b) throws IOException {
    write(new byte[] {(byte) b}, 0, 1);
  }

  @Override
  public void write(byte[] b, int off, int len) throws IOException {
    if (closed) {
      throw new IOException("the packet is already finished");
    }
    while (len > 0) {
      if (used == 0 && len >= PIECE) { // a whole piece, straight from the caller's array
        target.write(buffer, 0, 1);
        target.write(b, off, PIECE);
        off += PIECE;
        len -= PIECE;
        continue;
      }
      int n = Math.min(len, PIECE - used);
      System.arraycopy(b, off, buffer, 1 + used, n);
      used += n;
      off += n;
      len -= n;
      if (used == PIECE) {
        target.write(buffer, 0, 1 + PIECE);
        used = 0;
      }
    }
  }

  /**
   * Writes {@code b[off, off + len)}. When that is exactly one whole piece and nothing is buffered,
   * the piece's length octet is put into {@code b[off - 1]}, which the caller leaves free for it,
   * and the piece goes out in one write without a copy; otherwise this is {@link #write(byte[],
   * int, int)}.
   */
  void writeWithHeadroom(byte[] b, int off, int len) throws IOException {
    if (!closed && used == 0 && len == PIECE && off >= 1) {
      b[off - 1] = (byte) (0xE0 | POWER);
      target.write(b, off - 1, 1 + PIECE);
    } else {
      write(b, off, len);
    }
  }

  /**
   * How many octets of the current piece are buffered: a writer that fills the rest of the piece
   * first can then hand over whole pieces to {@link #writeWithHeadroom} without a copy.
   */
  int buffered() {
    return used;
  }

  /** Writes the last piece with its definite length (possibly zero), ending the packet. */
  @Override
  public void close() throws IOException {
    if (closed) {
      return;
    }
    closed = true;
    if (used < 192) {
      target.write(used);
    } else if (used < 8384) {
      target.write(((used - 192) >> 8) + 192);
      target.write((used - 192) & 0xFF);
    } else {
      target.write(
          new byte[] {(byte) 0xFF, 0, (byte) (used >> 16), (byte) (used >> 8), (byte) used});
    }
    target.write(buffer, 1, used);
  }
}
