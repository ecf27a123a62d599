package dev.tributary.pgp;

import static dev.tributary.pgp.EncryptDecryptTest.droppingAfter;
import static dev.tributary.pgp.InlineSignaturesTest.ALICE;
import static dev.tributary.pgp.InlineSignaturesTest.BOB;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tributary.core.SystemException;
import dev.tributary.core.TransientException;
import dev.tributary.core.TributaryException;
import dev.tributary.pgp.PgpInlineSignatures.Mode;
import dev.tributary.testing.RequiresProgram;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.bouncycastle.openpgp.PGPLiteralData;
import org.bouncycastle.openpgp.PGPUtil;
import org.bouncycastle.openpgp.bc.BcPGPObjectFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A signer whose data could not be read to the end must not leave a message that looks whole:
 * closing the literal data packet and the armor on the way out of a failure made a complete literal
 * packet (one-pass signatures before it, no signatures after) and an armored block with its END
 * line, which tools may take for a finished message. The message is left unfinished instead: no
 * last piece of the literal data, no signatures, no armor checksum or footer. Detached signatures
 * are never written over part of the data.
 */
class AbortedInlineSigningTest {
  static final int MIB = 1 << 20;

  /** After the first bytes (all still buffered) and past the first pieces of the literal data. */
  static final int[] FAIL_AT = {1000, MIB + 12345};

  @TempDir Path dir;

  /** Every mode, armored and binary. */
  static Stream<Arguments> forms() {
    return Stream.of(
        Arguments.of(Mode.BINARY, false),
        Arguments.of(Mode.BINARY, true),
        Arguments.of(Mode.TEXT, false),
        Arguments.of(Mode.TEXT, true),
        Arguments.of(Mode.CLEARTEXT, true));
  }

  static byte[] data(Mode mode) {
    if (mode == Mode.BINARY) {
      byte[] random = new byte[3 * MIB];
      new Random(7).nextBytes(random);
      return random;
    }
    return "id,email\n1,a@example.com\n".repeat(3 * MIB / 25).getBytes(StandardCharsets.UTF_8);
  }

  /** {@code data}, whose reading fails with an unchecked "connection reset" after {@code bytes}. */
  static InputStream uncheckedDroppingAfter(byte[] data, int bytes) {
    return new FilterInputStream(droppingAfter(data, bytes)) {
      @Override
      public int read(byte[] b, int off, int len) {
        try {
          return in.read(b, off, len);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    };
  }

  /** What {@code sign} wrote before it failed, as it should fail for a source failing so. */
  static byte[] failedSigning(Mode mode, boolean armor, int failAt) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    List<PgpKey> keys = List.of(PgpKey.of(ALICE.privateKey()), PgpKey.of(BOB.privateKey()));
    assertThatThrownBy(
            () ->
                PgpInlineSignatures.sign(droppingAfter(data(mode), failAt), out, keys, mode, armor))
        .isInstanceOf(TransientException.class)
        .hasMessage("cannot sign: reading the data failed: connection reset");
    return out.toByteArray();
  }

  @ParameterizedTest(name = "{0}, armor={1}")
  @MethodSource("forms")
  void sign_fromASourceThatFails_leavesAMessageThatIsNotWhole(Mode mode, boolean armor) {
    for (int failAt : FAIL_AT) {
      byte[] message = failedSigning(mode, armor, failAt);
      String text = new String(message, StandardCharsets.ISO_8859_1);
      assertThat(text).as("fail at %d", failAt).doesNotContain("-----END PGP");
      if (mode != Mode.CLEARTEXT) {
        assertThat(holdsWholeLiteralData(message)).as("fail at %d", failAt).isFalse();
      }
      assertThat(verifies(message)).as("fail at %d", failAt).isFalse();
    }
  }

  @Test
  void sign_fromASourceThatThrowsUnchecked_leavesTheArmorOpen() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    List<PgpKey> keys = List.of(PgpKey.of(ALICE.privateKey()));
    assertThatThrownBy(
            () ->
                PgpInlineSignatures.sign(
                    uncheckedDroppingAfter(data(Mode.BINARY), MIB + 12345),
                    out,
                    keys,
                    Mode.BINARY,
                    true))
        .isInstanceOf(SystemException.class)
        .hasRootCauseMessage("connection reset");
    assertThat(out.toString(StandardCharsets.ISO_8859_1)).doesNotContain("-----END PGP");
    assertThat(holdsWholeLiteralData(out.toByteArray())).isFalse();
  }

