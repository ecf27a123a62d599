package dev.tributary.pgp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tributary.testing.PgpTestKeys;
import dev.tributary.testing.RequiresProgram;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bouncycastle.bcpg.RSAPublicBCPGKey;
import org.bouncycastle.util.BigIntegers;
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

  /** {@code signature} (one binary v4 packet) with its RSA number's MPI replaced by {@code mpi}. */
  private static byte[] withMpi(byte[] signature, byte[] mpi) {
    assertThat(signature[0] & 0xC0).as("a new-format packet header").isEqualTo(0xC0);
    int first = signature[1] & 0xFF;
    int bodyStart =
        first < 192 ? 2 : first < 224 ? 3 : first == 255 ? 6 : -1; // no partial lengths here
    assertThat(bodyStart).isPositive();
    byte[] body = Arrays.copyOfRange(signature, bodyStart, signature.length);
    int bits = 0;
    int at = body.length;
    // The MPI ends the packet: find the 2-byte bit count that spans exactly the rest.
    for (int p = body.length - MODULUS_BYTES - 2; p >= body.length - MODULUS_BYTES - 40; p--) {
      bits = ((body[p] & 0xFF) << 8) | (body[p + 1] & 0xFF);
      if ((bits + 7) / 8 == body.length - p - 2) {
        at = p;
        break;
      }
    }
    assertThat(at).as("the signature's MPI").isLessThan(body.length);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int length = at + mpi.length;
    out.write(0xC2);
    out.write(0xFF);
    out.write(length >>> 24);
    out.write(length >>> 16);
    out.write(length >>> 8);
    out.write(length);
    out.write(body, 0, at);
    out.write(mpi, 0, mpi.length);
    return out.toByteArray();
  }

  /** An MPI of {@code bits} declared bits followed by {@code value}, as written. */
  private static byte[] mpi(int bits, byte[] value) {
    byte[] m = new byte[2 + value.length];
    m[0] = (byte) (bits >>> 8);
    m[1] = (byte) bits;
    System.arraycopy(value, 0, m, 2, value.length);
    return m;
  }

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
   * name of the number.
   */
  static Map<String, byte[]> malformed(byte[] good) throws Exception {
    byte[] allOnes = new byte[MODULUS_BYTES];
    Arrays.fill(allOnes, (byte) 0xFF);
    byte[] longer = new byte[MODULUS_BYTES + 1];
    Arrays.fill(longer, (byte) 0x5A);
    BigInteger n =
        ((RSAPublicBCPGKey)
                PgpKey.of(PgpTestKeys.ALICE_RSA.privateKey())
                    .ring()
                    .getPublicKey()
                    .getPublicKeyPacket()
                    .getKey())
            .getModulus();
    byte[] modulus = BigIntegers.asUnsignedByteArray(n);
    Map<String, byte[]> malformed = new LinkedHashMap<>();
    malformed.put("zero", withMpi(good, mpi(0, new byte[0])));
    malformed.put("one", withMpi(good, mpi(1, new byte[] {1})));
    malformed.put("equal to the modulus", withMpi(good, mpi(n.bitLength(), modulus)));
    malformed.put("larger than the modulus", withMpi(good, mpi(MODULUS_BYTES * 8, allOnes)));
    malformed.put("longer than the modulus", withMpi(good, mpi(longer.length * 8 - 1, longer)));
    return malformed;
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

    for (Map.Entry<String, byte[]> m : malformed(signatureOf(good, mode)).entrySet()) {
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
    for (Map.Entry<String, byte[]> m : malformed(signatureOf(good, mode)).entrySet()) {
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
  private static byte[] signatureOf(byte[] message, PgpInlineSignatures.Mode mode) {
    ByteArrayOutputStream signature = new ByteArrayOutputStream();
    int count =
        PgpInlineSignatures.detach(
            new ByteArrayInputStream(message), OutputStream.nullOutputStream(), signature, false);
    assertThat(count).isOne();
    byte[] packet = signature.toByteArray();
    if (mode == PgpInlineSignatures.Mode.BINARY) {
      assertThat(Arrays.copyOfRange(message, message.length - packet.length, message.length))
          .as("the message ends with its signature packet")
          .isEqualTo(packet);
    }
    return packet;
  }

  /** {@code message} with its signature replaced by {@code signature} (one binary packet). */
  private static byte[] withSignature(
      byte[] message, PgpInlineSignatures.Mode mode, byte[] signature) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    if (mode == PgpInlineSignatures.Mode.BINARY) {
      out.write(message, 0, message.length - signatureOf(message, mode).length);
      out.writeBytes(signature);
    } else {
      String text = new String(message, StandardCharsets.US_ASCII);
      out.writeBytes(
          text.substring(0, text.indexOf("-----BEGIN PGP SIGNATURE-----"))
              .getBytes(StandardCharsets.US_ASCII));
      PgpArmor.armor(new ByteArrayInputStream(signature), out);
    }
    return out.toByteArray();
  }

  @Test
  void anRsaNumberWrittenWithLeadingZeroBytes_isTheSameNumber_andValid() throws Exception {
    PgpKey key = PgpKey.of(PgpTestKeys.ALICE_RSA.privateKey());
    byte[] good = fullLength(key);
    byte[] padded = new byte[MODULUS_BYTES + 2];
    System.arraycopy(good, good.length - MODULUS_BYTES, padded, 2, MODULUS_BYTES);
    SignatureVerification v = verify(withMpi(good, mpi(padded.length * 8, padded)));
    assertThat(v.problem()).isNull();
    assertThat(v.valid()).isTrue();
  }
}
