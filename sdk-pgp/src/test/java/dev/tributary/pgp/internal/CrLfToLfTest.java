package dev.tributary.pgp.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link CrLfToLf} against the plain answer, {@code String.replace("\r\n", "\n")}, with the text
 * split into pieces of every size: so that each CR LF pair, lone CR and final CR falls on every
 * boundary between two reads or two writes.
 */
class CrLfToLfTest {
  static final List<String> TEXTS =
      List.of(
          "a\r\nb\r\n",
          "a\rb\r",
          "\r",
          "\r\n",
          "\n",
          "\r\r\n\r",
          "\r\r\r\n\n\r\n\r",
          "no line ending",
          "x\r\ny\rz\n\r\n\r\r",
          randomText(64, 1),
          randomText(64, 2),
          linesOfEveryLength());

  /**
   * Lines of 0 to 17 bytes, each ended by CR LF, a lone CR, LF or CR CR LF in turn, and a CR at the
   * end: the conversion copies eight bytes at a time between CRs, so each kind of line ending falls
   * at each place in such a word, and at each place of every piece below.
   */
  static String linesOfEveryLength() {
    List<String> endings = List.of("\r\n", "\r", "\n", "\r\r\n");
    StringBuilder s = new StringBuilder();
    for (int length = 0; length < 18; length++) {
      s.append("abcdefghijklmnopq", 0, length).append(endings.get(length % endings.size()));
    }
    return s.append('\r').toString();
  }

  /** {@code length} bytes drawn from CR, LF and 'x', so that every combination appears. */
  static String randomText(int length, long seed) {
    Random random = new Random(seed);
    char[] c = new char[length];
    for (int i = 0; i < length; i++) {
      c[i] = "\r\nx".charAt(random.nextInt(3));
    }
    return new String(c);
  }

