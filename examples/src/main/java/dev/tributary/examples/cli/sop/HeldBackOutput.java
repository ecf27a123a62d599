package dev.tributary.examples.cli.sop;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Decrypted data held back from standard output until the message has passed its integrity check,
 * up to a limit: a tampered or truncated message of that size writes nothing at all, as sqop's
 * does. Past the limit the held data is written and the rest streams on, so memory stays bounded; a
 * failure then comes after output that the caller must discard (the error says so). Held in pieces
 * of {@link #PIECE} bytes, allocated as the data comes, so a small message costs little.
 *
 * <p>The pieces are direct buffers, outside the heap: held in the heap, the first garbage
 * collection of a large decryption copied them (some 10 MiB, 36 ms of a {@code -Xmx64m} run on a
 * 2-core VM), and the heap stays as small as without holding back.
 */
final class HeldBackOutput extends OutputStream {
  /** How much decrypted data {@code sop decrypt} holds back: 16 MiB. */
  static final int LIMIT = 16 << 20;

  private static final int PIECE = 256 << 10;

  private final OutputStream out;
  private final int limit;
  private final List<ByteBuffer> pieces = new ArrayList<>();
  private int held;
  private boolean streaming;

  HeldBackOutput(OutputStream out, int limit) {
    this.out = Objects.requireNonNull(out, "out");
    this.limit = limit;
  }

  @Override
  public void write(int b) throws IOException {
    write(new byte[] {(byte) b}, 0, 1);
  }

  @Override
  public void write(byte[] b, int off, int len) throws IOException {
    Objects.checkFromIndexSize(off, len, b.length);
    if (!streaming && len > limit - held) {
      release();
    }
    if (streaming) {
      out.write(b, off, len);
      return;
    }
    while (len > 0) {
      int at = held % PIECE;
      if (at == 0) {
        pieces.add(ByteBuffer.allocateDirect(PIECE));
      }
      int n = Math.min(len, PIECE - at);
      pieces.get(pieces.size() - 1).put(b, off, n);
      held += n;
      off += n;
      len -= n;
    }
  }

  /** Whether data was already passed on: the limit was reached. */
  boolean streaming() {
    return streaming;
  }

  /** Writes what is held and passes everything after it straight on. */
  void release() throws IOException {
    byte[] transfer = pieces.isEmpty() ? new byte[0] : new byte[PIECE];
    for (ByteBuffer piece : pieces) {
      int n = piece.flip().remaining();
      piece.get(transfer, 0, n);
      out.write(transfer, 0, n);
    }
    pieces.clear();
    held = 0;
    streaming = true;
  }

  /** Flushes what was passed on; what is still held stays held. */
  @Override
  public void flush() throws IOException {
    if (streaming) {
      out.flush();
    }
  }
}
