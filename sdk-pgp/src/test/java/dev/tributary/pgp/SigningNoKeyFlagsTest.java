package dev.tributary.pgp;

import static dev.tributary.pgp.CraftedCertificate.CERTIFY;
import static dev.tributary.pgp.CraftedCertificate.ENCRYPT;
import static dev.tributary.pgp.CraftedCertificate.SIGN;
import static dev.tributary.pgp.KeyValidityCases.daysAgo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tributary.pgp.CraftedCertificate.Sig;
import org.junit.jupiter.api.Test;

/**
 * A signing subkey whose newest binding signature carries no key flags is refused for signing, and
 * a signature it made is not valid, saying that the binding gives it no key flags, as the
 * encryption refusal of such a subkey has said since stop 39. Was: "its key flags do not allow
 * signing", as if its flags named other uses. What GnuPG and Sequoia do with such a key: {@link
 * SigningNoKeyFlagsInteropTest}.
 */
class SigningNoKeyFlagsTest {
  static final String NO_KEY_FLAGS =
      "its newest binding signature gives it no key flags (RFC 9580, section 5.2.3.29), so nothing"
          + " declares it a signing key";

  /** The refusal to sign with {@code c}'s key: each key with why it may not sign. */
  static String refusal(CraftedCertificate c) {
    return "private key "
        + c.key().fingerprint()
        + " has no valid signing key: "
        + keyId(c.primary.getPublicKey().getKeyID())
        + ": its key flags do not allow signing; "
        + keyId(c.signing.getPublicKey().getKeyID())
        + ": "
        + NO_KEY_FLAGS
        + "; "
        + keyId(c.encryption.getPublicKey().getKeyID())
        + ": its key flags do not allow signing; sign with another key";
  }

  static String keyId(long id) {
    return String.format("%016X", id);
  }

  static CraftedCertificate onlyBindingWithoutFlags() {
    return new CraftedCertificate()
        .primary(Sig.userId(CERTIFY))
        .signingSubkey(Sig.binding(null).backWithoutFlags())
        .encryptionSubkey(Sig.binding(ENCRYPT));
  }

  static CraftedCertificate newestBindingWithoutFlags() {
    return new CraftedCertificate()
        .primary(Sig.userId(CERTIFY))
        .signingSubkey(Sig.binding(SIGN))
        .signingSubkey(Sig.binding(null).backWithoutFlags().made(daysAgo(1)))
        .encryptionSubkey(Sig.binding(ENCRYPT));
  }

  @Test
  void sign_subkeyWhoseOnlyBindingHasNoKeyFlags_saysItsBindingGivesItNone() {
    CraftedCertificate c = onlyBindingWithoutFlags();
    PgpKey key = c.key();

    assertThatThrownBy(() -> CraftedCertificate.sign(key))
        .isInstanceOf(PgpKeyCannotSignException.class)
        .hasMessage(refusal(c));
  }

  @Test
  void sign_subkeyWhoseNewestBindingHasNoKeyFlags_anOlderSigns_saysTheNewestGivesNone() {
    CraftedCertificate c = newestBindingWithoutFlags();
    PgpKey key = c.key();

    assertThatThrownBy(() -> CraftedCertificate.sign(key))
        .isInstanceOf(PgpKeyCannotSignException.class)
        .hasMessage(refusal(c));
  }

  @Test
  void sign_subkeyWhoseFlagsOnlyAuthenticate_stillSaysItsFlagsDoNotAllowSigning() {
    CraftedCertificate c =
        new CraftedCertificate()
            .primary(Sig.userId(CERTIFY))
            .signingSubkey(Sig.binding(org.bouncycastle.bcpg.sig.KeyFlags.AUTHENTICATION))
            .encryptionSubkey(Sig.binding(ENCRYPT));

    assertThatThrownBy(() -> CraftedCertificate.sign(c.key()))
        .isInstanceOf(PgpKeyCannotSignException.class)
        .hasMessageContaining(
            keyId(c.signing.getPublicKey().getKeyID()) + ": its key flags do not allow signing;");
  }

  @Test
  void verify_signatureBySubkeyWhoseNewestBindingHasNoKeyFlags_saysItsBindingGivesItNone() {
    for (CraftedCertificate c :
        new CraftedCertificate[] {onlyBindingWithoutFlags(), newestBindingWithoutFlags()}) {
      SignatureVerification v = c.verification(c.certificate(), false);

      assertThat(v.valid()).isFalse();
      assertThat(v.problem())
          .isEqualTo(
              "key "
                  + keyId(c.signing.getPublicKey().getKeyID())
                  + " was not a valid signing key when the signature was made: "
                  + NO_KEY_FLAGS);
    }
  }

  @Test
  void describe_subkeyWhoseNewestBindingHasNoKeyFlags_declaresNothing() {
    ComponentKey sub = onlyBindingWithoutFlags().key().describe().keys().get(1);

    assertThat(sub.capabilities()).isEmpty();
    assertThat(sub.canSign()).isFalse();
  }
}
