package dev.tributary.pgp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tributary.testing.MalformedRsaSignatures;
import dev.tributary.testing.PgpTestKeys;
import dev.tributary.testing.RequiresProgram;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.bouncycastle.bcpg.RSAPublicBCPGKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * An RSA signature whose number is malformed (zero, one, the modulus itself, as long as the modulus
 * but larger, longer than the modulus) is reported as not matching its data, detached, in an
 * inline-signed message and in a cleartext-signed one, whichever RSA checks it (the JDK's since
 * stop 42, BouncyCastle's before: the JDK's throws for a number longer than the modulus, where
 * BouncyCastle's said no); one whose number is written with leading zero bytes is the same number,
 * and valid.
 */
class MalformedRsaSignatureTest {
  private static final int MODULUS_BYTES = 384; // ALICE_RSA: 3072 bits

  /** A signature whose RSA number has no leading zero byte, so its MPI is the modulus' length. */
  private static byte[] fullLength(PgpKey key) throws Exception {
    while (true) {
      byte[] sig = ShortSignatureHashTest.signature(key, HashAlgorithm.SHA256);
      int bits =
          ((sig[sig.length - MODULUS_BYTES - 2] & 0xFF) << 8)
              | (sig[sig.length - MODULUS_BYTES - 1] & 0xFF);
      if (bits == MODULUS_BYTES * 8) {
        return sig;
      }
    }
  }

  private static SignatureVerification verify(byte[] signature) throws Exception {
    PgpKey key = PgpKey.of(PgpTestKeys.ALICE_RSA.privateKey());
    return ShortSignatureHashTest.verify(ShortSignatureHashTest.DATA, signature, key.certificate());
  }

  /**
   * {@code good} (one binary RSA signature by ALICE_RSA) with each malformed RSA number, by the
   * name of the number ({@link MalformedRsaSignatures}, which the {@code sop} runner's test feeds
   * it too).
   */
  static Map<String, byte[]> malformed(byte[] good) {
    BigInteger n =
        ((RSAPublicBCPGKey)
                PgpKey.of(PgpTestKeys.ALICE_RSA.privateKey())
                    .ring()
                    .getPublicKey()
                    .getPublicKeyPacket()
                    .getKey())
            .getModulus();
    return MalformedRsaSignatures.of(good, n);
  }

  @Test
  void malformedRsaNumbers_doNotMatchTheData() throws Exception {
    PgpKey key = PgpKey.of(PgpTestKeys.ALICE_RSA.privateKey());
    byte[] good = ShortSignatureHashTest.signature(key, HashAlgorithm.SHA256);
    assertThat(verify(good).valid()).isTrue();

    for (Map.Entry<String, byte[]> m : malformed(good).entrySet()) {
      SignatureVerification v = verify(m.getValue());
      assertThat(v.valid()).as(m.getKey()).isFalse();
      assertThat(v.problem()).as(m.getKey()).isEqualTo(DOES_NOT_MATCH);
    }
  }

  /**
   * The same numbers in an inline-signed message (one-pass signed, binary) and a cleartext-signed
   * one: the message has one signature, which does not match its data, and its data is written out
   * as that of the well-formed message; {@code verifyFile} refuses it and leaves no file.
   */
  @ParameterizedTest(name = "{0}")
  @EnumSource(
      value = PgpInlineSignatures.Mode.class,
      names = {"BINARY", "CLEARTEXT"})
  void malformedRsaNumbers_inAnInlineSignedMessage_doNotMatchTheData(
      PgpInlineSignatures.Mode mode, @TempDir Path dir) throws Exception {
    byte[] good = signed(mode);
    ByteArrayOutputStream expected = new ByteArrayOutputStream();
    List<SignatureVerification> valid = inlineVerify(good, expected);
    assertThat(valid).singleElement().extracting(SignatureVerification::valid).isEqualTo(true);

    for (Map.Entry<String, byte[]> m : malformed(signatureOf(good)).entrySet()) {
      String name = m.getKey();
      byte[] message = withSignature(good, mode, m.getValue());
      ByteArrayOutputStream data = new ByteArrayOutputStream();
      List<SignatureVerification> v = inlineVerify(message, data);
      assertThat(v).as(name).hasSize(1);
      assertThat(v.get(0).valid()).as(name).isFalse();
      assertThat(v.get(0).problem()).as(name).isEqualTo(DOES_NOT_MATCH);
      assertThat(data.toByteArray()).as(name).isEqualTo(expected.toByteArray());

      Path file = Files.write(dir.resolve("message"), message);
      Path out = dir.resolve("data");
      assertThatThrownBy(
              () ->
                  PgpInlineSignatures.verifyFile(
                      file, out, List.of(certificate()), PgpPolicy.defaults()))
          .as(name)
          .isInstanceOfSatisfying(
              PgpDataException.class,
              e -> assertThat(e.reason()).isEqualTo(PgpDataException.Reason.BAD_SIGNATURE))
          .hasMessage(
              "the message has no valid signature by a verification certificate: "
                  + DOES_NOT_MATCH);
      assertThat(out).doesNotExist();
    }
  }

  /**
   * sqop 0.27.3 finds no valid signature in any of these messages either: {@code inline-verify}
   * exits 3 (NO_SIGNATURE), and 0 for the well-formed ones.
   */
  @ParameterizedTest(name = "{0}")
  @EnumSource(
      value = PgpInlineSignatures.Mode.class,
      names = {"BINARY", "CLEARTEXT"})
  @RequiresProgram(value = "sqop", debianPackage = "sqop")
  void malformedRsaNumbers_inAnInlineSignedMessage_sqopFindsNoSignatureEither(
      PgpInlineSignatures.Mode mode, @TempDir Path dir) throws Exception {
    Path cert =
        Files.writeString(dir.resolve("alice.asc"), PgpTestKeys.ALICE_RSA.armoredPublicKey());
    byte[] good = signed(mode);
    assertThat(Tool.sqop(good, "inline-verify", cert.toString()).code()).isZero();
    for (Map.Entry<String, byte[]> m : malformed(signatureOf(good)).entrySet()) {
      Tool.Result sqop =
          Tool.sqop(withSignature(good, mode, m.getValue()), "inline-verify", cert.toString());
      assertThat(sqop.code()).as("%s: %s", m.getKey(), sqop.err()).isEqualTo(3);
      assertThat(sqop.out()).as(m.getKey()).isEmpty();
    }
  }

  private static final String DOES_NOT_MATCH = "the signature does not match the data";

  private static PgpCertificate certificate() {
    return PgpCertificate.of(PgpTestKeys.ALICE_RSA.publicKey());
  }

  private static List<SignatureVerification> inlineVerify(byte[] message, OutputStream data) {
    return PgpInlineSignatures.verify(
        new ByteArrayInputStream(message), data, List.of(certificate()), PgpPolicy.defaults());
  }

  /** {@link ShortSignatureHashTest#DATA} signed by ALICE_RSA in {@code mode}. */
  private static byte[] signed(PgpInlineSignatures.Mode mode) {
    ByteArrayOutputStream message = new ByteArrayOutputStream();
    PgpInlineSignatures.sign(
        new ByteArrayInputStream(ShortSignatureHashTest.DATA),
        message,
        List.of(PgpKey.of(PgpTestKeys.ALICE_RSA.privateKey())),
        mode,
        mode == PgpInlineSignatures.Mode.CLEARTEXT);
    return message.toByteArray();
  }

  /** The one binary signature packet of {@code message}: a one-pass signed one ends with it. */
  private static byte[] signatureOf(byte[] message) {
    ByteArrayOutputStream signature = new ByteArrayOutputStream();
    int count =
        PgpInlineSignatures.detach(
            new ByteArrayInputStream(message), OutputStream.nullOutputStream(), signature, false);
    assertThat(count).isOne();
    return signature.toByteArray();
  }

  /** {@code message} with its signature replaced by {@code signature} (one binary packet). */
  private static byte[] withSignature(
      byte[] message, PgpInlineSignatures.Mode mode, byte[] signature) {
    if (mode == PgpInlineSignatures.Mode.BINARY) {
      return MalformedRsaSignatures.inOnePassSignedMessage(
          message, signatureOf(message), signature);
    }
    ByteArrayOutputStream armored = new ByteArrayOutputStream();
    PgpArmor.armor(new ByteArrayInputStream(signature), armored);
    return MalformedRsaSignatures.inCleartextSignedMessage(message, armored.toByteArray());
  }

  @Test
  void anRsaNumberWrittenWithLeadingZeroBytes_isTheSameNumber_andValid() throws Exception {
    PgpKey key = PgpKey.of(PgpTestKeys.ALICE_RSA.privateKey());
    byte[] good = fullLength(key);
    byte[] padded = new byte[MODULUS_BYTES + 2];
    System.arraycopy(good, good.length - MODULUS_BYTES, padded, 2, MODULUS_BYTES);
    SignatureVerification v =
        verify(MalformedRsaSignatures.withNumber(good, padded.length * 8, padded));
    assertThat(v.problem()).isNull();
    assertThat(v.valid()).isTrue();
  }
}
