package dev.tributary.pgp;

import static dev.tributary.pgp.CraftedCertificate.CERTIFY;
import static dev.tributary.pgp.CraftedCertificate.DATA;
import static dev.tributary.pgp.CraftedCertificate.ENCRYPT;
import static dev.tributary.pgp.CraftedCertificate.OTHER_USER_ID;
import static dev.tributary.pgp.CraftedCertificate.SIGN;
import static dev.tributary.pgp.CraftedCertificate.USER_ID;
import static dev.tributary.pgp.KeyValidityCases.daysAgo;
import static dev.tributary.pgp.V6SignatureGrammarTest.NONE;
import static dev.tributary.pgp.V6SignatureGrammarTest.sig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tributary.core.auth.Secret;
import dev.tributary.pgp.CraftedCertificate.Sig;
import dev.tributary.pgp.V6Craft.Signer;
import dev.tributary.testing.PgpTestKeys;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.bouncycastle.openpgp.PGPSignature;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * Refusals that said something vague or untrue until stop 39, and what they say now: an encryption
 * subkey whose newest binding gives it no key flags ("not valid for encryption now"), a user ID
 * whose self-signature does not count when certifying it ("(revoked or expired)"), and a signature
 * that names no issuer (key ID 0000000000000000).
 */
class PreciseRefusalMessagesTest {
  static final PgpKey CERTIFIER =
      PgpKey.generate(KeyProfile.CURVE25519, "Certifier <certifier@example.com>", Secret.empty());

  static String keyId(CraftedCertificate c, boolean encryption) {
    return String.format(
        "%016X", (encryption ? c.encryption : c.signing).getPublicKey().getKeyID());
  }

  @Test
  void encrypt_subkeyWhoseOnlyBindingHasNoKeyFlags_saysItsBindingGivesItNone() {
    CraftedCertificate c =
        new CraftedCertificate()
            .primary(Sig.userId(CERTIFY))
            .signingSubkey(Sig.binding(SIGN))
            .encryptionSubkey(Sig.binding(null));

    assertThatThrownBy(() -> PgpEncryptor.builder().recipient(c.certificate()).build())
        .isInstanceOf(PgpKeyCannotEncryptException.class)
        .hasMessageContaining(
            keyId(c, true)
                + ": its newest binding signature gives it no key flags (RFC 9580, section"
                + " 5.2.3.29), so nothing declares it an encryption key. Ask the recipient");
  }

  @Test
  void encrypt_subkeyWhoseNewestBindingHasNoKeyFlags_anOlderEncrypts_saysTheNewestGivesNone() {
    CraftedCertificate c =
        new CraftedCertificate()
            .primary(Sig.userId(CERTIFY))
            .signingSubkey(Sig.binding(SIGN))
            .encryptionSubkey(Sig.binding(ENCRYPT))
            .encryptionSubkey(Sig.binding(null).made(daysAgo(1)));

    assertThatThrownBy(() -> PgpEncryptor.builder().recipient(c.certificate()).build())
        .isInstanceOf(PgpKeyCannotEncryptException.class)
        .hasMessageContaining(
            keyId(c, true) + ": its newest binding signature gives it no key flags");
  }

  /** A certificate whose {@link CraftedCertificate#USER_ID} is bound by {@code s} alone. */
  static PgpCertificate userIdBoundBy(Sig s) {
    return new CraftedCertificate()
        .primary(Sig.userId(CERTIFY).on(OTHER_USER_ID))
        .primary(s)
        .signingSubkey(Sig.binding(SIGN))
        .encryptionSubkey(Sig.binding(ENCRYPT))
        .certificate();
  }

  static void assertCertifyRefused(PgpCertificate cert, String why) {
    assertNotBound(
        () -> CERTIFIER.certify(cert, List.of(USER_ID)),
        cert,
        USER_ID,
        why,
        "; certify one of its user IDs [" + OTHER_USER_ID + "]");
  }

