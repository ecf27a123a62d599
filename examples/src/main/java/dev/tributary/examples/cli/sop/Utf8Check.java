package dev.tributary.examples.cli.sop;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.MalformedInputException;

/**
 * Passes a stream through, failing with a {@link MalformedInputException} (a {@link
 * CharacterCodingException}, an {@link IOException}) where it is not UTF-8: for {@code --as=text}
 * and {@code --as=clearsigned}, whose input the draft requires to be UTF-8 (exit 53 otherwise).
 * Constant memory.
 *
 * <p>It checks the octets against the well-formed byte sequences of the Unicode Standard (section
 * 3.9, table 3-7; RFC 3629), which the JDK's UTF-8 decoder accepts too: no overlong forms, no
 * surrogates, nothing above U+10FFFF, no sequence cut short at the end. It decodes no characters:
 * ASCII, most of a text, passes eight octets at a time. (The JDK's decoder, used before, makes
 * characters of every octet through {@code String}'s internals, which the runner's compiler
 * directive keeps from C2: {@code JitDirectives}.)
 */
final class Utf8Check extends FilterInputStream {
  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  private static final long HIGH_BITS = 0x8080808080808080L;

  /** The octets of a sequence cut by the end of a read, kept for the next. */
  private final byte[] carry = new byte[4];

  private int carried;

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
    int n = in.read(b, off, len);
    if (n < 0) {
      if (!ended && carried > 0) {
        throw new MalformedInputException(carried); // a sequence cut short by the end
      }
      ended = true;
      return -1;
    }
    int from = off;
    int to = off + n;
    if (carried > 0) {
      int need = length(carry[0]);
      int take = Math.min(need - carried, n);
      System.arraycopy(b, off, carry, carried, take);
      carried += take;
      check(carry, 0, carried); // the sequence so far, whole or not
      if (carried < need) {
        return n;
      }
      carried = 0;
      from += take;
    }
    int cut = check(b, from, to);
    carried = to - cut;
    System.arraycopy(b, cut, carry, 0, carried);
    return n;
  }

  /** Skips by reading, so that the octets skipped are checked too. */
  @Override
  public long skip(long n) throws IOException {
    byte[] buffer = new byte[(int) Math.min(Math.max(n, 0), 8192)];
    long skipped = 0;
    while (skipped < n) {
      int read = read(buffer, 0, (int) Math.min(buffer.length, n - skipped));
      if (read < 0) {
        break;
      }
      skipped += read;
    }
    return skipped;
  }

  /** No mark: octets read again after a reset would be checked twice, out of order. */
  @Override
  public boolean markSupported() {
    return false;
  }

  @Override
  public void mark(int readlimit) {}

  @Override
  public void reset() throws IOException {
    throw new IOException("mark/reset not supported");
  }

  /**
   * Checks {@code a[from, to)}; returns where a well-formed but unfinished sequence at its end
   * begins, or {@code to}.
   */
  static int check(byte[] a, int from, int to) throws MalformedInputException {
    int i = from;
    while (i < to) {
      while (i + 8 <= to && ((long) LONGS.get(a, i) & HIGH_BITS) == 0) {
        i += 8;
      }
      if (i == to) {
        break;
      }
      int lead = a[i] & 0xff;
      if (lead < 0x80) {
        i++;
        continue;
      }
      int need = length(a[i]);
      if (need == 0) {
        throw new MalformedInputException(1);
      }
      int have = Math.min(need, to - i);
      if (have > 1) {
        int second = a[i + 1] & 0xff;
        int low = lead == 0xE0 ? 0xA0 : lead == 0xF0 ? 0x90 : 0x80;
        int high = lead == 0xED ? 0x9F : lead == 0xF4 ? 0x8F : 0xBF;
        if (second < low || second > high) {
          throw new MalformedInputException(1);
        }
        for (int k = 2; k < have; k++) {
          if ((a[i + k] & 0xC0) != 0x80) {
            throw new MalformedInputException(k);
          }
        }
      }
      if (have < need) {
        return i;
      }
      i += need;
    }
    return to;
  }

  /** How many octets a sequence beginning with {@code lead} has; 0 if it begins none. */
  private static int length(byte lead) {
    int b = lead & 0xff;
    return b < 0x80 ? 1 : b < 0xC2 ? 0 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : b < 0xF5 ? 4 : 0;
  }
}
