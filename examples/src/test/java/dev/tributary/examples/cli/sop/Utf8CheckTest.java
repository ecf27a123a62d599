package dev.tributary.examples.cli.sop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * {@link Utf8Check} accepts exactly what the JDK's UTF-8 decoder accepts, however the stream is cut
 * into reads, and passes the octets through unchanged.
 */
class Utf8CheckTest {
  /** Octets at the edges of the well-formed ranges, and some plain ones. */
  private static final int[] EDGES = {
    0x00, 0x0A, 0x0D, 0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xC1, 0xC2, 0xDF, 0xE0,
    0xE1, 0xEC, 0xED, 0xEE, 0xEF, 0xF0, 0xF1, 0xF3, 0xF4, 0xF5, 0xF8, 0xFE, 0xFF
  };

  /** Whether the JDK's decoder, reporting every error, takes {@code data} as UTF-8. */
  private static boolean jdkAccepts(byte[] data) {
    try {
      StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(data));
      return true;
    } catch (CharacterCodingException e) {
      return false;
    }
  }

  /**
   * Reads {@code data} through the check in reads of 1 to {@code maxRead} octets; returns what came
   * through, or null if the check refused it.
   */
  private static byte[] passed(byte[] data, int maxRead, long seed) throws IOException {
    SplittableRandom sizes = new SplittableRandom(seed);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (InputStream in = new Utf8Check(new ByteArrayInputStream(data))) {
      byte[] buffer = new byte[maxRead + 3];
      for (int n; ; ) {
        int off = sizes.nextInt(3);
        n = in.read(buffer, off, 1 + sizes.nextInt(maxRead));
        if (n < 0) {
          return out.toByteArray();
        }
        out.write(buffer, off, n);
      }
    } catch (MalformedInputException e) {
      return null;
    }
  }

  /** Random text: ASCII runs, well-formed sequences of every length, and stray edge octets. */
  private static byte[] mixed(SplittableRandom random, int pieces, boolean edges) {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    for (int i = 0; i < pieces; i++) {
      switch (random.nextInt(edges ? 4 : 3)) {
        case 0 -> {
          for (int k = random.nextInt(20); k > 0; k--) {
            b.write(0x20 + random.nextInt(0x5F));
          }
        }
        case 1, 2 -> {
          int cp = random.nextInt(0x110000);
          if (cp < 0xD800 || cp > 0xDFFF) {
            b.writeBytes(new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8));
          }
        }
        default -> b.write(EDGES[random.nextInt(EDGES.length)]);
      }
    }
    return b.toByteArray();
  }

  @Test
  void agreesWithTheJdksDecoder_onRandomOctetsAtTheRangesEdges_readInPiecesOfAnySize()
      throws IOException {
    SplittableRandom random = new SplittableRandom(46);
    int accepted = 0;
    int refused = 0;
    for (int round = 0; round < 20_000; round++) {
      byte[] data = new byte[random.nextInt(12)];
      for (int i = 0; i < data.length; i++) {
        data[i] = (byte) EDGES[random.nextInt(EDGES.length)];
      }
      boolean expected = jdkAccepts(data);
      assertVerdict(data, expected, round, 1, 2, 3, 5, 16);
      if (expected) {
        accepted++;
      } else {
        refused++;
      }
    }
    assertThat(accepted).as("accepted cases").isGreaterThan(1_000);
    assertThat(refused).as("refused cases").isGreaterThan(1_000);
  }

  @Test
  void agreesWithTheJdksDecoder_onLongTexts_withAndWithoutStrayOctets() throws IOException {
    SplittableRandom random = new SplittableRandom(7);
    for (int round = 0; round < 400; round++) {
      boolean edges = round % 2 == 1;
      byte[] data = mixed(random, 1 + random.nextInt(300), edges);
      boolean expected = jdkAccepts(data);
      if (!edges) {
        assertThat(expected).as("well-formed text").isTrue();
      }
      assertVerdict(data, expected, round, 1, 7, 64, 100_000);
    }
  }

  @Test
  void namedCases() throws IOException {
    String[] good = {"", "a", "é", "€", "\uD83D\uDE00", "a\u0000b", "\uFFFF", "\uDBFF\uDFFF"};
    for (String s : good) {
      byte[] data = s.getBytes(StandardCharsets.UTF_8);
      assertThat(passed(data, 1, 0)).as(s).isEqualTo(data);
    }
    int[][] bad = {
      {0x80}, // a continuation octet alone
      {0xC0, 0x80}, // overlong NUL
      {0xC1, 0xBF}, // overlong
      {0xE0, 0x9F, 0xBF}, // overlong three-octet form
      {0xED, 0xA0, 0x80}, // a surrogate, U+D800
      {0xF0, 0x8F, 0xBF, 0xBF}, // overlong four-octet form
      {0xF4, 0x90, 0x80, 0x80}, // above U+10FFFF
      {0xF5, 0x80, 0x80, 0x80},
      {0xE2, 0x82}, // "€" cut short at the end
      {0x61, 0xF0, 0x9F, 0x98}, // an emoji cut short at the end
      {0xE2, 0x41, 0xAC}, // a sequence broken by ASCII
    };
    for (int[] octets : bad) {
      byte[] data = new byte[octets.length];
      for (int i = 0; i < data.length; i++) {
        data[i] = (byte) octets[i];
      }
      assertThat(jdkAccepts(data)).as(hex(data)).isFalse();
      for (int maxRead : new int[] {1, 2, 8}) {
        assertThat(passed(data, maxRead, maxRead)).as("%s, %d", hex(data), maxRead).isNull();
      }
    }
  }

  @Test
  void aStreamCutShort_isRefusedAtItsEnd_notBefore() throws IOException {
    byte[] data = "abc€".getBytes(StandardCharsets.UTF_8);
    InputStream in = new Utf8Check(new ByteArrayInputStream(Arrays.copyOf(data, data.length - 1)));
    byte[] buffer = new byte[16];
    assertThat(in.read(buffer, 0, 16)).isEqualTo(5);
    assertThatThrownBy(() -> in.read(buffer, 0, 16)).isInstanceOf(MalformedInputException.class);
  }

  @Test
  void skippedOctets_areCheckedToo_andMarkIsNotOffered() throws IOException {
    byte[] bad = {'a', (byte) 0xC0, (byte) 0x80, 'b'};
    InputStream in = new Utf8Check(new ByteArrayInputStream(bad));
    assertThat(in.markSupported()).isFalse();
    assertThatThrownBy(() -> in.skip(4)).isInstanceOf(MalformedInputException.class);

    byte[] good = "añb".getBytes(StandardCharsets.UTF_8);
    InputStream ok = new Utf8Check(new ByteArrayInputStream(good));
    assertThat(ok.skip(2)).isEqualTo(2);
    assertThat(ok.readAllBytes()).containsExactly(Arrays.copyOfRange(good, 2, good.length));
  }

  /**
   * Asserts that the check, reading {@code data} in reads of up to each of {@code maxReads} octets,
   * accepts it exactly when {@code expected}, and then passes it through unchanged.
   */
  private static void assertVerdict(byte[] data, boolean expected, long seed, int... maxReads)
      throws IOException {
    for (int maxRead : maxReads) {
      byte[] out = passed(data, maxRead, seed);
      assertThat(out != null).as("%s in reads of up to %d", hex(data), maxRead).isEqualTo(expected);
      if (out != null) {
        assertThat(out).isEqualTo(data);
      }
    }
  }

  private static String hex(byte[] data) {
    StringBuilder s = new StringBuilder();
    for (byte b : data) {
      s.append(String.format("%02X ", b));
    }
    return s.toString().strip();
  }
}