  /**
   * That {@code certify} of {@code userId} of {@code cert} is refused as not bound, for {@code why}
   * (null: the certificate lacks it), ending with {@code offer}: the user IDs it binds ("; certify
   * one of its user IDs [...]"), or what to do when it binds none then.
   */
  static void assertNotBound(
      ThrowingCallable certify,
      PgpCertificate cert,
      String userId,
      @Nullable String why,
      String offer) {
    assertThatThrownBy(certify)
        .isInstanceOfSatisfying(
            PgpCertificationException.class,
            e ->
                assertThat(e.reason())
                    .isEqualTo(PgpCertificationException.Reason.USER_ID_NOT_BOUND))
        .hasMessage(
            "certificate "
                + cert.fingerprint()
                + " has no user ID '"
                + userId
                + "' bound by a valid self-signature"
                + (why == null ? "" : ": " + why)
                + offer);
  }

  @Test
  void certify_userIdWhoseOnlySelfSignatureHoldsACriticalUnknownSubpacket_namesTheSubpacket() {
    assertCertifyRefused(
        userIdBoundBy(Sig.userId(CERTIFY).criticalUnknown()),
        "its newest self-signature does not count: the signature holds a critical subpacket of"
            + " type 105, which is not understood (RFC 9580, section 5.2.3.7)");
  }

  @Test
  void certify_userIdWhoseOnlySelfSignatureHoldsACriticalNotation_saysSo() {
    assertCertifyRefused(
        userIdBoundBy(Sig.userId(CERTIFY).criticalNotation()),
        "its newest self-signature does not count: the signature holds a critical notation,"
            + " which is not understood (RFC 9580, section 5.2.3.24)");
  }

  @Test
  void certify_userIdWhoseOnlySelfSignatureExpired_saysWhen() {
    Sig expiring = Sig.userId(CERTIFY).sigExpiry(Duration.ofDays(1));
    assertCertifyRefused(
        userIdBoundBy(expiring),
        "its newest self-signature does not count: the signature expired on "
            + expiring.made.plus(Duration.ofDays(1))
            + ", as its maker set");
  }

  @Test
  void certify_revokedUserId_saysWhenAndHow() {
    PgpCertificate cert =
        new CraftedCertificate()
            .primary(Sig.userId(CERTIFY))
            .primary(Sig.userIdRevocation(USER_ID).made(daysAgo(1)))
            .primary(Sig.userId(CERTIFY).on(OTHER_USER_ID))
            .signingSubkey(Sig.binding(SIGN))
            .encryptionSubkey(Sig.binding(ENCRYPT))
            .certificate();
    assertCertifyRefused(
        cert,
        "it is revoked (on "
            + daysAgo(1).toString().substring(0, 10)
            + ": user ID no longer valid, a soft revocation)");
  }

  @Test
  void certify_userIdCertifiedOnlyByAStranger_saysItHasNoSelfSignature() {
    assertCertifyRefused(
        userIdBoundBy(Sig.userId(CERTIFY).byStranger()),
        "it carries no self-signature by the certificate's primary key");
  }

  @Test
  void verify_v6SignatureNamingNoIssuer_saysSo_withAnEmptyKeyId() {
    PgpKey eve = PgpKey.of(PgpTestKeys.EVE_V6.privateKey());
    PGPSignature issuerless =
        sig(Signer.of(eve), 6, PGPSignature.BINARY_DOCUMENT, DATA, NONE, NONE);

    List<SignatureVerification> results =
        PgpSignatures.verify(
            new ByteArrayInputStream(DATA),
            new ByteArrayInputStream(V6Craft.encoded(issuerless)),
            List.of(eve.certificate()),
            PgpPolicy.defaults());

    assertThat(results).hasSize(1);
    SignatureVerification v = results.get(0);
    assertThat(v.keyId()).isEmpty();
    assertThat(v.valid()).isFalse();
    assertThat(v.signerFingerprint()).isNull();
    assertThat(v.failure())
        .hasValue(
            "the signature names no issuer (it holds neither an Issuer Fingerprint nor an Issuer"
                + " Key ID subpacket), so no key is known to check it with");
  }
}
