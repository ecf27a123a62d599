package dev.tributary.pgp;

import static dev.tributary.pgp.CraftedCertificate.CERTIFY;
import static dev.tributary.pgp.CraftedCertificate.ENCRYPT;
import static dev.tributary.pgp.CraftedCertificate.SIGN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tributary.pgp.CraftedCertificate.Sig;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A primary key whose direct-key signature says it may sign and whose primary user ID's
 * self-signature says it may only certify: GnuPG 2.2.40 reads the direct-key signature's flags and
 * took its signature as good, sqop 0.27.3 reads the user ID's and finds no valid signature (and the
 * other way round for the opposite key; {@link KeyValidityInteropTest}). RFC 9580 does not say
 * which wins. We read the direct-key signature's, as gpg, and verified the signature; a primary key
 * may now do only what both allow.
 */
class ConflictingPrimaryKeyFlagsTest {
  @Test
  void directKeySignatureSigns_userIdSelfSignatureDoesNot_thePrimaryKeyDoesNotSign() {
    CraftedCertificate crafted =
        new CraftedCertificate()
            .primary(Sig.userId(CERTIFY))
            .primary(Sig.directKey(CERTIFY | SIGN))
            .encryptionSubkey(Sig.binding(ENCRYPT));
    PgpKey key = crafted.key();
    PgpCertificate cert = key.certificate();

    ComponentKey primary = cert.describe().primaryKey();
    assertThat(primary.capabilities()).isEqualTo(Set.of(KeyCapability.CERTIFY));
    assertThat(crafted.verification(cert, true).problem())
        .isEqualTo(
            "key "
                + primary.keyId()
                + " was not a valid signing key when the signature was made: its key flags do not"
                + " allow signing");
    assertThatThrownBy(() -> CraftedCertificate.sign(key))
        .isInstanceOf(PgpKeyCannotSignException.class);
  }

  /** Where both agree, or only one carries flags, the key does what they say. */
  @Test
  void bothSign_thePrimaryKeySigns() {
    CraftedCertificate crafted =
        new CraftedCertificate()
            .primary(Sig.userId(CERTIFY | SIGN))
            .primary(Sig.directKey(CERTIFY | SIGN))
            .encryptionSubkey(Sig.binding(ENCRYPT));
    PgpCertificate cert = crafted.certificate();
    assertThat(cert.describe().primaryKey().capabilities())
        .isEqualTo(Set.of(KeyCapability.CERTIFY, KeyCapability.SIGN));
    assertThat(crafted.verification(cert, true).valid()).isTrue();
  }
}
