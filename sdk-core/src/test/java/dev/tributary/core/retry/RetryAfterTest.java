package dev.tributary.core.retry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tributary.core.ConfigException;
import dev.tributary.core.ErrorClass;
import dev.tributary.core.ManualClock;
import dev.tributary.core.TransientException;
import dev.tributary.core.ValidationException;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RetryAfterTest {
  final ManualClock clock = new ManualClock(Instant.parse("2026-10-21T07:27:00Z"));

  @Test
  void parse_readsSecondsAndAllThreeHttpDateForms() {
    assertThat(RetryAfter.parse("120", clock)).contains(Duration.ofSeconds(120));
    assertThat(RetryAfter.parse(" 0 ", clock)).contains(Duration.ZERO);
    assertThat(RetryAfter.parse("Wed, 21 Oct 2026 07:28:00 GMT", clock))
        .contains(Duration.ofSeconds(60));
    assertThat(RetryAfter.parse("Wednesday, 21-Oct-26 07:28:30 GMT", clock))
        .contains(Duration.ofSeconds(90));
    assertThat(RetryAfter.parse("Wed Oct 21 07:29:00 2026", clock))
        .contains(Duration.ofSeconds(120));
  }

  @Test
  void parse_pastDateMeansNow_garbageMeansNoHint() {
    assertThat(RetryAfter.parse("Tue, 20 Oct 2026 07:28:00 GMT", clock)).contains(Duration.ZERO);
    assertThat(RetryAfter.parse("soon", clock)).isEmpty();
    assertThat(RetryAfter.parse("-5", clock)).isEmpty();
    assertThat(RetryAfter.parse(null, clock)).isEmpty();
    assertThat(RetryAfter.parse("99999999999999999999999", clock))
        .contains(Duration.ofSeconds(Long.MAX_VALUE));
  }

  @Test
  void httpStatusPolicy_mapsStatusesToTheExceptionTheRuntimeActsOn() {
    HttpStatusPolicy p = HttpStatusPolicy.defaults();
    assertThat(p.toException(429, "12", "GET /x", clock))
        .isInstanceOf(TransientException.class)
        .hasMessage("HTTP 429 from GET /x (Retry-After 12 s)")
        .satisfies(e -> assertThat(e.retryAfter()).contains(Duration.ofSeconds(12)));
    assertThat(p.toException(503, null, "GET /x", clock).retryAfter()).isEmpty();
    assertThat(p.toException(403, null, "GET /x", clock))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("lacks permission");
    assertThat(p.toException(422, "5", "GET /x", clock)).isInstanceOf(ValidationException.class);
    assertThat(p.with(422, ErrorClass.SYSTEM).classify(422)).isEqualTo(ErrorClass.SYSTEM);
    assertThat(p.classify(422)).isEqualTo(ErrorClass.VALIDATION);
    assertThatThrownBy(() -> p.with(302, ErrorClass.TRANSIENT))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("not an HTTP error status (400-599): 302");
  }
}
