package dev.tributary.pgp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tributary.core.auth.Secret;
import dev.tributary.testing.PgpTestKeys;
import dev.tributary.testing.PgpTestKeys.TestKey;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Detached signatures from several signers, each armored on its own and put one after another in
 * one file: {@code verify} read the first block and ignored the rest, so a valid signature in the
 * second block did not count ({@code sop verify} exited 3 for its signer); GnuPG reads every block.
 */
class DetachedSignatureBlocksTest {
  static final byte[] DATA = "the data both signed\n".getBytes(StandardCharsets.UTF_8);

  static PgpKey key(TestKey k) {
    return PgpKey.parse(k.armoredPrivateKey(), Secret.of(k.passphrase()));
  }

  static PgpCertificate cert(TestKey k) {
    return PgpCertificate.parse(k.armoredPublicKey());
  }

  static String armoredSignature(TestKey k) {
    ByteArrayOutputStream sig = new ByteArrayOutputStream();
    PgpSignatures.sign(new ByteArrayInputStream(DATA), sig, List.of(key(k)), true);
    return sig.toString(StandardCharsets.US_ASCII);
  }

  static List<SignatureVerification> verify(String signatures, TestKey... signers) {
    List<PgpCertificate> certs = java.util.Arrays.stream(signers).map(k -> cert(k)).toList();
    return PgpSignatures.verify(
        new ByteArrayInputStream(DATA),
        new ByteArrayInputStream(signatures.getBytes(StandardCharsets.US_ASCII)),
        certs,
        PgpPolicy.defaults());
  }

  static List<String> validSigners(List<SignatureVerification> results) {
    return results.stream()
        .filter(SignatureVerification::valid)
        .map(SignatureVerification::signerFingerprint)
        .toList();
  }

  @Test
  void armoredBlocksOneAfterAnother_areAllRead() {
    TestKey alice = PgpTestKeys.ALICE_RSA;
    TestKey bob = PgpTestKeys.BOB_25519;
    String both = armoredSignature(alice) + "\n" + armoredSignature(bob);
    assertThat(validSigners(verify(both, alice, bob)))
        .containsExactly(alice.fingerprint(), bob.fingerprint());
    assertThat(validSigners(verify(both, bob))).as("Bob's, in the second block").hasSize(1);
  }

  /** Text after a footer that starts no block ends the data, unread, as it always has. */
  @Test
  void textAfterTheLastBlock_isStillIgnored() {
    TestKey alice = PgpTestKeys.ALICE_RSA;
    TestKey bob = PgpTestKeys.BOB_25519;
    String withText = armoredSignature(alice) + armoredSignature(bob) + "signed on Monday\n";
    assertThat(validSigners(verify(withText, alice, bob))).hasSize(2);
  }
}
