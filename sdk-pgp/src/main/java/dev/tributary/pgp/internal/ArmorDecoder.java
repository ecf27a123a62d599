package dev.tributary.pgp.internal;

import dev.tributary.pgp.PgpDataException;
import dev.tributary.pgp.PgpDataException.Reason;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.bouncycastle.bcpg.CRC24;
import org.jspecify.annotations.Nullable;

/**
 * The data of ASCII armor, decoded from base64 as it streams, after {@link ArmorLines#skipHeaders}
 * has read the lines before it: base64 lines, then an optional checksum line ({@code =} and four
 * base64 characters, the CRC-24 of the data), then the footer line ({@code -----END PGP
 * MESSAGE-----}). As GnuPG reads armor, spaces, tabs and CRs are whitespace and LF ends a line. The
 * checksum may also be joined to the end of the last line of data, as copy and paste can leave it
 * ({@link #joinedChecksum}).
 *
 * <p>BouncyCastle's {@code ArmoredInputStream} decodes the same, but one character per call through
 * every stream below it, at about 25 MB/s; this decodes 64 KiB at a time. It is also stricter where
 * BouncyCastle reads on: a character that is not base64, base64 after the padding or after the
 * checksum line, and data that ends inside a group of four characters are refused, in words that
 * say so ({@link Damage}). BouncyCastle ends the data at the end of the input just as at the
 * footer, so armor cut off after a whole packet would read as complete; {@link #require} tells the
 * two apart, and {@link #requireOnlyBlankAfter} reads what follows the footer. Not thread-safe,
 * like any stream.
 */
final class ArmorDecoder extends InputStream {
  private static final byte SPACE = -1;
  private static final byte NEWLINE = -2;
  private static final byte EQUALS = -3;
  private static final byte DASH = -4;
  private static final byte OTHER = -5;

  /** What {@link #peek} finds past the end of the input. */
  private static final int END = -6;

  private static final byte[] CLASSES = new byte[256];

  static {
    java.util.Arrays.fill(CLASSES, OTHER);
    String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    for (int i = 0; i < alphabet.length(); i++) {
      CLASSES[alphabet.charAt(i)] = (byte) i;
    }
    CLASSES[' '] = SPACE;
    CLASSES['\t'] = SPACE;
    CLASSES['\r'] = SPACE;
    CLASSES['\n'] = NEWLINE;
    CLASSES['='] = EQUALS;
    CLASSES['-'] = DASH;
  }

  private final InputStream in;
  private final String subject;
  private final String footer;
  private final @Nullable CRC24 crc;
  // As large as ArmorDetection's buffered streams, which then hand over reads without a copy.
  private final byte[] buf;
  private int pos;
  private int limit;

  /** The bits of the group of four characters being read, and how many of them were read. */
  private int bits;

  private int chars;

  /** Decoded octets a read had no room for. */
  private final byte[] pending = new byte[3];

  private final byte[] one = new byte[1];

  private int pendingPos;
  private int pendingEnd;
  private boolean lineStart = true;
  private boolean padded;

  /** The padding characters still owed to the padded group: one after the first of "xx==". */
  private int paddingOwed;

  private boolean checksumRead;
  private boolean ended;
  private @Nullable String footerLine;

  private ArmorDecoder(InputStream in, String block, boolean checkCrc, byte[] buf) {
    this.in = in;
    this.buf = buf;
    this.subject = "the armored " + block.toLowerCase(Locale.ROOT);
    this.footer = "-----END PGP " + block + "-----";
    this.crc = checkCrc ? new CRC24() : null;
  }

  /**
   * The packets of the armored {@code text}, whose block kind is {@code block}: "SIGNATURE".
   *
   * @param text the armor after its blank line: {@link ArmorLines#skipHeaders} has read the lines
   *     before it
   * @param checkCrc whether a checksum line must match the data (RFC 9580, section 6.1, says not to
   *     reject a message for it; its MDC or AEAD protects it)
   */
  static ArmorDecoder open(InputStream text, String block, boolean checkCrc) {
    return new ArmorDecoder(text, block, checkCrc, new byte[1 << 16]);
  }

  /**
   * As {@link #open}, for the block that follows this one in {@link #rest}, with this decoder's
   * buffer: blocks of a few dozen characters each must not cost 64 KiB each. Nothing is read from
   * this decoder after it.
   */
  ArmorDecoder next(InputStream text, String block, boolean checkCrc) {
    return new ArmorDecoder(text, block, checkCrc, buf);
  }

