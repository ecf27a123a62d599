package dev.tributary.examples.cli.sop;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Passes a stream through, failing with a {@link java.nio.charset.CharacterCodingException} (an
 * {@link IOException}) where it is not UTF-8: for {@code --as=text} and {@code --as=clearsigned},
 * whose input the draft requires to be UTF-8 (exit 53 otherwise). Constant memory.
 */
final class Utf8Check extends FilterInputStream {
  private final CharsetDecoder decoder =
      StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT);

  /** Octets of a character cut by the end of a read, kept for the next. */
  private final ByteBuffer pending = ByteBuffer.allocate(1 << 16);

  private final CharBuffer chars = CharBuffer.allocate(1 << 16);

  private boolean ended;

  Utf8Check(InputStream in) {
    super(in);
  }

  /** {@code in} checked to be UTF-8 when {@code text}, else as it is. */
  static InputStream ifText(InputStream in, boolean text) {
    return text ? new Utf8Check(in) : in;
  }

  /**
   * What to report for {@code e}, thrown by {@code verb} reading stdin through a check: {@code
   * EXPECTED_TEXT} (53) if the check failed (its {@link CharacterCodingException} is a cause), else
   * {@code e} itself.
   */
  static RuntimeException failure(RuntimeException e, String verb, String as) {
    for (Throwable c = e; c != null; c = c.getCause()) {
      if (c instanceof CharacterCodingException) {
        return new SopExit.Failure(
            SopExit.EXPECTED_TEXT,
            "--as=" + as + " needs UTF-8 text, and stdin is not: " + verb + " it with --as=binary");
      }
    }
    return e;
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    int n = read(one, 0, 1);
    return n < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    int n = in.read(b, off, Math.min(len, pending.capacity() - 8));
    if (n < 0) {
      if (ended) {
        return -1;
      }
      ended = true;
      pending.flip();
      check(decoder.decode(pending, chars, true));
      chars.clear();
      check(decoder.flush(chars));
      if (pending.hasRemaining()) {
        throw new java.nio.charset.MalformedInputException(pending.remaining());
      }
      return -1;
    }
    pending.put(b, off, n);
    pending.flip();
    CoderResult r;
    do {
      chars.clear();
      r = decoder.decode(pending, chars, false);
      check(r);
    } while (r.isOverflow());
    pending.compact();
    return n;
  }

  private static void check(CoderResult r) throws IOException {
    if (r.isError()) {
      r.throwException();
    }
  }
}
