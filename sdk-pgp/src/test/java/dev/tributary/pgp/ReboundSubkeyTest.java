package dev.tributary.pgp;

import static dev.tributary.pgp.CraftedCertificate.CERTIFY;
import static dev.tributary.pgp.CraftedCertificate.ENCRYPT;
import static dev.tributary.pgp.CraftedCertificate.SIGN;
import static dev.tributary.pgp.KeyValidityCases.daysAgo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tributary.pgp.CraftedCertificate.Sig;
import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Subkeys revoked as retired (a soft revocation, five days ago) and bound again by a newer binding
 * signature (two days ago): {@code describe()} says what verification and encryption do with them.
 * A signature the signing subkey made after the new binding verifies (as in Sequoia; gpg 2.2
 * reports it as made by a revoked key, {@code REVKEYSIG}, see {@link ReboundSubkeyInteropTest}),
 * one made between the revocation and the new binding does not; the encryption subkey is not
 * encrypted to, as in GnuPG and OpenPGP.js ({@link KeyValidityCases}: "revoked as retired (soft),
 * then bound again").
 */
class ReboundSubkeyTest {
  static final Instant REVOKED = daysAgo(5);
  static final Instant BOUND_AGAIN = daysAgo(2);

  static CraftedCertificate rebound() {
    return new CraftedCertificate()
        .primary(Sig.userId(CERTIFY))
        .signingSubkey(Sig.binding(SIGN))
        .signingSubkey(Sig.subkeyRevocation(3).made(REVOKED))
        .signingSubkey(Sig.binding(SIGN).made(BOUND_AGAIN))
        .encryptionSubkey(Sig.binding(ENCRYPT))
        .encryptionSubkey(Sig.subkeyRevocation(3).made(REVOKED))
        .encryptionSubkey(Sig.binding(ENCRYPT).made(BOUND_AGAIN));
  }

  static String day(Instant i) {
    return i.toString().substring(0, 10);
  }

  static ComponentKey key(KeyDescription d, CraftedCertificate c, boolean encryption) {
    long id = (encryption ? c.encryption : c.signing).getPublicKey().getKeyID();
    return d.keys().stream()
        .filter(k -> k.keyId().equals(String.format("%016X", id)))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void signingSubkey_describedUsableAsItVerifies_withItsFormerRevocation() {
    CraftedCertificate c = rebound();
    PgpCertificate cert = c.certificate();
    KeyDescription d = cert.describe();
    ComponentKey signing = key(d, c, false);

    assertThat(c.verification(cert, false).valid()).isTrue();
    assertThat(
            PgpSignatures.sign(
                    new ByteArrayInputStream(CraftedCertificate.DATA),
                    OutputStream.nullOutputStream(),
                    List.of(c.key()),
                    false)
                .get(0)
                .signingKeyFingerprint())
        .as("the subkey that signs")
        .isEqualTo(signing.fingerprint());
    assertThat(signing.revoked()).isFalse();
    assertThat(signing.usable()).isTrue();
    assertThat(signing.usableCapabilities()).containsExactly(KeyCapability.SIGN);
    assertThat(signing.revocation()).isNotNull();
    assertThat(signing.revocation().date()).isEqualTo(REVOKED);
    assertThat(signing.revocation().hard()).isFalse();
    assertThat(d.toString())
        .contains(
            signing.keyId()
                + " created "
                + day(CraftedCertificate.MADE)
                + " [SIGN] (revoked on "
                + day(REVOKED)
                + ": key retired, a soft revocation, then bound again)\n");
  }

  @Test
  void signingSubkey_signatureBetweenRevocationAndNewBinding_invalid_asDescribedThen() {
    CraftedCertificate c = rebound();
    PgpCertificate cert = c.certificate();
    Instant between = daysAgo(3);
    ComponentKey then = key(cert.describe(between), c, false);

    assertThat(then.revoked()).isTrue();
    assertThat(then.whyUnusable())
        .hasValue("revoked on " + day(REVOKED) + ": key retired, a soft revocation");
    SignatureVerification v =
        PgpSignatures.verify(
                new ByteArrayInputStream(CraftedCertificate.DATA),
                new ByteArrayInputStream(c.signature(false, between)),
                List.of(cert),
                PgpPolicy.defaults())
            .get(0);
    assertThat(v.valid()).isFalse();
    assertThat(v.failure().orElseThrow()).contains("revoked on " + day(REVOKED));
  }

  @Test
  void encryptionSubkey_describedRevokedAndBoundAgain_asTheEncryptorRefusesIt() {
    CraftedCertificate c = rebound();
    PgpCertificate cert = c.certificate();
    ComponentKey encryption = key(cert.describe(), c, true);
    String boundAgain =
        "; bound again on "
            + day(BOUND_AGAIN)
            + ", which counts for signing only: no message is encrypted to it";

    assertThat(encryption.revoked()).isTrue();
    assertThat(encryption.whyUnusable())
        .hasValue("revoked on " + day(REVOKED) + ": key retired, a soft revocation" + boundAgain);
    assertThatThrownBy(() -> PgpEncryptor.builder().recipient(cert).build())
        .isInstanceOf(PgpKeyCannotEncryptException.class)
        .hasMessageContaining(
            encryption.keyId()
                + ": revoked (since "
                + day(REVOKED)
                + ": key retired, a soft revocation"
                + boundAgain
                + ")");
  }

  @Test
  void signingSubkey_revokedAsCompromisedAndBoundAgain_staysRevoked() {
    CraftedCertificate c =
        new CraftedCertificate()
            .primary(Sig.userId(CERTIFY))
            .signingSubkey(Sig.binding(SIGN))
            .signingSubkey(Sig.subkeyRevocation(2).made(REVOKED))
            .signingSubkey(Sig.binding(SIGN).made(BOUND_AGAIN))
            .encryptionSubkey(Sig.binding(ENCRYPT));
    PgpCertificate cert = c.certificate();
    ComponentKey signing = key(cert.describe(), c, false);

    assertThat(c.verification(cert, false).valid()).isFalse();
    assertThat(signing.revoked()).isTrue();
    assertThat(signing.whyUnusable())
        .hasValue("revoked on " + day(REVOKED) + ": key compromised, a hard revocation");
  }
}