  @Override
  public int read() throws IOException {
    int n = read(one, 0, 1);
    return n < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    java.util.Objects.checkFromIndexSize(off, len, b.length);
    if (len == 0) {
      return 0;
    }
    int o = off;
    int end = off + len;
    while (pendingPos < pendingEnd && o < end) {
      b[o++] = pending[pendingPos++];
    }
    while (o < end && !ended) {
      if (pos == limit && !fill()) {
        ended = true;
        break;
      }
      int c = CLASSES[buf[pos++] & 0xff];
      if (c >= 0) {
        if (padded || checksumRead) {
          throw new Damage(
              subject
                  + " is damaged: base64 data follows its "
                  + (checksumRead ? "checksum line" : "padding ('=')"));
        }
        lineStart = false;
        bits = bits << 6 | c;
        if (++chars == 4) {
          chars = 0;
          if (crc != null) {
            crc.update(bits >>> 16 & 0xff);
            crc.update(bits >>> 8 & 0xff);
            crc.update(bits & 0xff);
          }
          if (end - o >= 3) {
            b[o] = (byte) (bits >>> 16);
            b[o + 1] = (byte) (bits >>> 8);
            b[o + 2] = (byte) bits;
            o += 3;
          } else {
            o = keep(b, o, end, 3);
          }
        }
      } else if (c == NEWLINE) {
        lineStart = true;
      } else if (c == EQUALS) {
        o = equalsSign(b, o, end);
      } else if (c == DASH && lineStart) {
        if (chars != 0) {
          throw new Damage(
              subject + " is damaged: its base64 data ends inside a group of four characters");
        }
        footerLine = "-" + restOfLine().strip();
        ended = true;
      } else if (c != SPACE) {
        int octet = buf[pos - 1] & 0xff;
        throw new Damage(
            subject
                + " is damaged: its data holds "
                + (octet >= 0x21 && octet < 0x7f ? "'" + (char) octet + "' " : "")
                + String.format(Locale.ROOT, "(0x%02X)", octet)
                + ", which is not a base64 character");
      }
    }
    int n = o - off;
    return n == 0 && ended && pendingPos == pendingEnd ? -1 : n;
  }

  /** Puts the {@code count} decoded octets in {@code bits} partly in {@code b}, the rest aside. */
  private int keep(byte[] b, int o, int end, int count) {
    int shift = count == 3 ? 16 : count == 2 ? 10 : 4;
    for (int i = 0; i < count; i++) {
      pending[i] = (byte) (bits >>> (shift - 8 * i));
    }
    pendingPos = 0;
    pendingEnd = count;
    int out = o;
    while (pendingPos < pendingEnd && out < end) {
      b[out++] = pending[pendingPos++];
    }
    return out;
  }

  /**
   * An {@code =}: the checksum line at the start of a line, or the checksum joined to the last line
   * of data, else base64 padding, which ends a group of two or three characters (one or two
   * octets).
   */
  private int equalsSign(byte[] b, int o, int end) throws IOException {
    if (!lineStart && chars == 0 && paddingOwed == 0 && joinedChecksum()) {
      return o;
    }
    if (lineStart) {
      String rest = restOfLine().strip();
      boolean onlyPadding = rest.chars().allMatch(c -> c == '=');
      if (chars == 0 && padded && onlyPadding) {
        paddingOwed = 0;
        return o; // the second '=' of "xx==", on a line of its own
      }
      if (chars == 0 && !onlyPadding) {
        checksum(rest);
        checksumRead = true;
        return o;
      }
      if (!onlyPadding) {
        throw new Damage(
            subject + " is damaged: its base64 data ends inside a group of four characters");
      }
      // the padding of a group split across lines: below, then the next line
    }
    if (chars == 2 || chars == 3) {
      int count = chars - 1;
      if (crc != null) {
        crc.update(chars == 2 ? bits >>> 4 & 0xff : bits >>> 10 & 0xff);
        if (count == 2) {
          crc.update(bits >>> 2 & 0xff);
        }
      }
      chars = 0;
      padded = true;
      paddingOwed = 2 - count;
      // a padding line read whole (above) ends at its LF; otherwise the line goes on
      return keep(b, o, end, count);
    }
    if (padded && chars == 0) {
      paddingOwed = 0;
      return o; // the second '=' of "xx==", or one more than padding needs, as always read
    }
    throw new Damage(subject + " is damaged: a '=' stands where base64 padding cannot");
  }

