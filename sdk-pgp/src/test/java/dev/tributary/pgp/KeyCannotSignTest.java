package dev.tributary.pgp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tributary.core.auth.Secret;
import dev.tributary.testing.PgpTestKeys;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.bouncycastle.openpgp.PGPSecretKeyRing;
import org.junit.jupiter.api.Test;

/**
 * A key that cannot sign fails every signing path with a {@link PgpKeyCannotSignException} naming
 * it, so that callers (sop's exit 79) can tell it from other key problems without reading the
 * message.
 */
class KeyCannotSignTest {
  /** Alice's private key with her revocation in it: it has no signing key valid now. */
  static PgpKey revokedAlice() throws Exception {
    PgpKey alice = PgpKey.of(PgpTestKeys.ALICE_RSA.privateKey());
    PGPSecretKeyRing revoked =
        PGPSecretKeyRing.replacePublicKeys(alice.ring(), alice.revocationCertificate().ring());
    return PgpKey.readAll(revoked.getEncoded(), Secret.empty()).get(0);
  }

  @Test
  void everySigningPath_withARevokedKey_throwsTheTypeNamingIt() throws Exception {
    PgpKey revoked = revokedAlice();
    ByteArrayInputStream data = new ByteArrayInputStream(new byte[] {'x'});
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    List<ThrowingCallable> paths =
        List.of(
            () -> PgpSignatures.sign(data, out, List.of(revoked), SignatureType.TEXT, true),
            () ->
                PgpInlineSignatures.sign(
                    data, out, List.of(revoked), PgpInlineSignatures.Mode.BINARY, true),
            () ->
                PgpEncryptor.builder()
                    .recipient(PgpCertificate.of(PgpTestKeys.BOB_25519.publicKey()))
                    .signWith(revoked)
                    .build()
                    .encrypt(data, out));
    for (ThrowingCallable path : paths) {
      assertThatThrownBy(path)
          .isInstanceOfSatisfying(
              PgpKeyCannotSignException.class,
              e -> assertThat(e.fingerprint()).isEqualTo(PgpTestKeys.ALICE_RSA.fingerprint()))
          .hasMessageMatching(
              "private key "
                  + PgpTestKeys.ALICE_RSA.fingerprint()
                  + " has no valid signing key: "
                  + PgpTestKeys.ALICE_RSA.fingerprint().substring(24)
                  + ": revoked on \\d{4}-\\d{2}-\\d{2}: no reason specified, a hard revocation; "
                  + PgpTestKeys.ALICE_RSA.encryptionKeyId()
                  + ": its key flags do not allow signing; sign with another key");
    }
    assertThat(out.size()).as("nothing written before the failure").isZero();
  }

  @Test
  void wrongPassphrase_isNotCannotSign() {
    PgpKey bob =
        PgpKey.parse(PgpTestKeys.BOB_25519.armoredPrivateKey(), Secret.of("not bob's passphrase"));
    assertThatThrownBy(
            () ->
                PgpSignatures.sign(
                    new ByteArrayInputStream(new byte[] {'x'}),
                    new ByteArrayOutputStream(),
                    List.of(bob),
                    true))
        .isInstanceOf(PgpWrongPassphraseException.class)
        .isNotInstanceOf(PgpKeyCannotSignException.class)
        .hasMessageNotContaining("not bob's passphrase");
  }
}
