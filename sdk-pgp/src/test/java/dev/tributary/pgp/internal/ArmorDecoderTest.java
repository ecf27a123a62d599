package dev.tributary.pgp.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Random;
import java.util.stream.Stream;
import org.bouncycastle.bcpg.CRC24;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link ArmorDecoder} against the JDK's base64 decoder: every data size modulo three (padding of
 * none, one or two '='), lines that split a group of four, CR LF, and reads of any size.
 */
class ArmorDecoderTest {
  private static final String FOOTER = "-----END PGP MESSAGE-----";

  static Stream<Arguments> cases() {
    Stream.Builder<Arguments> cases = Stream.builder();
    for (int size : new int[] {0, 1, 2, 3, 4, 5, 47, 48, 49, 100_000, 100_001, 100_002}) {
      for (int lineLength : new int[] {64, 61, 1}) {
        for (String newline : new String[] {"\n", "\r\n"}) {
          cases.add(Arguments.of(size, lineLength, newline));
        }
      }
    }
    return cases.build();
  }

  @ParameterizedTest(name = "{0} octets, lines of {1}, {2}")
  @MethodSource("cases")
  void decodes_whatTheJdkEncoded_inReadsOfAnySize(int size, int lineLength, String newline)
      throws IOException {
    byte[] data = random(size);
    byte[] armor = armor(data, lineLength, newline, true);
    for (int chunk : new int[] {1, 2, 3, 5, 4096, 1 << 16}) {
      assertThat(readAll(ArmorDecoder.open(in(armor), "MESSAGE", true), chunk))
          .as("read %d at a time", chunk)
          .isEqualTo(data);
    }
    InputStream oneByOne = ArmorDecoder.open(in(armor), "MESSAGE", true);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (int c; (c = oneByOne.read()) >= 0; ) {
      out.write(c);
    }
    assertThat(out.toByteArray()).isEqualTo(data);
    ArmorDecoder.require(oneByOne, "the message"); // the footer was read
  }

  @ParameterizedTest
  @ValueSource(booleans = {true, false})
  void aWrongChecksum_failsOnlyWhereChecked(boolean checkCrc) throws IOException {
    byte[] data = random(1000);
    String armor = new String(armor(data, 64, "\n", true), StandardCharsets.US_ASCII);
    String wrong = armor.replaceFirst("\n=(....)\n", "\n=AAAA\n");
    assertThat(wrong).isNotEqualTo(armor);
    InputStream decoder = ArmorDecoder.open(in(ascii(wrong)), "SIGNATURE", checkCrc);
    if (checkCrc) {
      assertThatThrownBy(() -> readAll(decoder, 4096))
          .isInstanceOf(ArmorDecoder.Damage.class)
          .hasMessage(
              "the armor checksum (the line beginning with '=' before the footer) does not match:"
                  + " the signature was changed or damaged when it was copied");
    } else {
      assertThat(readAll(decoder, 4096)).isEqualTo(data);
    }
  }

  @ParameterizedTest
  @ValueSource(booleans = {true, false})
  void noChecksumLine_isRead(boolean checkCrc) throws IOException {
    byte[] data = random(1000);
    byte[] armor = armor(data, 64, "\n", false);
    assertThat(readAll(ArmorDecoder.open(in(armor), "MESSAGE", checkCrc), 7)).isEqualTo(data);
  }

