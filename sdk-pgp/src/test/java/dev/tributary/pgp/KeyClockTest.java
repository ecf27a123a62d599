package dev.tributary.pgp;

import static dev.tributary.pgp.SigningClockTest.madeAt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tributary.pgp.SigningClockTest.Form;
import dev.tributary.testing.PgpTestKeys;
import dev.tributary.testing.time.ManualClock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.openpgp.PGPSignature;
import org.junit.jupiter.api.Test;

/**
 * The clock key management goes by: {@link KeyGenerator#clock}, and the {@link Clock} overloads of
 * {@link PgpKey#revocationCertificate}, {@link PgpKey#renew}, {@link PgpKey#certify} and {@link
 * PgpKey#certifyAddingUserIds}. What each makes is dated by the clock's now in whole seconds, and
 * judged (the key's validity, what is due) at that time.
 */
class KeyClockTest {
  static final Instant MADE = Instant.parse("2026-06-01T08:30:00Z");

  /** BouncyCastle's "five years": 5 × 365 days. */
  static final Duration LIFETIME = Duration.ofDays(5 * 365);

  @Test
  void generate_onAClock_datesEveryKeyByIt_andExpiresFiveYearsLater() {
    PgpKey key = madeAt(MADE.plusMillis(750));
    KeyDescription at = key.describe(MADE);
    assertThat(at.keys()).hasSize(3);
    for (ComponentKey k : at.keys()) {
      assertThat(k.created()).as(k.keyId()).isEqualTo(MADE);
      assertThat(k.usable()).as("%s: %s", k.keyId(), k.unusableBecause()).isTrue();
    }
    assertThat(at.primaryKey().expiry()).contains(MADE.plus(LIFETIME));
    assertThat(key.describe(MADE.minusSeconds(1)).primaryKey().usable()).isFalse();
    // Its self-signatures are made then too: it signs at once on the same clock.
    byte[] signed = SigningClockTest.sign(Form.DETACHED, key, new ManualClock(MADE));
    assertThat(SigningClockTest.verify(Form.DETACHED, signed, key.certificate(), Clock.systemUTC()))
        .satisfies(v -> assertThat(v.valid()).as("%s", v.problem()).isTrue());
  }

  @Test
  void generate_withoutAClock_datesTheKeyNow() {
    Instant before = Instant.now().minusSeconds(1);
    PgpKey key = PgpKey.generator(KeyProfile.CURVE25519).signingOnly().generate();
    assertThat(key.describe().primaryKey().created()).isBetween(before, Instant.now());
  }

  @Test
  void revocationCertificate_onAClock_isDatedByIt_andASoftOneKeepsWhatWasSignedBefore() {
    PgpKey key = madeAt(MADE);
    Instant revokedAt = MADE.plus(Duration.ofDays(60));
    byte[] before =
        SigningClockTest.sign(Form.DETACHED, key, new ManualClock(revokedAt.minusSeconds(60)));
    byte[] after =
        SigningClockTest.sign(Form.DETACHED, key, new ManualClock(revokedAt.plusSeconds(60)));

    PgpCertificate revoked =
        key.revocationCertificate(
            RevocationReason.KEY_SUPERSEDED,
            "replaced",
            new ManualClock(revokedAt.plusMillis(400)));

    KeyRevocation revocation = revoked.describe().primaryKey().revocation();
    assertThat(revocation.date()).isEqualTo(revokedAt);
    assertThat(revocation.knownReason()).contains(RevocationReason.KEY_SUPERSEDED);
    assertThat(SigningClockTest.verify(Form.DETACHED, before, revoked, Clock.systemUTC()).valid())
        .as("signed a minute before the revocation")
        .isTrue();
    SignatureVerification late =
        SigningClockTest.verify(Form.DETACHED, after, revoked, Clock.systemUTC());
    assertThat(late.valid()).as("signed a minute after it").isFalse();
    assertThat(late.problem()).contains("revoked on 2026-07-31");
  }

