package dev.tributary.pgp;

import static dev.tributary.pgp.CraftedCertificate.CERTIFY;
import static dev.tributary.pgp.CraftedCertificate.DATA;
import static dev.tributary.pgp.CraftedCertificate.ENCRYPT;
import static dev.tributary.pgp.CraftedCertificate.MADE;
import static dev.tributary.pgp.CraftedCertificate.SIGN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tributary.pgp.CraftedCertificate.Sig;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A verification judges the signer's keys at the signature's creation time, and its reasons name
 * that time as its other reasons do ("when the signature was made"): "the time the signature was
 * made". They said "the time asked", {@code describe()}'s words for the time it is asked about, and
 * of a key made after it "(if that is now, a clock is wrong: …)", though that time is not now. The
 * signer, which judges its keys at its clock's time, names that time "the time of signing" there
 * too.
 */
class VerificationTimeWordingTest {
  private static final String NOT_VALID =
      " was not a valid signing key when the signature was made: ";

  /**
   * The one verification of {@code signature} over {@link CraftedCertificate#DATA} by {@code c}.
   */
  private static SignatureVerification verify(CraftedCertificate c, byte[] signature) {
    List<SignatureVerification> results =
        PgpSignatures.verify(
            new ByteArrayInputStream(DATA),
            new ByteArrayInputStream(signature),
            List.of(c.certificate()),
            PgpPolicy.defaults());
    assertThat(results).hasSize(1);
    return results.get(0);
  }

  /**
   * That a signature by {@code c}'s signing subkey made {@code signed} is invalid, its signing key
   * not valid then for {@code why}.
   */
  private static void assertNotValidSigningKey(CraftedCertificate c, Instant signed, String why) {
    SignatureVerification v = verify(c, c.signature(false, signed));

    assertThat(v.valid()).isFalse();
    assertThat(v.failure())
        .hasValue(
            "key "
                + PreciseRefusalMessagesTest.keyId(c, false)
                + " was not a valid signing key when the signature was made: "
                + why);
  }

  private static final Instant SUBKEYS_MADE = MADE.minus(Duration.ofDays(2));
  private static final Instant BEFORE_THE_PRIMARY_KEY = MADE.minus(Duration.ofDays(1));

  /**
   * A sound key whose subkeys were made before its primary key, as GnuPG's addkey of an existing
   * key makes one: at {@link #BEFORE_THE_PRIMARY_KEY} its signing subkey exists, its primary key
   * not.
   */
  private static CraftedCertificate subkeysMadeFirst() {
    return new CraftedCertificate(MADE, SUBKEYS_MADE)
        .primary(Sig.userId(CERTIFY))
        .signingSubkey(Sig.binding(SIGN))
        .encryptionSubkey(Sig.binding(ENCRYPT));
  }

  /** What a subkey of {@link #subkeysMadeFirst()} says at {@link #BEFORE_THE_PRIMARY_KEY}. */
  private static String primaryNotYetMade(String time) {
    return "its primary key is unusable (not yet made: created "
        + MADE
        + ", after "
        + time
        + ", "
        + BEFORE_THE_PRIMARY_KEY
        + ")";
  }

  @Test
  void signatureBySubkeyMadeBeforeItsPrimaryKey_namesTheTimeTheSignatureWasMade() {
    CraftedCertificate c = subkeysMadeFirst();

    assertNotValidSigningKey(
        c, BEFORE_THE_PRIMARY_KEY, primaryNotYetMade("the time the signature was made"));
  }

  /**
   * A signature dated before its signing key was made is refused with the key's own reason, as
   * {@code describe()} gives it at that time, not the list of kinds of reason it used to give.
   */
  @Test
  void signatureMadeBeforeItsSigningKey_saysTheKeyWasNotYetMade() {
    CraftedCertificate c = subkeysMadeFirst();
    Instant signed = SUBKEYS_MADE.minus(Duration.ofDays(1));

    assertNotValidSigningKey(
        c,
        signed,
        "not yet made: created "
            + SUBKEYS_MADE
            + ", after the time the signature was made, "
            + signed);
  }

  /** The signer, its clock set then, names its own time there. */
  @Test
  void signingWithSubkeyMadeBeforeItsPrimaryKey_namesTheTimeOfSigning() {
    CraftedCertificate c = subkeysMadeFirst();

    assertThatThrownBy(() -> DeclaredByARefusedBindingTest.signAt(c.key(), BEFORE_THE_PRIMARY_KEY))
        .isInstanceOf(PgpKeyCannotSignException.class)
        .hasMessageContaining(
            PreciseRefusalMessagesTest.keyId(c, false)
                + ": "
                + primaryNotYetMade("the time of signing")
                + ";");
  }

  /**
   * A signing subkey whose binding that counts at the signature's time gives it no key flags, while
   * a newer one, made after the signature, declares signing: that one did not count then.
   */
  @Test
  void signatureBySubkeyDeclaredOnlyByANewerBinding_namesTheTimeTheSignatureWasMade() {
    Instant newer = MADE.plusSeconds(120);
    Instant signed = MADE.plusSeconds(90);
    CraftedCertificate c = DeclaredByARefusedBindingTest.signingSubkeyDeclaredAt(newer);

    assertNotValidSigningKey(
        c,
        signed,
        DeclaredByARefusedBindingTest.declaredBy(
            "was made " + newer + ", after the time the signature was made"));
    // a signature made once the newer binding counts verifies
    assertThat(verify(c, c.signature(false, newer.plusSeconds(60))).valid()).isTrue();
  }
}
