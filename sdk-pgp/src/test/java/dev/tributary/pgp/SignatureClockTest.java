package dev.tributary.pgp;

import static dev.tributary.pgp.FutureSignatureTest.ALICE;
import static dev.tributary.pgp.FutureSignatureTest.ALICE_CERT;
import static dev.tributary.pgp.FutureSignatureTest.DATA;
import static dev.tributary.pgp.FutureSignatureTest.FUTURE;
import static dev.tributary.pgp.FutureSignatureTest.only;
import static dev.tributary.pgp.FutureSignatureTest.signed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tributary.pgp.FutureSignatureTest.Form;
import dev.tributary.testing.time.ManualClock;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The clock signatures are judged against: {@link PgpDecryptor.Builder#clock}, and the {@link
 * Clock} overloads of {@link PgpSignatures#verify}, {@link PgpInlineSignatures#verify} and {@link
 * PgpInlineSignatures#verifyFile}. A signature's expiration time passes on that clock, and a
 * signature made more than {@link SignatureVerification#CLOCK_SKEW_TOLERANCE} after its "now" is
 * not valid (made in the future) until the clock catches up. Each case runs on the four forms of
 * {@link FutureSignatureTest}, signed by Alice (whose key has no expiry) at {@link #MADE}.
 */
class SignatureClockTest {
  static final Instant MADE = Instant.parse("2030-01-01T00:00:00Z");

  /** Alice's one signature of {@code message} in {@code form}, judged against {@code clock}. */
  static SignatureVerification verify(Form form, byte[] message, Clock clock) {
    return only(
        switch (form) {
          case DETACHED ->
              PgpSignatures.verify(
                  new ByteArrayInputStream(DATA),
                  new ByteArrayInputStream(message),
                  List.of(ALICE_CERT),
                  PgpPolicy.defaults(),
                  clock);
          case ONE_PASS, CLEARTEXT ->
              PgpInlineSignatures.verify(
                  new ByteArrayInputStream(message),
                  new ByteArrayOutputStream(),
                  List.of(ALICE_CERT),
                  PgpPolicy.defaults(),
                  TextLineEndings.NATIVE,
                  clock);
          case ENCRYPTED ->
              PgpDecryptor.builder()
                  .key(PgpKey.of(ALICE.privateKey()))
                  .verifyWith(ALICE_CERT)
                  .clock(clock)
                  .build()
                  .decrypt(new ByteArrayInputStream(message), new ByteArrayOutputStream())
                  .signatures();
        });
  }

  @ParameterizedTest
  @EnumSource(Form.class)
  void expiringSignature_isValidUntilItsExpiry_onTheClock(Form form) throws Exception {
    byte[] message = signed(form, MADE, h -> h.setSignatureExpirationTime(true, 86_400));
    Instant expiry = MADE.plus(1, ChronoUnit.DAYS);
    ManualClock clock = new ManualClock(expiry.minusSeconds(1));
    assertThat(verify(form, message, clock).valid()).as("a second before its expiry").isTrue();

    clock.advance(Duration.ofSeconds(1));
    SignatureVerification expired = verify(form, message, clock);
    assertThat(expired.valid()).as("at its expiry").isFalse();
    assertThat(expired.problem())
        .isEqualTo("the signature expired on 2030-01-02T00:00:00Z, as its maker set");

    assertThat(verify(form, message, new ManualClock(MADE)).valid()).as("when made").isTrue();
  }

  @ParameterizedTest
  @EnumSource(Form.class)
  void futureSignature_isNotValid_untilTheClockIsWithinTheToleranceOfIt(Form form)
      throws Exception {
    byte[] message = signed(form, MADE, h -> {});
    SignatureVerification early =
        verify(form, message, new ManualClock(MADE.minus(1, ChronoUnit.DAYS)));
    assertThat(early.valid()).isFalse();
    assertThat(early.created()).isEqualTo(MADE);
    assertThat(early.problem())
        .isEqualTo(
            FUTURE
                + "2030-01-01T00:00:00Z, the clock says 2029-12-31T00:00:00Z (more than 30 minutes"
                + " of clock skew)");

    Instant edge = MADE.minus(SignatureVerification.CLOCK_SKEW_TOLERANCE);
    ManualClock clock = new ManualClock(edge.minusSeconds(1));
    assertThat(verify(form, message, clock).problem())
        .as("30 minutes and a second ahead")
        .isEqualTo(
            FUTURE
                + "2030-01-01T00:00:00Z, the clock says 2029-12-31T23:29:59Z (more than 30 minutes"
                + " of clock skew)");
    clock.advance(Duration.ofMillis(999));
    assertThat(verify(form, message, clock).problem())
        .as("30 minutes and a millisecond ahead")
        .startsWith(FUTURE);
    clock.advance(Duration.ofMillis(1));
    assertThat(verify(form, message, clock).valid()).as("30 minutes ahead").isTrue();
    clock.advance(SignatureVerification.CLOCK_SKEW_TOLERANCE);
    assertThat(verify(form, message, clock).valid()).as("made now").isTrue();
    clock.advance(Duration.ofDays(400));
    assertThat(verify(form, message, clock).valid()).as("made long ago").isTrue();
  }

  @Test
  void tolerance_isSequoias() {
    assertThat(SignatureVerification.CLOCK_SKEW_TOLERANCE).isEqualTo(Duration.ofMinutes(30));
  }

  @TempDir Path dir;

  @Test
  void verifyFile_futureSignature_isRefused_untilTheClockCatchesUp() throws Exception {
    Path message = Files.write(dir.resolve("signed.gpg"), signed(Form.ONE_PASS, MADE, h -> {}));
    Path data = dir.resolve("data");
    List<PgpCertificate> certs = List.of(ALICE_CERT);
    ManualClock clock = new ManualClock(MADE.minus(1, ChronoUnit.HOURS));
    assertThatThrownBy(
            () ->
                PgpInlineSignatures.verifyFile(
                    message, data, certs, PgpPolicy.defaults(), TextLineEndings.NATIVE, clock))
        .isInstanceOfSatisfying(
            PgpDataException.class,
            e -> assertThat(e.reason()).isEqualTo(PgpDataException.Reason.BAD_SIGNATURE))
        .hasMessageEndingWith(
            "the message has no valid signature by a verification certificate: "
                + FUTURE
                + "2030-01-01T00:00:00Z, the clock says 2029-12-31T23:00:00Z (more than 30 minutes"
                + " of clock skew)");
    assertThat(data).doesNotExist();

    clock.advance(Duration.ofHours(1));
    List<SignatureVerification> v =
        PgpInlineSignatures.verifyFile(
            message, data, certs, PgpPolicy.defaults(), TextLineEndings.NATIVE, clock);
    assertThat(v).singleElement().satisfies(s -> assertThat(s.valid()).isTrue());
    assertThat(Files.readAllBytes(data)).isEqualTo(DATA);
  }
}