  @Test
  void renew_onAClock_renewsWhatIsDueThen_countingTheNewExpiryFromIt() {
    PgpKey key = madeAt(MADE);
    Instant expiry = MADE.plus(LIFETIME); // 2031-05-31
    Duration window = Duration.ofDays(30);

    PgpKey early = key.renew(window, new ManualClock(expiry.minus(Duration.ofDays(31))));
    assertThat(early.encoded()).as("not due 31 days before its expiry").isEqualTo(key.encoded());

    Instant renewedAt = expiry.minus(Duration.ofDays(10));
    PgpKey renewed = key.renew(window, new ManualClock(renewedAt.plusMillis(250)));
    KeyDescription then = renewed.describe(renewedAt);
    assertThat(then.primaryKey().expiry()).contains(renewedAt.plus(LIFETIME));
    Instant newExpiry = renewedAt.plus(LIFETIME);
    for (ComponentKey k : renewed.describe(newExpiry.minusSeconds(1)).keys()) {
      assertThat(k.usable()).as("%s a second before the new expiry", k.keyId()).isTrue();
    }
    assertThat(renewed.describe(newExpiry).primaryKey().whyUnusable())
        .contains("expired on " + newExpiry.toString().substring(0, 10));
    // The renewed self-signatures are dated then: the key signs on that clock after its old expiry.
    Clock afterOldExpiry = new ManualClock(expiry.plus(Duration.ofDays(1)));
    byte[] signed = SigningClockTest.sign(Form.DETACHED, renewed, afterOldExpiry);
    assertThat(
            SigningClockTest.verify(Form.DETACHED, signed, renewed.certificate(), afterOldExpiry))
        .satisfies(v -> assertThat(v.valid()).as("%s", v.problem()).isTrue());
    assertThat(newestSelfSignature(renewed).getCreationTime().toInstant()).isEqualTo(renewedAt);
  }

  /** The newest self-signature on the primary key's user ID. */
  static PGPSignature newestSelfSignature(PgpKey key) {
    List<PGPSignature> sigs = new ArrayList<>();
    key.ring()
        .getPublicKey()
        .getSignaturesForID("Clocked <clocked@example.com>")
        .forEachRemaining(sigs::add);
    return sigs.stream()
        .max((a, b) -> a.getCreationTime().compareTo(b.getCreationTime()))
        .orElseThrow();
  }

  @Test
  void certify_onAClock_isDatedByIt_andCountsFromThen() {
    PgpKey ca = madeAt(MADE);
    PgpCertificate alice = PgpCertificate.of(PgpTestKeys.ALICE_RSA.publicKey());
    String aliceId = alice.userIds().get(0);
    Instant at = Instant.parse("2026-12-01T12:00:00Z");

    PgpCertificate certified =
        ca.certify(alice, List.of(aliceId), new ManualClock(at.plusMillis(900)));
    PgpCertificate added =
        ca.certifyAddingUserIds(
            alice, List.of("Alice at Work <alice@work.example>"), new ManualClock(at));

    for (PgpCertificate c : List.of(certified, added)) {
      List<PGPSignature> byCa = new ArrayList<>();
      c.ring()
          .getPublicKey()
          .getSignatures()
          .forEachRemaining(
              s -> {
                if (s.getKeyID() == ca.ring().getPublicKey().getKeyID()) {
                  byCa.add(s);
                }
              });
      assertThat(byCa)
          .singleElement()
          .satisfies(s -> assertThat(s.getCreationTime().toInstant()).isEqualTo(at));
    }
    List<PgpCertificate> authorities = List.of(ca.certificate());
    assertThat(certified.userIdsCertifiedBy(authorities, at)).containsExactly(aliceId);
    assertThat(certified.userIdsCertifiedBy(authorities, at.minusSeconds(1))).isEmpty();
  }