  @ParameterizedTest(name = "{0}, armor={1}")
  @MethodSource("forms")
  @RequiresProgram(value = "sqop", debianPackage = "sqop")
  @RequiresProgram(value = "gpg", debianPackage = "gnupg")
  void sign_fromASourceThatFails_neitherSqopNorGpgVerifies(Mode mode, boolean armor)
      throws Exception {
    Path certs = dir.resolve("certs.asc");
    Files.writeString(certs, ALICE.armoredPublicKey() + BOB.armoredPublicKey());
    try (Gpg gpg = new Gpg()) {
      gpg.importKey(ALICE.armoredPublicKey()).importKey(BOB.armoredPublicKey());
      for (int failAt : FAIL_AT) {
        byte[] message = failedSigning(mode, armor, failAt);
        assertThat(Tool.sqop(message, "inline-verify", certs.toString()).code())
            .as("sqop inline-verify, fail at %d", failAt)
            .isNotZero();
        assertThat(gpg.run(message, "--verify").code())
            .as("gpg --verify, fail at %d", failAt)
            .isNotZero();
      }
    }
  }

  @Test
  void detachedSign_fromASourceThatFails_writesNoSignature() {
    for (boolean armor : new boolean[] {false, true}) {
      for (int failAt : FAIL_AT) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        List<PgpKey> keys = List.of(PgpKey.of(ALICE.privateKey()), PgpKey.of(BOB.privateKey()));
        assertThatThrownBy(
                () ->
                    PgpSignatures.sign(droppingAfter(data(Mode.BINARY), failAt), out, keys, armor))
            .isInstanceOf(TransientException.class)
            .hasMessage("cannot sign: reading the data failed: connection reset");
        assertThat(out.size()).as("armor=%s, fail at %d", armor, failAt).isZero();
        ByteArrayOutputStream unchecked = new ByteArrayOutputStream();
        assertThatThrownBy(
                () ->
                    PgpSignatures.sign(
                        uncheckedDroppingAfter(data(Mode.BINARY), failAt), unchecked, keys, armor))
            .hasRootCauseMessage("connection reset");
        assertThat(unchecked.size()).isZero();
      }
    }
  }

  /**
   * Whether {@code message} (armored or binary) holds a literal data packet that reads to its end.
   */
  static boolean holdsWholeLiteralData(byte[] message) {
    try (InputStream in = PGPUtil.getDecoderStream(new ByteArrayInputStream(message))) {
      BcPGPObjectFactory factory = new BcPGPObjectFactory(in);
      Object o;
      while ((o = factory.nextObject()) != null) {
        if (o instanceof PGPLiteralData literal) {
          literal.getInputStream().readAllBytes();
          return true;
        }
      }
      return false;
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  /** Whether our verifier finds a valid signature in {@code message}. */
  static boolean verifies(byte[] message) {
    try {
      return PgpInlineSignatures.verify(
              new ByteArrayInputStream(message),
              OutputStream.nullOutputStream(),
              List.of(PgpCertificate.of(ALICE.publicKey()), PgpCertificate.of(BOB.publicKey())),
              PgpPolicy.defaults())
          .stream()
          .anyMatch(SignatureVerification::valid);
    } catch (TributaryException e) {
      return false;
    }
  }
}
