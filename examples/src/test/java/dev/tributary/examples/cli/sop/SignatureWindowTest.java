package dev.tributary.examples.cli.sop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tributary.pgp.SignatureVerification;
import java.time.Duration;
import java.time.Instant;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.DefaultParser;
import org.apache.commons.cli.Options;
import org.apache.commons.cli.ParseException;
import org.junit.jupiter.api.Test;

class SignatureWindowTest {
  static final Instant NOW = Instant.parse("2026-12-03T16:00:00.900Z");

  static SignatureWindow window(String... args) throws ParseException {
    Options options = SignatureWindow.withOptions(new Options());
    CommandLine line = new DefaultParser().parse(options, args);
    return SignatureWindow.of(line, "not-before", "not-after", NOW);
  }

  /**
   * "now" was the instant the verifier started: a signature made by a signer started a moment
   * later, in the next whole second, did not count ({@code sop inline-sign | sop inline-verify}
   * failed with 3 about every other run), nor one from a clock a few seconds ahead.
   */
  @Test
  void now_countsSignaturesFromTheNextSecondAndFromClocksUpToHalfAnHourAhead() throws Exception {
    Instant nextSecond = Instant.parse("2026-12-03T16:00:01Z");
    for (SignatureWindow w : new SignatureWindow[] {window(), window("--not-after=now")}) {
      assertThat(w.contains(NOW.minus(Duration.ofDays(400)))).isTrue();
      assertThat(w.contains(nextSecond)).isTrue();
      assertThat(w.contains(NOW.plus(SignatureVerification.CLOCK_SKEW_TOLERANCE))).isTrue();
      assertThat(w.contains(NOW.plus(SignatureVerification.CLOCK_SKEW_TOLERANCE).plusSeconds(1)))
          .isFalse();
    }
    assertThat(SignatureVerification.CLOCK_SKEW_TOLERANCE).isEqualTo(Duration.ofMinutes(30));
  }

  @Test
  void anExplicitDate_isExact_andNotBeforeNowGetsNoSkew() throws Exception {
    SignatureWindow until = window("--not-after=2026-12-03T16:00:00Z");
    assertThat(until.contains(Instant.parse("2026-12-03T16:00:00Z"))).isTrue();
    assertThat(until.contains(Instant.parse("2026-12-03T16:00:01Z"))).isFalse();
    SignatureWindow from = window("--not-before=now", "--not-after=-");
    assertThat(from.contains(NOW)).isTrue();
    assertThat(from.contains(NOW.minusSeconds(1))).isFalse();
    assertThat(from.contains(NOW.plus(Duration.ofDays(3650)))).isTrue();
  }

  /** A date alone was refused with 37; Sequoia's sop reads it as a day in UTC, as now here. */
  @Test
  void aDateAlone_isADayInUtc_fromItsStart_toItsEnd() throws Exception {
    SignatureWindow day = window("--not-before=2026-12-03", "--not-after=2026-12-03");
    assertThat(day.notBefore()).isEqualTo(Instant.parse("2026-12-03T00:00:00Z"));
    assertThat(day.notAfter()).isEqualTo(Instant.parse("2026-12-03T23:59:59Z"));
    assertThat(day.contains(Instant.parse("2026-12-03T00:00:00Z"))).isTrue();
    assertThat(day.contains(Instant.parse("2026-12-03T23:59:59Z"))).isTrue();
    assertThat(day.contains(Instant.parse("2026-12-02T23:59:59Z"))).isFalse();
    assertThat(day.contains(Instant.parse("2026-12-04T00:00:00Z"))).isFalse();
    assertThat(SignatureWindow.date("validate-at", "2026-12-03", NOW, false))
        .isEqualTo(Instant.parse("2026-12-03T00:00:00Z"));
    assertThatThrownBy(() -> window("--not-after=2026-13-03"))
        .isInstanceOf(SopExit.Failure.class)
        .hasMessageContaining("a date (2024-05-01, in UTC)");
  }
}
