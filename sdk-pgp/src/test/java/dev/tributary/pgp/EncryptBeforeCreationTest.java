package dev.tributary.pgp;

import static dev.tributary.pgp.CraftedCertificate.MADE;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tributary.pgp.internal.KeyDescriber;
import dev.tributary.testing.PgpTestKeys;
import dev.tributary.testing.time.ManualClock;
import java.time.Duration;
import java.time.Instant;
import org.bouncycastle.openpgp.PGPKeyPair;
import org.junit.jupiter.api.Test;

/**
 * An encryptor whose clock is before a recipient's key was made names, for each such key, when it
 * was made and the time of encryption, as the refusal to sign at such a time does ("created …,
 * after the time of signing, …"), and says once that a clock is wrong. Was: the primary key "is
 * dated 52 seconds ahead of the time it is judged at, …, so its self-signatures are too: a clock is
 * wrong (this machine's, the key maker's, or the one given), or that time is before the key was
 * made", behind "the whole certificate is not valid, as its primary key is not bound", and each
 * subkey only "the whole certificate is not valid".
 */
class EncryptBeforeCreationTest {
  /** What the refusal ends with when a key was made after the time of encryption. */
  static final String CLOCK_WRONG =
      ". A clock is wrong (this machine's, the key maker's, or the one given to the encryptor): set"
          + " it right, or ask the recipient for a current public key with a valid encryption"
          + " subkey";

  static String madeAfter(Instant created, Instant at) {
    return "created " + created + ", after the time of encryption, " + at;
  }

  static String keyId(PGPKeyPair k) {
    return KeyDescriber.keyId(k.getKeyID());
  }

  static void assertRefused(PgpCertificate cert, Instant at, String message) {
    assertThatThrownBy(
            () -> PgpEncryptor.builder().recipient(cert).clock(new ManualClock(at)).build())
        .isInstanceOf(PgpKeyCannotEncryptException.class)
        .hasMessage(message);
  }

  /** The refusal of {@code cert}, each of its keys given with its reason, {@code id: reason}. */
  static String refusal(PgpCertificate cert, String... reasons) {
    return "certificate "
        + cert.fingerprint()
        + " has no key we may encrypt to: "
        + String.join("; ", reasons)
        + CLOCK_WRONG;
  }

  @Test
  void encryptorClockBeforeTheRecipientsKeyWasMade_saysWhenEachKeyWasMade() {
    Instant made = DescribeBeforeCreationTest.ALICE_MADE;
    Instant at = Instant.parse("2026-11-30T22:58:00Z");
    PgpCertificate alice = PgpCertificate.of(PgpTestKeys.ALICE_RSA.publicKey());
    assertRefused(
        alice,
        at.plusMillis(999),
        refusal(
            alice,
            "31368D83A4407430: " + madeAfter(made, at),
            "8089BA27CA6BD022: " + madeAfter(made, at)));
  }

  @Test
  void encryptorClockBeforeTheSubkeysWereMade_theySaySo_thePrimaryKeyWhatItIs() {
    Instant subkeysMade = MADE.plus(Duration.ofHours(1));
    CraftedCertificate c = DescribeBeforeCreationTest.madeApart(MADE, subkeysMade);
    Instant at = MADE.plus(Duration.ofMinutes(30));
    assertRefused(
        c.certificate(),
        at,
        refusal(
            c.certificate(),
            keyId(c.primary) + ": EdDSA Ed25519 can only sign",
            keyId(c.signing) + ": " + madeAfter(subkeysMade, at),
            keyId(c.encryption) + ": " + madeAfter(subkeysMade, at)));
  }

  @Test
  void encryptorClockBeforeThePrimaryKeyButAfterItsSubkeysWereMade_theSubkeysNameIt() {
    Instant primaryMade = MADE.plus(Duration.ofHours(1));
    CraftedCertificate c = DescribeBeforeCreationTest.madeApart(primaryMade, MADE);
    Instant at = MADE.plus(Duration.ofMinutes(30));
    String primaryLater = ": its primary key was created after the time of encryption";
    assertRefused(
        c.certificate(),
        at,
        refusal(
            c.certificate(),
            keyId(c.primary) + ": " + madeAfter(primaryMade, at),
            keyId(c.signing) + primaryLater,
            keyId(c.encryption) + primaryLater));
  }
}
