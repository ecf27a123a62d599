package dev.tributary.core.retry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tributary.core.ManualClock;
import dev.tributary.core.auth.Authorization;
import dev.tributary.core.auth.Secret;
import dev.tributary.core.connector.RateLimit;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class RateLimitsTest {
  final ManualClock clock = new ManualClock(Instant.parse("2026-12-01T10:00:00Z"));
  final RateLimits limits = new RateLimits(clock);
  final Authorization keyA = Authorization.bearer(Secret.of("token-a"));

  @Test
  void sameConnectorAndCredential_shareOneThrottle_otherCredentialsDoNot() {
    RateLimit limit = RateLimit.of(10, Duration.ofSeconds(1));
    Throttle jobOne = limits.throttle("crm", keyA, limit);
    Throttle jobTwo = limits.throttle("crm", Authorization.bearer(Secret.of("token-a")), limit);
    Throttle otherKey = limits.throttle("crm", Authorization.bearer(Secret.of("token-b")), limit);
    Throttle otherConnector = limits.throttle("ads", keyA, limit);

    assertThat(jobTwo).isSameAs(jobOne);
    assertThat(otherKey).isNotSameAs(jobOne);
    assertThat(otherConnector).isNotSameAs(jobOne);
  }

  @Test
  void sharedCredential_withADifferentLimit_isRefused() {
    limits.throttle("crm", keyA, RateLimit.of(10, Duration.ofSeconds(1)));
    assertThatThrownBy(() -> limits.throttle("crm", keyA, RateLimit.of(5, Duration.ofSeconds(1))))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("jobs that share a credential must share its limit")
        .hasMessageNotContaining("token-a");
  }

  @Test
  void requestsPerInterval_spreadsRequestsEvenlyAcrossJobs() throws Exception {
    RateLimit twoPerMinute = RateLimit.of(2, Duration.ofMinutes(1));
    Throttle jobOne = limits.throttle("crm", keyA, twoPerMinute);
    Throttle jobTwo = limits.throttle("crm", keyA, twoPerMinute);

    jobOne.acquire(clock).close();
    jobTwo.acquire(clock).close();
    jobOne.acquire(clock).close();

    // One request every 30 s, whichever job sends it, measured on the runner's clock: each
    // caller after the first waits exactly for its slot.
    assertThat(clock.sleeps()).containsExactly(Duration.ofSeconds(30), Duration.ofSeconds(30));
    assertThat(jobTwo.tryAcquire()).isNull();
    clock.advance(Duration.ofSeconds(29));
    assertThat(jobTwo.tryAcquire()).isNull();
    clock.advance(Duration.ofSeconds(1));
    assertThat(jobTwo.tryAcquire()).isNotNull();
  }

  @Test
  void maxConcurrency_holdsTheNextCallerUntilASlotIsFreed() throws Exception {
    Throttle throttle = limits.throttle("crm", keyA, RateLimit.concurrency(2));
    Throttle.Permit first = throttle.acquire(clock);
    Throttle.Permit second = throttle.acquire(clock);
    assertThat(throttle.tryAcquire()).isNull();

    CountDownLatch waiting = new CountDownLatch(1);
    CompletableFuture<Throttle.Permit> third =
        CompletableFuture.supplyAsync(
            () -> {
              waiting.countDown();
              try {
                return throttle.acquire(clock);
              } catch (InterruptedException e) {
                throw new IllegalStateException(e);
              }
            });
    assertThat(waiting.await(10, TimeUnit.SECONDS)).isTrue();
    assertThat(third).isNotDone();

    first.close();
    third.get(10, TimeUnit.SECONDS).close();
    second.close();
    second.close(); // closing twice frees one slot only
    Throttle.Permit a = throttle.tryAcquire();
    Throttle.Permit b = throttle.tryAcquire();
    assertThat(a).isNotNull();
    assertThat(b).isNotNull();
    assertThat(throttle.tryAcquire()).isNull();
    assertThat(clock.sleeps()).isEmpty();
  }

  @Test
  void rateLimit_rejectsNonsense() {
    assertThatThrownBy(() -> RateLimit.of(0, Duration.ofSeconds(1)))
        .hasMessage("requests must be at least 1: 0");
    assertThatThrownBy(() -> RateLimit.of(1, Duration.ZERO))
        .hasMessage("interval must be positive: PT0S");
    assertThatThrownBy(() -> RateLimit.concurrency(0))
        .hasMessage("maxConcurrency must be at least 1: 0");
  }
}