  /**
   * Whether the {@code =} just read begins a checksum joined to the last line of data, as copy and
   * paste can leave it ({@code ...AbCd=XyZw}, {@code ...Ab===XyZw}): it follows a whole group of
   * four or its whole padding, four base64 characters and whitespace follow it to the end of the
   * line, and the next line is the footer. That reads one way only, since no base64 follows
   * padding, and GnuPG and Sequoia read it so; the checksum is then read as on a line of its own.
   * Otherwise nothing is read, and the {@code =} is what it was before. Looks ahead at most a
   * buffer's length.
   */
  private boolean joinedChecksum() throws IOException {
    int k = 0;
    while (k < 4 && peek(k) >= 0) {
      k++;
    }
    if (k < 4) {
      return false;
    }
    while (peek(k) == SPACE) {
      k++;
    }
    if (peek(k++) != NEWLINE) {
      return false;
    }
    while (peek(k) == SPACE) {
      k++;
    }
    if (peek(k) != DASH) {
      return false;
    }
    String digits = new String(buf, pos, 4, StandardCharsets.ISO_8859_1);
    pos += k; // at the footer line's first dash
    lineStart = true;
    checksum(digits);
    checksumRead = true;
    return true;
  }

  /**
   * The class of the octet {@code k} after the next one to read ({@link #CLASSES}), reading ahead
   * as needed, or {@link #END} past the end of the input or of a buffer's length.
   */
  private int peek(int k) throws IOException {
    if (k >= buf.length) {
      return END;
    }
    if (limit - pos <= k) {
      System.arraycopy(buf, pos, buf, 0, limit - pos);
      limit -= pos;
      pos = 0;
      while (limit <= k) {
        int n = in.read(buf, limit, buf.length - limit);
        if (n <= 0) {
          return END;
        }
        limit += n;
      }
    }
    return CLASSES[buf[pos + k] & 0xff];
  }

  private void checksum(String digits) throws Damage {
    if (crc == null) {
      return; // a message's checksum is not checked (see open)
    }
    int expected = -1;
    if (digits.length() == 4) {
      expected = 0;
      for (int i = 0; i < 4 && expected >= 0; i++) {
        int v = CLASSES[digits.charAt(i) & 0xff];
        expected = v >= 0 ? expected << 6 | v : -1;
      }
    }
    if (expected != crc.getValue()) {
      throw new Damage(
          "the armor checksum (the line beginning with '=' before the footer) does not match: "
              + subject.replace("the armored ", "the ")
              + " was changed or damaged when it was copied");
    }
  }

  /** The rest of the current line, at most 200 characters of it, and its LF, read. */
  private String restOfLine() throws IOException {
    StringBuilder line = new StringBuilder();
    while (pos < limit || fill()) {
      int c = buf[pos++] & 0xff;
      if (c == '\n') {
        break;
      }
      if (line.length() < 200) {
        line.append((char) c);
      }
    }
    return line.toString();
  }

  private boolean fill() throws IOException {
    int n = in.read(buf, 0, buf.length);
    if (n <= 0) {
      return false; // a stream that returns 0 for a whole buffer is at its end here
    }
    pos = 0;
    limit = n;
    return true;
  }

  /**
   * Refuses {@code packets}, read to their end, if they are armored data that ended without its
   * footer, or whose footer line holds text after the footer; binary data passes.
   *
   * @param subject what was read, as it starts a sentence: "the signature"
   */
  static void require(InputStream packets, String subject) {
    if (!(packets instanceof ArmorDecoder armor)) {
      return;
    }
    String last = armor.footerLine == null ? "" : armor.footerLine;
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
    if (!(packets instanceof ArmorDecoder armor)) {
      return;
    }
    while (armor.pos < armor.limit || armor.fill()) {
      int c = armor.buf[armor.pos++];
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

  /** The footer line this armor must end with: {@code -----END PGP MESSAGE-----}. */
  String footer() {
    return footer;
  }

  /**
   * What follows the footer line, once the data was read to its end: the stream this decoder read
   * from, what it read ahead pushed back into it (an {@link ArmorSource} over it only if it was
   * none, so that block after block reads from the same one, nothing nested). Nothing is read from
   * this decoder after it.
   */
  ArmorSource rest() {
    ArmorSource source = in instanceof ArmorSource s ? s : new ArmorSource(in, buf.length);
    source.unread(buf, pos, limit - pos);
    pos = limit;
    return source;
  }

  /**
   * Damaged armor, found while decoding: an {@link IOException} so that it passes through
   * BouncyCastle's parsing, and is then reported in its own words ({@link #find}).
   */
  static final class Damage extends IOException {
    private static final long serialVersionUID = 1L;

    Damage(String message) {
      super(message);
    }

    /** The armor damage that caused {@code t}, if any. */
    static @Nullable Damage find(Throwable t) {
      for (Throwable c = t; c != null; c = c.getCause()) {
        if (c instanceof Damage d) {
          return d;
        }
        if (c.getCause() == c) {
          break;
        }
      }
      return null;
    }
  }
}
