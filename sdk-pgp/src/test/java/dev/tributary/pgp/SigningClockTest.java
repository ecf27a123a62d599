package dev.tributary.pgp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tributary.testing.PgpTestKeys;
import dev.tributary.testing.time.ManualClock;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.bouncycastle.openpgp.PGPLiteralData;
import org.bouncycastle.openpgp.PGPOnePassSignatureList;
import org.bouncycastle.openpgp.bc.BcPGPObjectFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The clock signing goes by: the {@link Clock} overloads of {@link PgpSignatures#sign} and {@link
 * PgpInlineSignatures#sign}. A signature's creation time is the clock's now in whole seconds, and
 * the signing key is the one valid then: one expired or not yet made then is refused, one valid
 * then but expired now is used. Each case runs on a detached signature and the three forms of an
 * inline-signed message. {@link SigningClockInteropTest} shows gpg and sqop the signatures.
 */
class SigningClockTest {
  static final byte[] DATA =
      "signed at a time of the caller's choosing\n".getBytes(StandardCharsets.UTF_8);

  /** A few days after Alice's and Carol's keys were made (2026-11-30), with a fraction. */
  static final Instant AT = Instant.parse("2026-12-01T12:00:00.750Z");

  static final Instant AT_SECONDS = Instant.parse("2026-12-01T12:00:00Z");

  static final PgpKey ALICE = PgpKey.of(PgpTestKeys.ALICE_RSA.privateKey());
  static final PgpCertificate ALICE_CERT = ALICE.certificate();

  enum Form {
    DETACHED,
    BINARY,
    TEXT,
    CLEARTEXT
  }

  /**
   * {@link #DATA} signed by {@code key} in {@code form} on {@code clock}: the signature or message.
   */
  static byte[] sign(Form form, PgpKey key, Clock clock) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    if (form == Form.DETACHED) {
      PgpSignatures.sign(
          new ByteArrayInputStream(DATA), out, List.of(key), SignatureType.BINARY, true, clock);
    } else {
      PgpInlineSignatures.sign(
          new ByteArrayInputStream(DATA),
          out,
          List.of(key),
          PgpInlineSignatures.Mode.valueOf(form.name()),
          true,
          clock);
    }
    return out.toByteArray();
  }

  /**
   * The one verification of {@code signed} (made by {@link #sign}) by {@code cert} on {@code
   * clock}.
   */
  static SignatureVerification verify(Form form, byte[] signed, PgpCertificate cert, Clock clock) {
    List<SignatureVerification> v =
        form == Form.DETACHED
            ? PgpSignatures.verify(
                new ByteArrayInputStream(DATA),
                new ByteArrayInputStream(signed),
                List.of(cert),
                PgpPolicy.defaults(),
                clock)
            : PgpInlineSignatures.verify(
                new ByteArrayInputStream(signed),
                new ByteArrayOutputStream(),
                List.of(cert),
                PgpPolicy.defaults(),
                TextLineEndings.NATIVE,
                clock);
    assertThat(v).hasSize(1);
    return v.get(0);
  }

  @Test
  void detachedSignature_isMadeAtTheClocksNow_inWholeSeconds() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    List<CreatedSignature> made =
        PgpSignatures.sign(
            new ByteArrayInputStream(DATA),
            out,
            List.of(ALICE),
            SignatureType.TEXT,
            false,
            new ManualClock(AT));
    assertThat(made).singleElement().satisfies(s -> assertThat(s.created()).isEqualTo(AT_SECONDS));
    SignatureVerification v =
        verify(Form.DETACHED, out.toByteArray(), ALICE_CERT, new ManualClock(AT));
    assertThat(v.valid()).isTrue();
    assertThat(v.created()).isEqualTo(AT_SECONDS);
    assertThat(v.type()).isEqualTo(SignatureType.TEXT);
  }

  @ParameterizedTest
  @EnumSource(Form.class)
  void signature_isMadeAtTheClocksNow_andVerifiesOnThatClock(Form form) {
    byte[] signed = sign(form, ALICE, new ManualClock(AT));
    SignatureVerification v = verify(form, signed, ALICE_CERT, new ManualClock(AT));
    assertThat(v.valid()).as("%s", v.problem()).isTrue();
    assertThat(v.created()).isEqualTo(AT_SECONDS);
    assertThat(v.signingKeyFingerprint()).isEqualTo(PgpTestKeys.ALICE_RSA.fingerprint());
    assertThat(verify(form, signed, ALICE_CERT, Clock.systemUTC()).valid())
        .as("days later")
        .isTrue();
  }

  @Test
  void onePassSignedMessage_literalDataTime_isTheClocksNow() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PgpInlineSignatures.sign(
        new ByteArrayInputStream(DATA),
        out,
        List.of(ALICE),
        PgpInlineSignatures.Mode.BINARY,
        false,
        new ManualClock(AT));
    BcPGPObjectFactory packets = new BcPGPObjectFactory(out.toByteArray());
    assertThat(packets.nextObject()).isInstanceOf(PGPOnePassSignatureList.class);
    PGPLiteralData literal = (PGPLiteralData) packets.nextObject();
    assertThat(literal.getModificationTime().toInstant()).isEqualTo(AT_SECONDS);
  }

  // Stop 38's rule from the signing side: Sequoia's 30 minutes of clock skew.
  @ParameterizedTest
  @EnumSource(Form.class)
  void signerClockMoreThanHalfAnHourAheadOfTheVerifiers_makesSignaturesMadeInTheFuture(Form form) {
    SignatureVerification ahead = signedAheadOfTheVerifier(form, Duration.ofMinutes(31));
    assertThat(ahead.valid()).isFalse();
    assertThat(ahead.problem())
        .isEqualTo(
            "the signature was made in the future: 2026-12-01T12:31:00Z, the clock says"
                + " 2026-12-01T12:00:00Z (more than 30 minutes of clock skew)");
    SignatureVerification withinSkew = signedAheadOfTheVerifier(form, Duration.ofMinutes(30));
    assertThat(withinSkew.valid()).as("%s", withinSkew.problem()).isTrue();
  }

  /** Alice's signature made {@code ahead} of {@link #AT_SECONDS}, checked on a clock at that. */
  static SignatureVerification signedAheadOfTheVerifier(Form form, Duration ahead) {
    byte[] signed = sign(form, ALICE, new ManualClock(AT_SECONDS.plus(ahead)));
    return verify(form, signed, ALICE_CERT, new ManualClock(AT_SECONDS));
  }

  /** Every signing path with {@code key} on {@code clock}. */
  static List<ThrowingCallable> signingPaths(PgpKey key, Clock clock) {
    return List.of(
        () -> sign(Form.DETACHED, key, clock),
        () -> sign(Form.BINARY, key, clock),
        () -> sign(Form.CLEARTEXT, key, clock));
  }

  @Test
  void signingKeyExpiredAtTheClock_isRefused_thoughValidNow() {
    PgpKey carol = PgpKey.of(PgpTestKeys.CAROL_SEQUOIA.privateKey());
    Clock afterExpiry = new ManualClock(Instant.parse("2029-11-27T00:00:00Z"));
    for (ThrowingCallable path : signingPaths(carol, afterExpiry)) {
      assertThatThrownBy(path)
          .isInstanceOfSatisfying(
              PgpKeyCannotSignException.class,
              e -> assertThat(e.fingerprint()).isEqualTo(PgpTestKeys.CAROL_SEQUOIA.fingerprint()))
          .hasMessage(
              "private key "
                  + PgpTestKeys.CAROL_SEQUOIA.fingerprint()
                  + " has no valid signing key: E9D04EC326B0E4DE: its key flags do not allow"
                  + " signing; 034F5BBED19F8D44: its primary key is unusable (expired on"
                  + " 2029-11-26); 52FC57EEBFA4986C: its key flags do not allow signing; sign with"
                  + " another key");
    }
    // A day before, it signs; the signature is in the future of the system clock.
    byte[] signed =
        sign(Form.DETACHED, carol, new ManualClock(Instant.parse("2029-11-25T00:00:00Z")));
    assertThat(verify(Form.DETACHED, signed, carol.certificate(), Clock.systemUTC()).problem())
        .startsWith("the signature was made in the future: 2029-11-25T00:00:00Z");
  }

  @Test
  void keyNotYetMadeAtTheClock_isRefused_sayingWhenItWasMade() {
    // Carol's key, made 55 seconds before Alice's, is valid then (SigningKeyMadeLaterTest).
    Clock beforeAlice = new ManualClock(Instant.parse("2026-11-30T22:58:00Z"));
    for (ThrowingCallable path : signingPaths(ALICE, beforeAlice)) {
      assertThatThrownBy(path)
          .isInstanceOf(PgpKeyCannotSignException.class)
          .hasMessage(SigningKeyMadeLaterTest.ALICE_BEFORE_SHE_WAS_MADE);
    }
  }

  /** A Curve25519 key made at {@code made}: it and its subkeys expire five years later. */
  static PgpKey madeAt(Instant made) {
    return PgpKey.generator(KeyProfile.CURVE25519)
        .userId("Clocked <clocked@example.com>")
        .clock(new ManualClock(made))
        .generate();
  }

  @Test
  void signingSubkeyValidAtTheClockButExpiredNow_isChosen() {
    PgpKey key = madeAt(Instant.parse("2019-03-01T10:00:00Z"));
    ComponentKey signingSubkey =
        key.describe(Instant.parse("2020-01-01T00:00:00Z")).keys().stream()
            .filter(k -> !k.primary() && k.canSign())
            .findFirst()
            .orElseThrow();
    assertThatThrownBy(() -> sign(Form.DETACHED, key, Clock.systemUTC()))
        .as("now")
        .isInstanceOf(PgpKeyCannotSignException.class)
        .hasMessageContaining(
            "its primary key is unusable (expired on "
                + key.describe().primaryKey().expiry().orElseThrow().toString().substring(0, 10)
                + ")");

    Clock then = new ManualClock(Instant.parse("2020-01-01T00:00:00Z"));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    List<CreatedSignature> made =
        PgpSignatures.sign(
            new ByteArrayInputStream(DATA), out, List.of(key), SignatureType.BINARY, true, then);
    assertThat(made)
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.signingKeyFingerprint()).isEqualTo(signingSubkey.fingerprint());
              assertThat(s.created()).isEqualTo(Instant.parse("2020-01-01T00:00:00Z"));
            });
    for (Form form : Form.values()) {
      SignatureVerification v = verify(form, sign(form, key, then), key.certificate(), then);
      assertThat(v.valid()).as("%s: %s", form, v.problem()).isTrue();
      assertThat(v.signingKeyFingerprint()).isEqualTo(signingSubkey.fingerprint());
    }
    // Judged at its creation time, the signature stays valid after the key expired.
    assertThat(
            verify(Form.DETACHED, out.toByteArray(), key.certificate(), Clock.systemUTC()).valid())
        .isTrue();
  }

  @Test
  void noClockForms_signNow() {
    Instant before = Instant.now().minusSeconds(1);
    List<CreatedSignature> made =
        PgpSignatures.sign(
            new ByteArrayInputStream(DATA), new ByteArrayOutputStream(), List.of(ALICE), true);
    assertThat(made.get(0).created()).isBetween(before, Instant.now());
  }

  @Test
  void nullClock_isRefusedNamingIt() {
    assertThatThrownBy(() -> sign(Form.DETACHED, ALICE, null)).hasMessage("clock");
    assertThatThrownBy(() -> sign(Form.TEXT, ALICE, null)).hasMessage("clock");
  }
}