  @Test
  void certify_onAClockBeforeTheCertifierWasMade_isRefused() {
    PgpKey ca = madeAt(Instant.parse("2026-12-02T00:00:00Z"));
    PgpCertificate alice = PgpCertificate.of(PgpTestKeys.ALICE_RSA.publicKey());
    Clock before = new ManualClock(Instant.parse("2026-12-01T12:00:00Z"));
    assertThatThrownBy(() -> ca.certify(alice, alice.userIds(), before))
        .isInstanceOf(PgpCertificationException.class);
    assertThatThrownBy(() -> ca.certifyAddingUserIds(alice, alice.userIds(), before))
        .isInstanceOf(PgpCertificationException.class);
  }

  /**
   * Certifying a user ID of a certificate made after the certification's time is refused with the
   * primary key's reason, naming that time as signing names its own ("the time of signing"): not
   * {@code describe()}'s "the time asked … (if that is now, a clock is wrong …)", which is not what
   * the caller asked, nor necessarily now.
   */
  @Test
  void certify_onAClockBeforeTheCertificateWasMade_namesTheTimeOfCertification() {
    PgpKey ca = madeAt(MADE);
    PgpCertificate alice = PgpCertificate.of(PgpTestKeys.ALICE_RSA.publicKey());
    String aliceId = alice.userIds().get(0);
    Instant at = DescribeBeforeCreationTest.ALICE_MADE.minusSeconds(52);

    PreciseRefusalMessagesTest.assertNotBound(
        () -> ca.certify(alice, List.of(aliceId), new ManualClock(at.plusMillis(400))),
        alice,
        aliceId,
        "the certificate's primary key is unusable (not yet made: created "
            + DescribeBeforeCreationTest.ALICE_MADE
            + ", after the time of certification, "
            + at
            + ")",
        "; it binds none of its user IDs at the time of certification, "
            + at
            + ", but binds '"
            + aliceId
            + "' at "
            + DescribeBeforeCreationTest.ALICE_MADE
            + ": certify at such a time");
  }

  @Test
  void revokeAndRenew_onAClockBeforeTheKeyWasMade_areRefusedSayingWhen() {
    PgpKey key = madeAt(MADE);
    Clock before = new ManualClock(MADE.minus(Duration.ofDays(1)).plusMillis(300));
    String times =
        "the time asked, 2026-05-31T08:30:00Z, is before the key was made, 2026-06-01T08:30:00Z";

    assertThatThrownBy(
            () -> key.revocationCertificate(RevocationReason.KEY_RETIRED, "gone", before))
        .isInstanceOf(PgpKeyException.class)
        .hasMessage(
            "cannot revoke key "
                + key.fingerprint()
                + ": "
                + times
                + ", and a revocation dated then would not count; revoke it at a later time");
    assertThatThrownBy(() -> key.renew(Duration.ofDays(30), before))
        .isInstanceOf(PgpKeyException.class)
        .hasMessage(
            "cannot renew key "
                + key.fingerprint()
                + ": "
                + times
                + ", and self-signatures dated then would not count; renew it at a later time");
    // The second the key was made is not before it.
    assertThat(
            key.revocationCertificate(RevocationReason.KEY_RETIRED, "", new ManualClock(MADE))
                .describe(MADE)
                .primaryKey()
                .revoked())
        .isTrue();
  }

  @Test
  void nullClock_isRefusedNamingIt() {
    PgpKey key = PgpKey.of(PgpTestKeys.ALICE_RSA.privateKey());
    assertThatThrownBy(() -> key.renew(Duration.ZERO, null)).hasMessage("clock");
    assertThatThrownBy(() -> key.revocationCertificate(RevocationReason.KEY_RETIRED, "", null))
        .hasMessage("clock");
    assertThatThrownBy(() -> key.certify(key.certificate(), key.certificate().userIds(), null))
        .hasMessage("clock");
    assertThatThrownBy(() -> PgpKey.generator(KeyProfile.CURVE25519).clock(null))
        .hasMessage("clock");
  }
}
