package dev.tributary.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@link MalformedRsaSignatures} on a v4 RSA signature packet written out by hand: what it replaces
 * is the number alone, after the subpackets, whatever their length.
 */
class MalformedRsaSignaturesTest {
  /**
   * Version 4, type 0, RSA, SHA-256, one hashed byte (0x11), no unhashed ones, the hash's left 16
   * bits (0xABCD), and the number 5 (3 bits): 14 bytes after a 2-byte header.
   */
  static final byte[] SIGNATURE = {
    (byte) 0xC2, 14, 4, 0, 1, 8, 0, 1, 0x11, 0, 0, (byte) 0xAB, (byte) 0xCD, 0, 3, 5
  };

  static final byte[] BEFORE_THE_NUMBER = {4, 0, 1, 8, 0, 1, 0x11, 0, 0, (byte) 0xAB, (byte) 0xCD};

  /** A new-format packet, its length in 4 bytes, of {@link #BEFORE_THE_NUMBER} and {@code mpi}. */
  static byte[] packet(int... mpi) {
    int length = BEFORE_THE_NUMBER.length + mpi.length;
    byte[] p = new byte[6 + length];
    p[0] = (byte) 0xC2;
    p[1] = (byte) 0xFF;
    p[5] = (byte) length;
    System.arraycopy(BEFORE_THE_NUMBER, 0, p, 6, BEFORE_THE_NUMBER.length);
    for (int i = 0; i < mpi.length; i++) {
      p[6 + BEFORE_THE_NUMBER.length + i] = (byte) mpi[i];
    }
    return p;
  }

  @Test
  void withNumber_replacesTheNumberAlone() {
    assertThat(MalformedRsaSignatures.withNumber(SIGNATURE, 16, new byte[] {0, 5}))
        .isEqualTo(packet(0, 16, 0, 5));
  }

  @Test
  void of_namesEachMalformedNumber() {
    Map<String, byte[]> m = MalformedRsaSignatures.of(SIGNATURE, BigInteger.valueOf(0xC1));
    assertThat(m.keySet())
        .containsExactly(
            "zero",
            "one",
            "equal to the modulus",
            "larger than the modulus",
            "longer than the modulus");
    assertThat(m.get("zero")).isEqualTo(packet(0, 0));
    assertThat(m.get("one")).isEqualTo(packet(0, 1, 1));
    assertThat(m.get("equal to the modulus")).isEqualTo(packet(0, 8, 0xC1));
    assertThat(m.get("larger than the modulus")).isEqualTo(packet(0, 8, 0xFF));
    assertThat(m.get("longer than the modulus")).isEqualTo(packet(0, 15, 0x5A, 0x5A));
  }

  @Test
  void withNumber_refusesWhatIsNotAV4RsaSignaturePacket() {
    byte[] oldFormat = SIGNATURE.clone();
    oldFormat[0] = (byte) 0x88;
    assertThatThrownBy(() -> MalformedRsaSignatures.withNumber(oldFormat, 1, new byte[] {1}))
        .isInstanceOf(IllegalArgumentException.class);
    byte[] ed25519 = SIGNATURE.clone();
    ed25519[4] = 27;
    assertThatThrownBy(() -> MalformedRsaSignatures.withNumber(ed25519, 1, new byte[] {1}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("not a v4 RSA signature");
  }

  @Test
  void inMessages_replaceTheSignature() {
    byte[] onePass = {1, 2, 3, 9, 9};
    assertThat(
            MalformedRsaSignatures.inOnePassSignedMessage(
                onePass, new byte[] {9, 9}, new byte[] {7, 7, 7}))
        .containsExactly(1, 2, 3, 7, 7, 7);
    assertThatThrownBy(
            () ->
                MalformedRsaSignatures.inOnePassSignedMessage(
                    onePass, new byte[] {8, 9}, new byte[] {7}))
        .isInstanceOf(IllegalArgumentException.class);

    String cleartext = "text\n-----BEGIN PGP SIGNATURE-----\nold\n-----END PGP SIGNATURE-----\n";
    assertThat(
            new String(
                MalformedRsaSignatures.inCleartextSignedMessage(
                    cleartext.getBytes(StandardCharsets.US_ASCII),
                    "-----BEGIN PGP SIGNATURE-----\nnew\n".getBytes(StandardCharsets.US_ASCII)),
                StandardCharsets.US_ASCII))
        .isEqualTo("text\n-----BEGIN PGP SIGNATURE-----\nnew\n");
  }
}
