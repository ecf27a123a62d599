package dev.tributary.pgp;

import static dev.tributary.pgp.CraftedCertificate.CERTIFY;
import static dev.tributary.pgp.CraftedCertificate.ENCRYPT;
import static dev.tributary.pgp.CraftedCertificate.SIGN;
import static dev.tributary.pgp.CraftedCertificate.USER_ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tributary.core.auth.Secret;
import dev.tributary.pgp.CraftedCertificate.Back;
import dev.tributary.pgp.CraftedCertificate.Sig;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A self-signature that has expired, or holds a critical subpacket or notation nobody understands,
 * binds nothing (RFC 9580, sections 5.2.3.7 and 5.2.3.18), and a third party's certification of a
 * user ID binds nothing for the key's owner: sqop 0.27.3 and GnuPG 2.2.40 then take the certificate
 * as not valid ({@link KeyValidityInteropTest}). BouncyCastle judged the user ID's binding so, but
 * its subkeys stayed usable, and our reading of the primary key's self-signatures ({@code
 * internal.PrimaryKeyProperties}) took such a user ID's as binding the primary key, with its flags:
 * we encrypted to such a certificate, verified its signatures and signed with it. A direct-key
 * signature nobody understands gave the key its expiry. And the reasons say which self-signature
 * failed, and why.
 */
class VoidSelfSignatureTest {
  static final String UNKNOWN =
      "the signature holds a critical subpacket of type 105, which is not understood (RFC 9580,"
          + " section 5.2.3.7)";

  /** A key whose one user ID has only {@code userId} as a self-signature (or certification). */
  static CraftedCertificate withUserId(Sig userId) {
    return new CraftedCertificate()
        .primary(userId)
        .signingSubkey(Sig.binding(SIGN))
        .encryptionSubkey(Sig.binding(ENCRYPT));
  }

  /** Neither encrypts nor verifies nor signs, each saying that the primary key is not bound. */
  static void assertNotValid(CraftedCertificate crafted, String why) {
    PgpKey key = crafted.key();
    PgpCertificate cert = key.certificate();
    ComponentKey primary = cert.describe().primaryKey();
    String unbound =
        "no valid self-signature binds it to the certificate" + (why.isEmpty() ? "" : "; " + why);
    assertThat(primary.whyUnusable()).contains(unbound);
    assertThat(cert.describe().keys().subList(1, 3))
        .allSatisfy(
            k ->
                assertThat(k.whyUnusable())
                    .contains("its primary key is unusable (" + unbound + ")"));

    assertThatThrownBy(() -> PgpEncryptor.builder().recipient(cert).build())
        .isInstanceOf(PgpKeyCannotEncryptException.class)
        .hasMessage(
            "certificate "
                + cert.fingerprint()
                + " has no key we may encrypt to: "
                + primary.keyId()
                + ": the whole certificate is not valid, as its primary key is not bound: "
                + unbound
                + "; "
                + cert.describe().keys().get(1).keyId()
                + ": the whole certificate is not valid; "
                + cert.describe().keys().get(2).keyId()
                + ": the whole certificate is not valid. Ask the recipient for a current public key"
                + " with a valid encryption subkey");

    SignatureVerification bySubkey = crafted.verification(cert, false);
    assertThat(bySubkey.valid()).isFalse();
    assertThat(bySubkey.problem())
        .isEqualTo(
            "key "
                + cert.describe().keys().get(1).keyId()
                + " was not a valid signing key when the signature was made: its primary key is"
                + " unusable ("
                + unbound
                + ")");
    assertThat(crafted.verification(cert, true).valid()).isFalse();

    assertThatThrownBy(() -> CraftedCertificate.sign(key))
        .isInstanceOf(PgpKeyCannotSignException.class);
  }

  @Test
  void userIdSelfSignatureWithACriticalUnknownSubpacket_bindsNothing() {
    assertNotValid(
        withUserId(Sig.userId(CERTIFY | SIGN).criticalUnknown()),
        "its newest self-signature does not count: " + UNKNOWN);
  }

  @Test
  void userIdSelfSignatureWithACriticalNotation_bindsNothing() {
    assertNotValid(
        withUserId(Sig.userId(CERTIFY | SIGN).criticalNotation()),
        "its newest self-signature does not count: the signature holds a critical notation, which"
            + " is not understood (RFC 9580, section 5.2.3.24)");
  }

  @Test
  void expiredUserIdSelfSignature_bindsNothing() {
    Sig userId = Sig.userId(CERTIFY | SIGN).sigExpiry(Duration.ofDays(1));
    assertNotValid(
        withUserId(userId),
        "its newest self-signature does not count: the signature expired on "
            + userId.made.plus(Duration.ofDays(1))
            + ", as its maker set");
  }

