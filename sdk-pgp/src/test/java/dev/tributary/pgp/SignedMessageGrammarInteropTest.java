package dev.tributary.pgp;

import static dev.tributary.pgp.SignedMessageGrammarTest.ALICE;
import static dev.tributary.pgp.SignedMessageGrammarTest.DATA;
import static dev.tributary.pgp.SignedMessageGrammarTest.critical;
import static dev.tributary.pgp.SignedMessageGrammarTest.onePassSigned;
import static dev.tributary.pgp.SignedMessageGrammarTest.signer;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tributary.testing.RequiresProgram;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.stream.Stream;
import org.bouncycastle.openpgp.PGPSignature;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The signed messages of {@link SignedMessageGrammarTest} that we once read otherwise than Sequoia
 * and GnuPG, read by all three: sqop 0.27.3 ({@code inline-verify}) and gpg 2.2.40 ({@code
 * --status-fd}) find no valid signature where we now find none, and verify what we now verify.
 */
@RequiresProgram(value = "sqop", debianPackage = "sqop")
@RequiresProgram(value = "gpg", debianPackage = "gnupg")
class SignedMessageGrammarInteropTest {
  @RegisterExtension final Gpg gpg = Gpg.perTest();

  @TempDir Path dir;

  /** sqop's exit code for {@code inline-verify} of {@code message} with Alice's certificate. */
  int sqopInlineVerify(byte[] message) throws Exception {
    Path cert = Files.writeString(dir.resolve("alice.asc"), ALICE.armoredPublicKey());
    return Tool.sqop(message, "inline-verify", cert.toString()).code();
  }

  /** gpg's status lines for reading {@code message}, Alice's certificate imported. */
  String gpgStatus(byte[] message) {
    gpg.importKey(ALICE.armoredPublicKey());
    return gpg.run(message, "--status-fd", "2", "--decrypt").err();
  }

  /** Our verification of {@code message} with Alice's certificate; the data to {@code out}. */
  static List<SignatureVerification> ours(byte[] message, ByteArrayOutputStream out) {
    return PgpInlineSignatures.verify(
        new ByteArrayInputStream(message),
        out,
        List.of(PgpCertificate.of(ALICE.publicKey())),
        PgpPolicy.defaults());
  }

  static Stream<Arguments> notValid() throws Exception {
    Instant twoDaysAgo = SignedMessageGrammarTest.now().minus(2, ChronoUnit.DAYS);
    return Stream.of(
        Arguments.of(
            "a critical notation",
            onePassSigned(
                signer(ALICE, h -> h.addNotationData(true, true, "unknown@example.org", "x")),
                DATA),
            "BADSIG"),
        Arguments.of(
            "a critical private subpacket (type 100)",
            onePassSigned(signer(ALICE, h -> h.addCustomSubpacket(critical(100))), DATA),
            "BADSIG"),
        Arguments.of(
            "expired",
            onePassSigned(
                signer(
                    ALICE,
                    PGPSignature.BINARY_DOCUMENT,
                    twoDaysAgo,
                    h -> h.setSignatureExpirationTime(true, 86_400)),
                DATA),
            "EXPSIG"),
        Arguments.of(
            "a cleartext-signed message with a binary signature",
            SignedMessageGrammarTest.cleartextWithABinarySignature()
                .getBytes(StandardCharsets.UTF_8),
            "BADSIG"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("notValid")
  void noValidSignature_forSequoiaGnuPgAndUs(String what, byte[] message, String gpgSays)
      throws Exception {
    assertThat(sqopInlineVerify(message)).as("sqop's exit code: no valid signature").isEqualTo(3);
    assertThat(gpgStatus(message)).contains("[GNUPG:] " + gpgSays).doesNotContain("GOODSIG");
    assertThat(ours(message, new ByteArrayOutputStream()))
        .singleElement()
        .satisfies(v -> assertThat(v.valid()).isFalse());
  }

  @Test
  void gnuPgCleartext_withATextLineOfTheSignatureHeaderAfterASpace_verifies() throws Exception {
    gpg.importSecretKey(ALICE);
    String text = "Hello\n -----BEGIN PGP SIGNATURE-----\nafter\n";
    byte[] message =
        gpg.run(text.getBytes(StandardCharsets.UTF_8), "-u", ALICE.fingerprint(), "--clearsign")
            .ok()
            .out();
    assertThat(sqopInlineVerify(message)).as("sqop's exit code").isZero();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    assertThat(ours(message, out)).singleElement().satisfies(v -> assertThat(v.valid()).isTrue());
    assertThat(out.toString(StandardCharsets.UTF_8)).startsWith(text.strip());
  }
}
