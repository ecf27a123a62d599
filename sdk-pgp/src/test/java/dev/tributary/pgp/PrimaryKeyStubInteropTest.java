package dev.tributary.pgp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tributary.core.auth.Secret;
import dev.tributary.testing.PgpTestKeys;
import dev.tributary.testing.RequiresProgram;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A private key whose primary key is only a GnuPG stub cannot certify, renew or revoke, and says
 * why. A divert-to-card stub (the primary key on a smartcard, S2K mode 1002) was reported as a
 * wrong passphrase: BouncyCastle reads the card's serial number as protected key material, and only
 * an empty key (gnu-dummy, S2K mode 1001, as {@code gpg --export-secret-subkeys} leaves) was
 * recognised; a key with a subkey on a card failed {@code checkPassphrase}. The keys are made by
 * gpg: an Ed25519 primary key that certifies and signs and a Curve25519 subkey, both expiring in a
 * year, without a passphrase; the smartcard stub from it as gpg writes one ({@link
 * SecretKeyStubInteropTest#onSmartcard}).
 */
@RequiresProgram(value = "gpg", debianPackage = "gnupg")
class PrimaryKeyStubInteropTest {
  private static final String CARD =
      "the secret of its primary key is on a smartcard (a GnuPG divert-to-card stub), which cannot"
          + " be used here; ";
  private static final String STUB =
      "its primary key's secret material is not in this private key (a stub); ";

  @RegisterExtension final Gpg gpg = Gpg.perTest();
  private String fingerprint;

  @BeforeEach
  void makeKey() {
    fingerprint = gpg.generateKey("Frank <frank@example.com>", "ed25519", "cv25519", "1y");
  }

  @Test
  void certifyingWithAPrimaryKeyOnASmartcard_saysTheCardCannotBeUsedHere() throws Exception {
    PgpKey onCard = SecretKeyStubInteropTest.onSmartcard(full(), fingerprint);
    PgpCertificate alice = PgpCertificate.of(PgpTestKeys.ALICE_RSA.publicKey());

    assertThatThrownBy(() -> onCard.certify(alice, alice.describe().userIds()))
        .isInstanceOfSatisfying(
            PgpCertificationException.class,
            e ->
                assertThat(e.reason())
                    .isEqualTo(PgpCertificationException.Reason.KEY_CANNOT_CERTIFY))
        .hasMessage(
            "key "
                + fingerprint
                + " cannot certify: "
                + CARD
                + "certify with gpg and the card, or with another key");
  }

  @Test
  void certifyingWithAPrimaryKeyStub_saysItsSecretIsNotHere() {
    PgpKey stub = exported("--export-secret-subkeys");
    PgpCertificate alice = PgpCertificate.of(PgpTestKeys.ALICE_RSA.publicKey());

    assertThatThrownBy(() -> stub.certify(alice, alice.describe().userIds()))
        .isInstanceOf(PgpCertificationException.class)
        .hasMessage(
            "key "
                + fingerprint
                + " cannot certify: "
                + STUB
                + "certify where the primary key is kept, or with another key");
  }

  @Test
  void renewingAKeyWhosePrimaryKeyIsOnASmartcard_saysTheCardCannotBeUsedHere() throws Exception {
    PgpKey onCard = SecretKeyStubInteropTest.onSmartcard(full(), fingerprint);

    assertThatThrownBy(() -> onCard.renew(Duration.ofDays(400)))
        .isInstanceOf(PgpKeyException.class)
        .isNotInstanceOf(PgpWrongPassphraseException.class)
        .hasMessage(
            "cannot renew key " + fingerprint + ": " + CARD + "renew it with gpg and the card");
  }

  @Test
  void renewingAKeyWhosePrimaryKeyIsAStub_saysItsSecretIsNotHere() {
    PgpKey stub = exported("--export-secret-subkeys");

    assertThatThrownBy(() -> stub.renew(Duration.ofDays(400)))
        .isInstanceOf(PgpKeyException.class)
        .hasMessage(
            "cannot renew key "
                + fingerprint
                + ": "
                + STUB
                + "renew it where the primary key is kept");
  }

  @Test
  void revokingAKeyWhosePrimaryKeyIsOnASmartcard_saysTheCardCannotBeUsedHere() throws Exception {
    PgpKey onCard = SecretKeyStubInteropTest.onSmartcard(full(), fingerprint);

    assertThatThrownBy(onCard::revocationCertificate)
        .isInstanceOf(PgpKeyException.class)
        .isNotInstanceOf(PgpWrongPassphraseException.class)
        .hasMessage(
            "cannot revoke key " + fingerprint + ": " + CARD + "revoke it with gpg and the card");
  }

  /** A subkey on a smartcard protects nothing here and needs no passphrase. */
  @Test
  void keyWithASubkeyOnASmartcard_passesThePassphraseCheck_andIsNotProtected() throws Exception {
    PgpKey full = full();
    String subkey = full.describe().keys().get(1).fingerprint();
    PgpKey onCard = SecretKeyStubInteropTest.onSmartcard(full, subkey);

    onCard.checkPassphrase();
    assertThat(onCard.isProtected()).isFalse();
    assertThat(onCard.describe().keys()).noneMatch(ComponentKey::isProtected);
    PgpKey reprotected = onCard.withPassphrase(Secret.of("new passphrase"));
    assertThat(reprotected.describe().keys())
        .extracting(ComponentKey::isProtected)
        .containsExactly(true, false);
  }

  private PgpKey full() {
    return exported("--export-secret-keys");
  }

  private PgpKey exported(String how) {
    String armored =
        new String(
            gpg.run(new byte[0], "--armor", how, fingerprint).ok().out(),
            StandardCharsets.US_ASCII);
    return PgpKey.parse(armored, Secret.empty());
  }
}
