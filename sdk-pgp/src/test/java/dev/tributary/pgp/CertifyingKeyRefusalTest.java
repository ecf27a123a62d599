package dev.tributary.pgp;

import static dev.tributary.pgp.CraftedCertificate.CERTIFY;
import static dev.tributary.pgp.CraftedCertificate.ENCRYPT;
import static dev.tributary.pgp.CraftedCertificate.SIGN;
import static dev.tributary.pgp.CraftedCertificate.USER_ID;
import static dev.tributary.pgp.SigningClockTest.madeAt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tributary.pgp.CraftedCertificate.Sig;
import dev.tributary.testing.PgpTestKeys;
import dev.tributary.testing.time.ManualClock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.Function;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * Why a key cannot certify, and why a certificate offers no user ID to certify, said precisely.
 * Until stop 45 a certifying key that was made after the time of certification, had expired or been
 * revoked then, or whose key flags do not allow certifying, was refused with one generic "it has no
 * valid certification key with its secret part (expired, revoked, without the certify flag, or a
 * stub)"; now its primary key's reason is named, at "the time of certification", as the signer
 * names "the time of signing". A certificate that binds none of its user IDs at the time of
 * certification ended its refusal with "certify one of its user IDs []".
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

  /** That {@code key} cannot certify at {@code at}, its primary key unusable for {@code why}. */
  private static void assertPrimaryKeyUnusable(PgpKey key, Instant at, String why) {
    assertCannotCertify(
        key,
        new ManualClock(at),
        "its primary key "
            + primaryKeyId(key)
            + " is unusable ("
            + why
            + "); certify with another key");
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

    assertPrimaryKeyUnusable(
        ca, expired.plus(Duration.ofDays(1)), "expired on " + expired.toString().substring(0, 10));
  }

  @Test
  void certify_withARevokedKey_saysWhenAndWhy() {
    PgpKey made = madeAt(MADE);
    Instant revokedAt = MADE.plus(Duration.ofDays(2));
    PgpKey ca =
        made.merge(
            made.revocationCertificate(
                RevocationReason.KEY_COMPROMISED, "leaked", new ManualClock(revokedAt)));

    assertPrimaryKeyUnusable(
        ca,
        revokedAt.plus(Duration.ofDays(1)),
        "revoked on "
            + revokedAt.toString().substring(0, 10)
            + ": key compromised, a hard revocation");
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

  /**
   * A certificate whose primary key a direct-key signature binds, with the user ID self-signatures
   * {@code userIdSigs}.
   */
  private static PgpCertificate boundByADirectKeySignature(Sig... userIdSigs) {
    CraftedCertificate c = new CraftedCertificate().primary(Sig.directKey(CERTIFY));
    for (Sig s : userIdSigs) {
      c.primary(s);
    }
    return c.signingSubkey(Sig.binding(SIGN)).encryptionSubkey(Sig.binding(ENCRYPT)).certificate();
  }

  /**
   * That certifying {@link CraftedCertificate#USER_ID} of {@code cert} now is refused as not bound,
   * for {@code why}, ending with what {@code offer} makes of the time of certification.
   */
  private static void assertNotBoundNow(
      PgpCertificate cert, @Nullable String why, Function<Instant, String> offer) {
    Instant at = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    PreciseRefusalMessagesTest.assertNotBound(
        () -> madeAt(MADE).certify(cert, List.of(USER_ID), new ManualClock(at)),
        cert,
        USER_ID,
        why,
        offer.apply(at));
  }

  /**
   * A certificate made after the time of certification binds its user IDs from then on: {@link
   * KeyClockTest#certify_onAClockBeforeTheCertificateWasMade_namesTheTimeOfCertification}. One
   * whose only user ID's self-signature has expired bound it before: its owner must update it.
   */
  @Test
  void certify_aCertificateWhoseUserIdWasBoundOnlyBefore_asksForAnUpdatedCertificate() {
    Sig expiring = Sig.userId(CERTIFY).sigExpiry(Duration.ofDays(1));

    assertNotBoundNow(
        boundByADirectKeySignature(expiring),
        "its newest self-signature does not count: the signature expired on "
            + expiring.made.plus(Duration.ofDays(1))
            + ", as its maker set",
        at ->
            "; it binds none of its user IDs at the time of certification, "
                + at
                + ", though it bound '"
                + USER_ID
                + "' at "
                + expiring.made
                + ": ask its owner for an updated certificate");
  }

  /**
   * A user ID that carries only a stranger's signature: no self-signature of its owner binds it,
   * ever, so only certifyAddingUserIds helps.
   */
  @Test
  void certify_aCertificateBindingNoUserIdAtAnyTime_pointsToCertifyAddingUserIds() {
    assertNotBoundNow(
        boundByADirectKeySignature(Sig.userId(CERTIFY).byStranger()),
        "it carries no self-signature by the certificate's primary key",
        at ->
            "; it binds none of its user IDs at the time of certification, "
                + at
                + ", nor when any of its self-signatures was made; to vouch for a user ID its"
                + " owner has not bound, certify it with certifyAddingUserIds");
  }

  /** A certificate with no user ID at all (a direct-key signature alone binds its key). */
  @Test
  void certify_aCertificateWithNoUserId_saysItHasNone() {
    assertNotBoundNow(
        boundByADirectKeySignature(),
        null,
        at ->
            "; it has no user ID; to vouch for a user ID its owner has not bound, certify it with"
                + " certifyAddingUserIds");
  }
}
