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
        Arguments.of("QUJDR=\n", "a '=' stands where base64 padding cannot"));
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
  @ValueSource(strings = {"QUI\n=\n", "QUI=\n", "QQ\n==\n", "QQ==\n", "QQ=\n"})
  void paddingOnItsOwnLineOrShort_isRead(String lines) throws IOException {
    byte[] expected = ascii(lines.startsWith("QUI") ? "AB" : "A");
    byte[] armor = ascii(lines + FOOTER + "\n");
    assertThat(readAll(ArmorDecoder.open(in(armor), "MESSAGE", false), 1)).isEqualTo(expected);
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