  @Test
  void userIdCertifiedOnlyByAStranger_bindsNothing() {
    assertNotValid(withUserId(Sig.userId(CERTIFY | SIGN).byStranger()), "");
  }

  /**
   * Nor is such a certificate's user ID certified, though an authority's certification verifies.
   */
  @Test
  void userIdsCertifiedBy_aCertificateNoSelfSignatureBinds_none() {
    PgpKey authority =
        PgpKey.generate(KeyProfile.CURVE25519, "CA <ca@example.com>", Secret.empty());
    PgpCertificate sound = withUserId(Sig.userId(CERTIFY)).certificate();
    PgpCertificate voided = withUserId(Sig.userId(CERTIFY).criticalUnknown()).certificate();
    Instant later = Instant.now().plusSeconds(5);

    assertThat(
            authority
                .certifyAddingUserIds(sound, List.of(USER_ID))
                .userIdsCertifiedBy(List.of(authority.certificate()), later))
        .containsExactly(USER_ID);
    assertThat(
            authority
                .certifyAddingUserIds(voided, List.of(USER_ID))
                .userIdsCertifiedBy(List.of(authority.certificate()), later))
        .isEmpty();
  }

  /**
   * A direct-key signature with a critical unknown subpacket, saying the key expired 29 days ago
   * and may sign: ignored, as sqop and gpg ignore it; the user ID's self-signature counts.
   */
  @Test
  void directKeySignatureWithACriticalUnknownSubpacket_givesNeitherExpiryNorFlags() {
    CraftedCertificate crafted =
        withUserId(Sig.userId(CERTIFY))
            .primary(
                Sig.directKey(CERTIFY | SIGN | ENCRYPT)
                    .criticalUnknown()
                    .keyExpiry(Duration.ofDays(1)));
    PgpCertificate cert = crafted.certificate();

    ComponentKey primary = cert.describe().primaryKey();
    assertThat(primary.expiry()).isEmpty();
    assertThat(primary.capabilities()).isEqualTo(Set.of(KeyCapability.CERTIFY));
    assertThat(PgpEncryptor.builder().recipient(cert).build()).isNotNull();
    assertThat(crafted.verification(cert, false).valid()).isTrue();
    assertThat(crafted.verification(cert, true).problem())
        .isEqualTo(
            "key "
                + primary.keyId()
                + " was not a valid signing key when the signature was made: its key flags do not"
                + " allow signing");
  }

  /** The reasons a subkey is not bound, in the description and the encryptor's refusal. */
  @Test
  void encryptionBindingWithACriticalUnknownSubpacket_saysSo() {
    PgpCertificate cert =
        new CraftedCertificate()
            .primary(Sig.userId(CERTIFY))
            .encryptionSubkey(Sig.binding(ENCRYPT).criticalUnknown())
            .certificate();
    ComponentKey sub = cert.describe().keys().get(1);
    String why =
        "no valid self-signature binds it to the certificate; its newest self-signature does not"
            + " count: "
            + UNKNOWN;
    assertThat(sub.whyUnusable()).contains(why);
    assertThatThrownBy(() -> PgpEncryptor.builder().recipient(cert).build())
        .isInstanceOf(PgpKeyCannotEncryptException.class)
        .hasMessageContaining(sub.keyId() + ": " + why + ".");
  }

  @Test
  void signingSubkeyWithoutAValidBackSignature_saysSo() {
    for (Back back : List.of(Back.NONE, Back.BY_THE_PRIMARY_KEY, Back.OVER_ANOTHER_SUBKEY)) {
      CraftedCertificate crafted =
          new CraftedCertificate()
              .primary(Sig.userId(CERTIFY))
              .signingSubkey(Sig.binding(SIGN).back(back))
              .encryptionSubkey(Sig.binding(ENCRYPT));
      PgpCertificate cert = crafted.certificate();
      String why =
          "no valid self-signature binds it to the certificate; its newest binding signature lets"
              + " it sign, but holds no valid primary key binding signature made by the subkey (a"
              + " back-signature, which RFC 9580, section 5.2.1, requires of a signing subkey)";
      ComponentKey sub = cert.describe().keys().get(1);
      assertThat(sub.whyUnusable()).as("%s", back).contains(why);
      assertThat(crafted.verification(cert, false).problem())
          .as("%s", back)
          .isEqualTo(
              "key "
                  + sub.keyId()
                  + " was not a valid signing key when the signature was made: "
                  + why);
    }
  }
}
