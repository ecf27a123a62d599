package dev.tributary.pgp.internal;

import static dev.tributary.pgp.internal.CrLfToLfTest.bytes;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link CrlfOutputStream} against the plain answer (each CR LF, lone CR and LF made CR LF) with
 * the text written in pieces of every size, so that each line ending, and a CR whose LF comes in
 * the next write, falls on every boundary between two writes and at every place of the eight bytes
 * the conversion copies at a time.
 */
class CrlfOutputStreamTest {
  static final List<String> TEXTS = texts();

  static List<String> texts() {
    List<String> texts = new ArrayList<>(CrLfToLfTest.TEXTS);
    texts.add("");
    texts.add("a\nb\n");
    texts.add("last line without an ending");
    texts.add("\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n");
    texts.add("\r\r\r\r\r\r\r\r\r\r\r\r\r\r\r\r\r");
    texts.add(linesOfEveryLength("\n"));
    texts.add(linesOfEveryLength("\r\n"));
    texts.add(linesOfEveryLength("\r"));
    // Bytes next to CR (0x0D) and LF (0x0A), and the same with the high bit set, as UTF-8's
    // continuation bytes have it: none of them is a line ending.
    texts.add(
        "\t\u000b\u000c\u000e\u008a\u008d\u00ca\u00cd\u00ff\u0000a\n\u008d\r\u008a\r\n\u00ff");
    texts.add(randomText(96, 4));
    return texts;
  }

  /** Lines of 0 to 17 bytes, each ended by {@code ending}, the last one without. */
  static String linesOfEveryLength(String ending) {
    StringBuilder s = new StringBuilder();
    for (int length = 0; length < 18; length++) {
      s.append("abcdefghijklmnopq", 0, length).append(ending);
    }
    return s.append("end").toString();
  }

  /** {@code length} bytes drawn from CR, LF, 'x' and bytes near them, every combination. */
  static String randomText(int length, long seed) {
    Random random = new Random(seed);
    String from = "\r\nx\u008d\u008a\u000b";
    char[] c = new char[length];
    for (int i = 0; i < length; i++) {
      c[i] = from.charAt(random.nextInt(from.length()));
    }
    return new String(c);
  }

  static String expected(String text) {
    return text.replace("\r\n", "\n").replace('\r', '\n').replace("\n", "\r\n");
  }