  static Stream<Arguments> damage() {
    return Stream.of(
        Arguments.of("QUJD\nR!VG\n", "its data holds '!' (0x21), which is not a base64 character"),
        Arguments.of("QUJD\nR\u00e9VG\n", "its data holds (0xE9), which is not a base64 character"),
        Arguments.of("QUJD\nRE-G\n", "its data holds '-' (0x2D), which is not a base64 character"),
        Arguments.of("QUI=\nREVG\n", "base64 data follows its padding ('=')"),
        Arguments.of("QUJD\n=QUJD\nREVG\n", "base64 data follows its checksum line"),
        Arguments.of("QUJDR\n", "its base64 data ends inside a group of four characters"),
        Arguments.of("QUJDR\n=QUJD\n", "its base64 data ends inside a group of four characters"),
        Arguments.of("QUJDR=\n", "a '=' stands where base64 padding cannot"),
        // What is not a checksum joined to the last line, read one way only, is refused as before:
        // padding one short before it (QQ==QUJD would need QQ===QUJD), not before the footer.
        Arguments.of("QQ==QUJD\n", "base64 data follows its padding ('=')"),
        Arguments.of("QUI=QUJD\n", "base64 data follows its padding ('=')"),
        Arguments.of("QUJD=QUJD\nQUJD\n", "a '=' stands where base64 padding cannot"),
        Arguments.of("QUJD=QUJD\n\n", "a '=' stands where base64 padding cannot"),
        Arguments.of("QUJD=QUJDR\n", "a '=' stands where base64 padding cannot"),
        Arguments.of("QUJD=QUJ\n", "a '=' stands where base64 padding cannot"),
        Arguments.of("QUJD=QU!D\n", "a '=' stands where base64 padding cannot"),
        Arguments.of("QUI==QUJDR\n", "base64 data follows its padding ('=')"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("damage")
  void damagedArmor_isRefused_sayingHow(String lines, String problem) {
    byte[] armor = ascii(lines + FOOTER + "\n");
    assertThatThrownBy(() -> readAll(ArmorDecoder.open(in(armor), "MESSAGE", false), 4096))
        .isInstanceOf(ArmorDecoder.Damage.class)
        .hasMessage("the armored message is damaged: " + problem);
  }

  @ParameterizedTest
  @ValueSource(strings = {"QUJDREVG\n", "QUJDREVG\n=QUJD\n", "QUJD\n\n  REVG \t\r\n"})
  void cutOffBeforeTheFooter_readsTheData_andRequireRefuses(String lines) throws IOException {
    ArmorDecoder decoder = ArmorDecoder.open(in(ascii(lines)), "MESSAGE", false);
    assertThat(readAll(decoder, 3)).isEqualTo(ascii("ABCDEF"));
    assertThatThrownBy(() -> ArmorDecoder.require(decoder, "the message"))
        .hasMessageContaining("is missing at the end: the message was cut off");
  }

  @ParameterizedTest
  @ValueSource(strings = {"QUI\n=\n", "QUI=\n", "QQ\n==\n", "QQ==\n", "QQ=\n", "QUI==\n"})
  void paddingOnItsOwnLineOrShort_isRead(String lines) throws IOException {
    byte[] expected = ascii(lines.startsWith("QUI") ? "AB" : "A");
    byte[] armor = ascii(lines + FOOTER + "\n");
    assertThat(readAll(ArmorDecoder.open(in(armor), "MESSAGE", false), 1)).isEqualTo(expected);
  }

  /**
   * The checksum joined to the last line of data ({@code ...AbCd=XyZw}, {@code ...Abc==XyZw},
   * {@code ...Ab===XyZw}), as copy and paste can leave it and GnuPG and Sequoia read it, is read
   * and checked, whatever the padding, the line endings, and wherever the input's reads split it.
   */
  @ParameterizedTest(name = "{0} octets, {1}")
  @MethodSource("joinedCases")
  void aChecksumJoinedToTheLastLine_isRead_andChecked(int size, String newline) throws IOException {
    byte[] data = random(size);
    String armor = new String(armor(data, 64, newline, true), StandardCharsets.US_ASCII);
    String joined = joined(armor, newline);
    for (int piece : new int[] {1, 2, 3, 5, 7, 1 << 16}) {
      assertThat(readAll(ArmorDecoder.open(inPieces(joined, piece), "MESSAGE", true), 4096))
          .as("the input read %d octets at a time", piece)
          .isEqualTo(data);
      ArmorDecoder decoder = ArmorDecoder.open(inPieces(joined, piece), "MESSAGE", true);
      assertThat(readAll(decoder, 1)).isEqualTo(data);
      ArmorDecoder.require(decoder, "the message"); // the footer was read
      ArmorDecoder.requireOnlyBlankAfter(decoder, "the message");
      String wrong = joined.replaceFirst("=[A-Za-z0-9+/]{4}(" + newline + "-----END)", "=AAAA$1");
      assertThat(wrong).isNotEqualTo(joined);
      assertThatThrownBy(
              () -> readAll(ArmorDecoder.open(inPieces(wrong, piece), "MESSAGE", true), 4096))
          .isInstanceOf(ArmorDecoder.Damage.class)
          .hasMessage(
              "the armor checksum (the line beginning with '=' before the footer) does not match:"
                  + " the message was changed or damaged when it was copied");
      assertThat(readAll(ArmorDecoder.open(inPieces(wrong, piece), "MESSAGE", false), 4096))
          .as("a message's checksum is not checked, joined or not")
          .isEqualTo(data);
    }
  }

  static Stream<Arguments> joinedCases() {
    Stream.Builder<Arguments> cases = Stream.builder();
    for (int size : new int[] {1, 2, 3, 47, 48, 49, 100_000, 100_001, 100_002}) {
      for (String newline : new String[] {"\n", "\r\n"}) {
        cases.add(Arguments.of(size, newline));
      }
    }
    return cases.build();
  }

  /** {@code armor} with its checksum line appended to the line of data before it. */
  static String joined(String armor, String newline) {
    String joined =
        armor.replaceFirst(newline + "(=[A-Za-z0-9+/]{4}" + newline + "-----END)", "$1");
    assertThat(joined).isNotEqualTo(armor);
    return joined;
  }

  @ParameterizedTest
  @ValueSource(strings = {"QUJD=QUJD", "QUJD=QUJD\n", "QUI==QUJD \n  "})
  void aJoinedChecksumAtTheEndOfTheInput_isRefusedAsBefore(String lines) {
    assertThatThrownBy(() -> readAll(ArmorDecoder.open(in(ascii(lines)), "MESSAGE", false), 4096))
        .isInstanceOf(ArmorDecoder.Damage.class)
        .hasMessageStartingWith("the armored message is damaged: ");
  }

  /** A stream of {@code text} that hands out at most {@code piece} octets a read. */
  private static InputStream inPieces(String text, int piece) {
    return new java.io.FilterInputStream(in(ascii(text))) {
      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        return super.read(b, off, Math.min(len, piece));
      }
    };
  }

  private static byte[] armor(byte[] data, int lineLength, String newline, boolean checksum) {
    String base64 = Base64.getEncoder().encodeToString(data);
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < base64.length(); i += lineLength) {
      text.append(base64, i, Math.min(base64.length(), i + lineLength)).append(newline);
    }
    if (checksum) {
      CRC24 crc = new CRC24();
      for (byte b : data) {
        crc.update(b & 0xff);
      }
      int v = crc.getValue();
      byte[] sum = {(byte) (v >>> 16), (byte) (v >>> 8), (byte) v};
      text.append('=').append(Base64.getEncoder().encodeToString(sum)).append(newline);
    }
    return ascii(text.append(FOOTER).append(newline).toString());
  }

  private static byte[] readAll(InputStream in, int chunk) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] b = new byte[chunk];
    for (int n; (n = in.read(b, 0, chunk)) >= 0; ) {
      assertThat(n).as("a read of %d returns some data or the end", chunk).isPositive();
      out.write(b, 0, n);
    }
    return out.toByteArray();
  }

  private static byte[] random(int size) {
    byte[] b = new byte[size];
    new Random(size).nextBytes(b);
    return b;
  }

  private static ByteArrayInputStream in(byte[] b) {
    return new ByteArrayInputStream(b);
  }

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.ISO_8859_1);
  }
}