  static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.ISO_8859_1);
  }

  static String expected(String text) {
    return text.replace("\r\n", "\n");
  }

  /** A source that gives at most {@code piece} bytes a read, as a packet reader may. */
  static InputStream inPieces(byte[] data, int piece) {
    return new ByteArrayInputStream(data) {
      @Override
      public synchronized int read(byte[] b, int off, int len) {
        return super.read(b, off, Math.min(len, piece));
      }
    };
  }

  static String readAll(InputStream in, int readSize) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buffer = new byte[readSize + 2];
    int n;
    while ((n = in.read(buffer, 1, readSize)) >= 0) {
      assertThat(n).as("a read of %d bytes gives at least one", readSize).isPositive();
      out.write(buffer, 1, n);
    }
    assertThat(in.read(buffer, 1, readSize)).isEqualTo(-1);
    return out.toString(StandardCharsets.ISO_8859_1);
  }

  @Test
  void input_everyPieceSizeAndReadSize_givesCrLfAsLf() throws IOException {
    for (String text : TEXTS) {
      for (int piece = 1; piece <= text.length(); piece++) {
        for (int readSize = 1; readSize <= text.length() + 1; readSize++) {
          InputStream in = CrLfToLf.input(inPieces(bytes(text), piece));
          assertThat(readAll(in, readSize))
              .as("%s in pieces of %d, read %d at a time", text, piece, readSize)
              .isEqualTo(expected(text));
        }
      }
    }
  }

  @Test
  void input_singleByteReads_givesCrLfAsLf() throws IOException {
    for (String text : TEXTS) {
      InputStream in = CrLfToLf.input(inPieces(bytes(text), 1));
      StringBuilder s = new StringBuilder();
      int c;
      while ((c = in.read()) >= 0) {
        s.append((char) c);
      }
      assertThat(s.toString()).isEqualTo(expected(text));
    }
  }

  /** What {@link CrLfToLf#output} writes of {@code data} given {@code piece} bytes a write. */
  static String writtenInPieces(byte[] data, int piece) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    CrLfToLf.Output lf = CrLfToLf.output(out);
    for (int off = 0; off < data.length; off += piece) {
      lf.write(data, off, Math.min(piece, data.length - off));
    }
    lf.finish();
    return out.toString(StandardCharsets.ISO_8859_1);
  }

  @Test
  void output_everyWriteSplit_givesCrLfAsLf() throws IOException {
    for (String text : TEXTS) {
      for (int piece = 1; piece <= text.length(); piece++) {
        assertThat(writtenInPieces(bytes(text), piece))
            .as("%s written %d at a time", text, piece)
            .isEqualTo(expected(text));
      }
    }
  }

  /**
   * Long text whose lines have CRs and LFs of every kind at random, across the 64 KiB pieces the
   * conversion works in, read and written in pieces of many sizes.
   */
  @Test
  void longRandomLines_readAndWrittenInPiecesOfManySizes() throws IOException {
    Random random = new Random(3);
    StringBuilder s = new StringBuilder();
    while (s.length() < 3 << 16) {
      s.append("x".repeat(random.nextInt(40)))
          .append(List.of("\r\n", "\r", "\n").get(random.nextInt(3)));
    }
    String text = s.toString();
    byte[] data = bytes(text);
    for (int piece : new int[] {1, 7, 8, 9, 63, 1 << 16, (1 << 16) + 1, data.length}) {
      for (int readSize : new int[] {1, 8, 4096, 1 << 18}) {
        assertThat(readAll(CrLfToLf.input(inPieces(data, piece)), readSize))
            .as("in pieces of %d, read %d at a time", piece, readSize)
            .isEqualTo(expected(text));
      }
      assertThat(writtenInPieces(data, piece))
          .as("written %d at a time", piece)
          .isEqualTo(expected(text));
    }
  }

  /** Past the 64 KiB pieces the conversion works in, with a CR LF pair across each boundary. */
  @Test
  void longText_crLfAcrossItsOwnPieces() throws IOException {
    byte[] data = new byte[(1 << 18) + 3];
    Arrays.fill(data, (byte) 'x');
    List<Integer> crs = new ArrayList<>();
    for (int boundary = 1 << 16; boundary < data.length; boundary += 1 << 16) {
      crs.add(boundary - 1);
    }
    for (int at : crs) {
      data[at] = '\r';
      data[at + 1] = '\n';
    }
    data[data.length - 1] = '\r';
    String text = new String(data, StandardCharsets.ISO_8859_1);
    assertThat(readAll(CrLfToLf.input(new ByteArrayInputStream(data)), 1 << 18))
        .isEqualTo(expected(text));
    assertThat(writtenInPieces(data, data.length)).isEqualTo(expected(text));
  }

  /**
   * The caller's read sizes of the pins below: reads of up to 17 bytes, served from a piece the
   * conversion reads ahead, and large ones, which it converts in the caller's buffer, around its
   * threshold (8 KiB), around 64 KiB and past it.
   */
  static final int[] READ_SIZES = {
    1,
    2,
    3,
    4,
    5,
    6,
    7,
    8,
    9,
    10,
    11,
    12,
    13,
    14,
    15,
    16,
    17,
    8191,
    8192,
    8193,
    (1 << 16) - 1,
    1 << 16,
    (1 << 16) + 1,
    1 << 20
  };

  /**
   * Over 2 MiB of lines of 0 to 17 characters, some of them two to four bytes of UTF-8 (so that
   * reads split them anywhere), each ended by CR LF, a lone CR, LF, CR CR LF, a run of CRs or
   * nothing, with a CR at each multiple of {@code boundary} less one (the last byte of each piece a
   * source giving {@code boundary} bytes a read hands out), and a CR at the very end.
   */
  static byte[] longText(int boundary, long seed) {
    Random random = new Random(seed);
    List<String> endings = List.of("\r\n", "\r", "\n", "\r\r\n", "\r\r\r", "\r\r\r\n", "");
    String chars = "ab\u00fc\u20ac\ud83d\ude00";
    StringBuilder s = new StringBuilder();
    while (s.length() < (2 << 20) + 100) {
      for (int length = random.nextInt(18); length > 0; length--) {
        int c = random.nextInt(chars.length() - 1);
        s.append(chars.charAt(c));
        if (Character.isHighSurrogate(chars.charAt(c))) {
          s.append(chars.charAt(c + 1));
        }
      }
      s.append(endings.get(random.nextInt(endings.size())));
    }
    byte[] data = (s + "\r").getBytes(StandardCharsets.UTF_8);
    for (int at = boundary - 1; at < data.length; at += boundary) {
      data[at] = '\r';
    }
    return data;
  }

  /** Reads {@code in} to its end in reads of {@code readSizes}' sizes in turn. */
  static String readInTurns(InputStream in, int... readSizes) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buffer = new byte[(1 << 20) + 2];
    for (int i = 0; ; i++) {
      int readSize = readSizes[i % readSizes.length];
      int n = in.read(buffer, 1, readSize);
      if (n < 0) {
        break;
      }
      if (n == 0 || n > readSize) {
        throw new AssertionError("a read of " + readSize + " bytes gave " + n);
      }
      out.write(buffer, 1, n);
    }
    assertThat(in.read(buffer, 1, 1 << 16)).isEqualTo(-1);
    assertThat(in.read()).isEqualTo(-1);
    return out.toString(StandardCharsets.ISO_8859_1);
  }

  /** Where {@code actual} first differs from {@code expected}, for a short failure message. */
  static String firstDifference(String actual, String expected) {
    int i = 0;
    while (i < actual.length() && i < expected.length() && actual.charAt(i) == expected.charAt(i)) {
      i++;
    }
    return actual.equals(expected)
        ? "none"
        : "at "
            + i
            + " of "
            + expected.length()
            + " (got "
            + actual.length()
            + " chars), around: "
            + expected
                .substring(Math.max(0, i - 8), Math.min(expected.length(), i + 8))
                .replace("\r", "\\r")
                .replace("\n", "\\n");
  }

  /**
   * Long text read in each size of {@link #READ_SIZES}, and in all of them in turn (so that large
   * reads follow small ones that left converted text, and CRs held by either), from a source that
   * hands it out whole and from sources whose pieces each end in a CR.
   */
  @Test
  void input_longText_everyReadSizePattern_givesCrLfAsLf() throws IOException {
    int[] mixed = {1, 1 << 16, 3, 1 << 20, 8191, 8192, 17, (1 << 16) + 1, 2, 8193, (1 << 16) - 1};
    for (int boundary : new int[] {8192, 1 << 16, (1 << 16) + 1}) {
      byte[] data = longText(boundary, boundary);
      String expected = expected(new String(data, StandardCharsets.ISO_8859_1));
      List<String> wrong = new ArrayList<>();
      for (int source : new int[] {boundary, data.length}) {
        List<int[]> patterns = new ArrayList<>();
        for (int readSize : READ_SIZES) {
          patterns.add(new int[] {readSize});
        }
        patterns.add(mixed);
        for (int[] pattern : patterns) {
          String actual = readInTurns(CrLfToLf.input(inPieces(data, source)), pattern);
          if (!actual.equals(expected)) {
            wrong.add(
                "source pieces of "
                    + source
                    + ", reads of "
                    + Arrays.toString(pattern)
                    + ": "
                    + firstDifference(actual, expected));
          }
        }
      }
      assertThat(wrong).as("CR at each multiple of %d less one", boundary).isEmpty();
    }
  }

  @Test
  void input_longText_singleByteReads_givesCrLfAsLf() throws IOException {
    byte[] data = longText(1 << 16, 5);
    InputStream in = CrLfToLf.input(new ByteArrayInputStream(data));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int c;
    while ((c = in.read()) >= 0) {
      out.write(c);
    }
    assertThat(
            firstDifference(
                out.toString(StandardCharsets.ISO_8859_1),
                expected(new String(data, StandardCharsets.ISO_8859_1))))
        .isEqualTo("none");
  }

  /**
   * A large read is filled from the source as far as the source gives, not in 64 KiB pieces: one
   * 256 KiB read of decryption's plaintext gives 256 KiB of text, less the CR LF pairs.
   */
  @Test
  void input_largeRead_asksTheSourceForAllOfIt() throws IOException {
    byte[] data = bytes(("x".repeat(98) + "\r\n").repeat(4 << 10)); // 400 KiB
    List<Integer> asked = new ArrayList<>();
    InputStream source =
        new ByteArrayInputStream(data) {
          @Override
          public synchronized int read(byte[] b, int off, int len) {
            asked.add(len);
            return super.read(b, off, len);
          }
        };
    InputStream in = CrLfToLf.input(source);
    byte[] buffer = new byte[1 << 18];

    assertThat(in.read(buffer, 0, buffer.length)).isEqualTo((1 << 18) - (1 << 18) / 100);
    assertThat(asked).containsExactly(1 << 18);
  }

  @Test
  void input_close_closesTheSource() throws IOException {
    boolean[] closed = new boolean[1];
    InputStream source =
        new ByteArrayInputStream(bytes("a\r\n")) {
          @Override
          public void close() {
            closed[0] = true;
          }
        };
    InputStream in = CrLfToLf.input(source);
    in.close();
    assertThat(closed[0]).isTrue();
  }
}
