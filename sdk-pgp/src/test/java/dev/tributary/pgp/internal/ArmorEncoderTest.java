package dev.tributary.pgp.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Random;
import org.bouncycastle.bcpg.ArmoredOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link ArmorEncoder} writes, octet for octet, what BouncyCastle's {@link ArmoredOutputStream}
 * (without headers, LF line endings) wrote before it, whatever the sizes of the writes; and {@link
 * ArmorDecoder} reads it back.
 */
class ArmorEncoderTest {
  @ParameterizedTest
  @ValueSource(ints = {1, 2, 3, 47, 48, 49, 48 * 1024 - 1, 48 * 1024, 48 * 1024 + 1, 200_003})
  void writesWhatBouncyCastleWrote_inWritesOfAnySize(int size) throws IOException {
    byte[] data = new byte[size];
    new Random(size).nextBytes(data);
    ByteArrayOutputStream expected = new ByteArrayOutputStream();
    try (ArmoredOutputStream bc = ArmoredOutputStream.builder().clearHeaders().build(expected)) {
      bc.write(data);
    }
    // BouncyCastle names the block by the first octet (random data may look like a private key)
    String bouncyCastle =
        expected
            .toString(java.nio.charset.StandardCharsets.US_ASCII)
            .replaceAll("-----(BEGIN|END) PGP [A-Z ]+-----", "-----$1 PGP MESSAGE-----");
    for (int chunk : new int[] {1, 7, 4096, 1 << 17}) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      OutputStream armor = new ArmorEncoder(out, "MESSAGE");
      for (int i = 0; i < size; i += chunk) {
        armor.write(data, i, Math.min(chunk, size - i));
      }
      armor.close();
      assertThat(out.toString(java.nio.charset.StandardCharsets.US_ASCII))
          .as("written %d at a time", chunk)
          .isEqualTo(bouncyCastle);
      assertThat(decoded(out.toByteArray())).isEqualTo(data);
    }
  }

  @Test
  void nothingWritten_isAnEmptyArmor() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    new ArmorEncoder(out, "MESSAGE").close();
    assertThat(decoded(out.toByteArray())).isEmpty();
  }

  @Test
  void writingAfterClose_fails_andCloseLeavesTheTargetOpen() throws IOException {
    boolean[] closed = {false};
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    OutputStream target =
        new java.io.FilterOutputStream(bytes) {
          @Override
          public void close() {
            closed[0] = true;
          }
        };
    ArmorEncoder armor = new ArmorEncoder(target, "MESSAGE");
    armor.write(new byte[] {1, 2, 3});
    armor.close();
    armor.close();
    assertThat(closed[0]).isFalse();
    assertThat(bytes.toString(java.nio.charset.StandardCharsets.US_ASCII))
        .startsWith("-----BEGIN PGP MESSAGE-----\n\nAQID\n=")
        .endsWith("\n-----END PGP MESSAGE-----\n")
        .doesNotContain("\r");
    assertThatThrownBy(() -> armor.write(1)).hasMessage("the armor is already finished");
  }

  private static byte[] decoded(byte[] armor) throws IOException {
    ByteArrayInputStream in = new ByteArrayInputStream(armor);
    String problem = ArmorLines.skipHeaders(in, "MESSAGE");
    assertThat(problem).isNull();
    ArmorDecoder decoder = ArmorDecoder.open(in, "MESSAGE", true);
    byte[] data = decoder.readAllBytes();
    ArmorDecoder.require(decoder, "the message");
    return data;
  }
}
