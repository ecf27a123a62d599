package dev.tributary.pgp;

import static dev.tributary.pgp.CraftedCertificate.CERTIFY;
import static dev.tributary.pgp.CraftedCertificate.ENCRYPT;
import static dev.tributary.pgp.CraftedCertificate.SIGN;
import static dev.tributary.pgp.SigningClockTest.madeAt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tributary.pgp.CraftedCertificate.Sig;
import dev.tributary.testing.PgpTestKeys;
import dev.tributary.testing.time.ManualClock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/**
 * Why a key cannot certify, said precisely. Until stop 45 a certifying key that was made after the
 * time of certification, had expired or been revoked then, or whose key flags do not allow
 * certifying, was refused with one generic "it has no valid certification key with its secret part
 * (expired, revoked, without the certify flag, or a stub)"; now its primary key's reason is named,
 * at "the time of certification", as the signer names "the time of signing".
 */
class CertifyingKeyRefusalTest {
  private static final Instant MADE = KeyClockTest.MADE;
  private static final PgpCertificate ALICE = PgpCertificate.of(PgpTestKeys.ALICE_RSA.publicKey());

  /**
   * That both ways of certifying with {@code key} at {@code clock} are refused with {@code why}.
   */
  private static void assertCannotCertify(PgpKey key, Clock clock, String why) {
    List<ThrowingCallable> calls =
        List.of(
            () -> key.certify(ALICE, ALICE.userIds(), clock),
            () -> key.certifyAddingUserIds(ALICE, List.of("Alice <alice@ca.example>"), clock));
    for (ThrowingCallable call : calls) {
      assertThatThrownBy(call)
          .isInstanceOfSatisfying(
              PgpCertificationException.class,
              e ->
                  assertThat(e.reason())
                      .isEqualTo(PgpCertificationException.Reason.KEY_CANNOT_CERTIFY))
          .hasMessage("key " + key.fingerprint() + " cannot certify: " + why);
    }
  }

  private static String primaryKeyId(PgpKey key) {
    return key.describe().primaryKey().keyId();
  }

  @Test
  void certify_withAKeyMadeAfterTheTimeOfCertification_saysWhenItWasMade() {
    PgpKey ca = madeAt(MADE);
    Instant at = MADE.minus(Duration.ofHours(20));

    assertCannotCertify(
        ca,
        new ManualClock(at.plusMillis(600)),
        "its primary key "
            + primaryKeyId(ca)
            + " is unusable (not yet made: created "
            + MADE
            + ", after the time of certification, "
            + at
            + "); certify at a later time (if the time of certification is now, a clock is wrong:"
            + " this machine's or the key maker's), or with another key");
  }

  @Test
  void certify_withAKeyExpiredAtTheTimeOfCertification_saysWhenItExpired() {
    PgpKey ca = madeAt(MADE);
    Instant expired = MADE.plus(KeyClockTest.LIFETIME);

    assertCannotCertify(
        ca,
        new ManualClock(expired.plus(Duration.ofDays(1))),
        "its primary key "
            + primaryKeyId(ca)
            + " is unusable (expired on "
            + expired.toString().substring(0, 10)
            + "); certify with another key");
  }

  @Test
  void certify_withARevokedKey_saysWhenAndWhy() {
    PgpKey made = madeAt(MADE);
    Instant revokedAt = MADE.plus(Duration.ofDays(2));
    PgpKey ca =
        made.merge(
            made.revocationCertificate(
                RevocationReason.KEY_COMPROMISED, "leaked", new ManualClock(revokedAt)));

    assertCannotCertify(
        ca,
        new ManualClock(revokedAt.plus(Duration.ofDays(1))),
        "its primary key "
            + primaryKeyId(ca)
            + " is unusable (revoked on "
            + revokedAt.toString().substring(0, 10)
            + ": key compromised, a hard revocation); certify with another key");
  }

  @Test
  void certify_withAKeyWhoseFlagsDoNotAllowCertifying_saysSo() {
    PgpKey signOnly =
        new CraftedCertificate()
            .primary(Sig.userId(SIGN))
            .signingSubkey(Sig.binding(SIGN))
            .encryptionSubkey(Sig.binding(ENCRYPT))
            .key();

    assertCannotCertify(
        signOnly,
        Clock.systemUTC(),
        "the key flags of its primary key "
            + primaryKeyId(signOnly)
            + " do not allow certifying, and no subkey may certify; certify with another key");
  }

  @Test
  void certify_withACertificationSubkeyThatExpired_namesIt() {
    Sig expiring = Sig.binding(SIGN | CERTIFY).keyExpiry(Duration.ofDays(1));
    PgpKey key =
        new CraftedCertificate()
            .primary(Sig.userId(SIGN))
            .signingSubkey(expiring)
            .encryptionSubkey(Sig.binding(ENCRYPT))
            .key();
    ComponentKey subkey = key.describe().keys().get(1);

    assertCannotCertify(
        key,
        Clock.systemUTC(),
        "the key flags of its primary key "
            + primaryKeyId(key)
            + " do not allow certifying, and its subkeys declared for it are unusable ("
            + subkey.keyId()
            + ": expired on "
            + subkey.created().plus(Duration.ofDays(1)).toString().substring(0, 10)
            + "); certify with another key");
  }
}