  /** What {@link CrlfOutputStream} writes of {@code data} given {@code piece} bytes a write. */
  static String writtenInPieces(byte[] data, int piece) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (OutputStream crlf = new CrlfOutputStream(out)) {
      for (int off = 0; off < data.length; off += piece) {
        crlf.write(data, off, Math.min(piece, data.length - off));
      }
    }
    return out.toString(StandardCharsets.ISO_8859_1);
  }

  @Test
  void expected_isWhatTheRfcSays() {
    assertThat(expected("a\nb\r\nc\rd\r\r\ne\r")).isEqualTo("a\r\nb\r\nc\r\nd\r\n\r\ne\r\n");
  }

  @Test
  void everyWriteSplit_givesCrLf() throws IOException {
    for (String text : TEXTS) {
      for (int piece = 1; piece <= Math.max(1, text.length()); piece++) {
        assertThat(writtenInPieces(bytes(text), piece))
            .as("%s written %d at a time", text, piece)
            .isEqualTo(expected(text));
      }
    }
  }

  @Test
  void singleByteWrites_giveCrLf() throws IOException {
    for (String text : TEXTS) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      try (OutputStream crlf = new CrlfOutputStream(out)) {
        for (byte b : bytes(text)) {
          crlf.write(b);
        }
      }
      assertThat(out.toString(StandardCharsets.ISO_8859_1)).as(text).isEqualTo(expected(text));
    }
  }

  /** UTF-8 text, its characters of one to four bytes cut by writes of every size. */
  @Test
  void utf8_cutAnywhere_passesThroughWithCrLf() throws IOException {
    String text = "grüße\nπ\r\n€ ok\r🙂 end\n日本語\r\r\nß";
    byte[] data = text.getBytes(StandardCharsets.UTF_8);
    for (int piece = 1; piece <= data.length; piece++) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      try (OutputStream crlf = new CrlfOutputStream(out)) {
        for (int off = 0; off < data.length; off += piece) {
          crlf.write(data, off, Math.min(piece, data.length - off));
        }
      }
      assertThat(out.toString(StandardCharsets.UTF_8))
          .as("written %d at a time", piece)
          .isEqualTo(expected(text));
    }
  }

  /**
   * Long text across the 32 KiB pieces the conversion works in, lines with every kind of ending at
   * random, and text of LFs only, which doubles in size: written in pieces of many sizes.
   */
  @Test
  void longText_writtenInPiecesOfManySizes() throws IOException {
    Random random = new Random(5);
    StringBuilder s = new StringBuilder();
    while (s.length() < 3 << 16) {
      s.append("x".repeat(random.nextInt(40)))
          .append(List.of("\r\n", "\r", "\n").get(random.nextInt(3)));
    }
    byte[] lfs = new byte[(1 << 17) + 5];
    Arrays.fill(lfs, (byte) '\n');
    byte[] crs = new byte[(1 << 17) + 5];
    Arrays.fill(crs, (byte) '\r');
    for (String text :
        List.of(
            s.toString(),
            new String(lfs, StandardCharsets.ISO_8859_1),
            new String(crs, StandardCharsets.ISO_8859_1))) {
      byte[] data = bytes(text);
      for (int piece :
          new int[] {1, 7, 8, 9, 63, 1 << 15, (1 << 15) + 1, 1 << 16, (1 << 16) + 1, data.length}) {
        assertThat(writtenInPieces(data, piece))
            .as("written %d at a time", piece)
            .isEqualTo(expected(text));
      }
    }
  }

  /**
   * One line ending (LF, CR, CR LF, or an LF and a CR in one word) after 0 to 39 bytes without one,
   * so that it falls at each place of the first to fifth word the conversion reads, after words it
   * stepped over whole; written in one piece and cut right before and after it.
   */
  @Test
  void oneLineEnding_atEachPlaceOfEachWord() throws IOException {
    for (String ending : List.of("\n", "\r", "\r\n", "\nab\r", "\r\r", "\n\n")) {
      for (int before = 0; before < 40; before++) {
        String text = "abcdefgh".repeat(5).substring(0, before) + ending + "tail of 16 bytes";
        byte[] data = bytes(text);
        for (int cut : new int[] {before, before + 1, data.length}) {
          ByteArrayOutputStream out = new ByteArrayOutputStream();
          try (OutputStream crlf = new CrlfOutputStream(out)) {
            crlf.write(data, 0, cut);
            crlf.write(data, cut, data.length - cut);
          }
          assertThat(out.toString(StandardCharsets.ISO_8859_1))
              .as(
                  "%s after %d bytes, cut at %d",
                  ending.replace("\r", "CR").replace("\n", "LF"), before, cut)
              .isEqualTo(expected(text));
        }
      }
    }
  }

  /** A CR at the end of each of the conversion's pieces, its LF at the start of the next. */
  @Test
  void crLfAcrossItsOwnPieces() throws IOException {
    byte[] data = new byte[(1 << 17) + 3];
    Arrays.fill(data, (byte) 'x');
    for (int boundary = 1 << 15; boundary < data.length; boundary += 1 << 15) {
      data[boundary - 1] = '\r';
      data[boundary] = boundary % (1 << 16) == 0 ? (byte) '\n' : (byte) 'y';
    }
    data[data.length - 1] = '\r';
    String text = new String(data, StandardCharsets.ISO_8859_1);
    assertThat(writtenInPieces(data, data.length)).isEqualTo(expected(text));
  }
}
