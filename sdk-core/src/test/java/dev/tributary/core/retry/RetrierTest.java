package dev.tributary.core.retry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tributary.core.ConfigException;
import dev.tributary.core.ErrorClass;
import dev.tributary.core.ManualClock;
import dev.tributary.core.SystemException;
import dev.tributary.core.TransientException;
import dev.tributary.core.TributaryException;
import dev.tributary.core.ValidationException;
import dev.tributary.core.connector.BatchResult;
import dev.tributary.core.connector.ItemResult;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RetrierTest {
  final ManualClock clock = new ManualClock(Instant.parse("2026-12-01T10:00:00Z"));
  final List<Integer> retried = new ArrayList<>();

  Retrier retrier(RetryOptions options) {
    return Retrier.builder()
        .options(options)
        .sleeper(clock)
        .listener((items, cause, delay) -> retried.add(items))
        .build();
  }

  @Test
  void call_transientFailures_areRetriedWithExponentialBackoffWithinJitter() throws Exception {
    AtomicInteger attempts = new AtomicInteger();
    String result =
        retrier(RetryOptions.defaults())
            .call(
                () -> {
                  if (attempts.incrementAndGet() < 4) {
                    throw new TransientException("timeout");
                  }
                  return "ok";
                });

    assertThat(result).isEqualTo("ok");
    assertThat(clock.sleeps()).hasSize(3);
    for (int i = 0; i < 3; i++) {
      long nominal = 1000L << i; // 1 s, 2 s, 4 s
      assertThat(clock.sleeps().get(i).toMillis()).isBetween(nominal * 8 / 10, nominal * 12 / 10);
    }
    assertThat(retried).containsExactly(1, 1, 1);
  }

  @Test
  void call_retryAfterLongerThanBackoff_waitsAtLeastRetryAfter() throws Exception {
    AtomicInteger attempts = new AtomicInteger();
    retrier(RetryOptions.defaults())
        .call(
            () -> {
              if (attempts.incrementAndGet() == 1) {
                throw new TransientException("429", Duration.ofSeconds(30), null);
              }
              return 1;
            });
    assertThat(clock.sleeps()).containsExactly(Duration.ofSeconds(30));
  }

  @Test
  void call_retryAfterBeyondTheMaximum_givesUpAtOnceKeepingTheHint() {
    Retrier r = retrier(RetryOptions.builder().maxRetryAfter(Duration.ofMinutes(5)).build());
    assertThatThrownBy(
            () ->
                r.call(
                    () -> {
                      throw new TransientException("503", Duration.ofHours(2), null);
                    }))
        .isInstanceOfSatisfying(
            RetriesExhaustedException.class,
            e -> {
              assertThat(e.attempts()).isEqualTo(1);
              assertThat(e.retryAfter()).contains(Duration.ofHours(2));
              assertThat(e.errorClass()).isEqualTo(ErrorClass.TRANSIENT);
            });
    assertThat(clock.sleeps()).isEmpty();
  }

  @Test
  void call_transientEveryTime_endsAfterMaxAttemptsWithTheLastCause() {
    AtomicInteger attempts = new AtomicInteger();
    Retrier r = retrier(RetryOptions.builder().maxAttempts(3).build());
    assertThatThrownBy(
            () ->
                r.call(
                    () -> {
                      throw new TransientException("down #" + attempts.incrementAndGet());
                    }))
        .isInstanceOf(RetriesExhaustedException.class)
        .hasMessage("gave up after 3 attempts with 1 item still failing: down #3")
        .hasCauseInstanceOf(TransientException.class);
    assertThat(attempts).hasValue(3);
  }

  @Test
  void call_configAndSystemErrors_stopAtOnce() {
    AtomicInteger attempts = new AtomicInteger();
    Retrier r = retrier(RetryOptions.defaults());
    assertThatThrownBy(
            () ->
                r.call(
                    () -> {
                      attempts.incrementAndGet();
                      throw new ConfigException("authorization", "401: check the API key", null);
                    }))
        .isInstanceOf(ConfigException.class);
    assertThatThrownBy(
            () ->
                r.call(
                    () -> {
                      attempts.incrementAndGet();
                      throw new IllegalStateException("bug");
                    }))
        .isInstanceOf(SystemException.class)
        .hasMessageContaining("IllegalStateException: bug");
    assertThat(attempts).hasValue(2);
    assertThat(clock.sleeps()).isEmpty();
  }

  @Test
  void classify_ioErrorsAreTransient_otherThrowablesAreSystem() {
    assertThat(Retrier.classify(new IOException("reset")).errorClass())
        .isEqualTo(ErrorClass.TRANSIENT);
    assertThat(Retrier.classify(new NullPointerException()).errorClass())
        .isEqualTo(ErrorClass.SYSTEM);
    ValidationException v = new ValidationException("bad");
    assertThat(Retrier.classify(v)).isSameAs(v);
  }

  @Test
  void writeBatch_resendsOnlyTheItemsThatFailedRetryably() throws Exception {
    List<List<String>> sent = new ArrayList<>();
    BatchOutcome<String> outcome =
        retrier(RetryOptions.defaults())
            .writeBatch(
                List.of("a", "b", "c", "d"),
                batch -> {
                  sent.add(batch);
                  return new BatchResult(
                      indexed(
                          batch,
                          item ->
                              switch (item) {
                                case "b" -> sent.size() < 3 ? new TransientException("busy") : null;
                                case "c" -> new ValidationException("bad email", "email", -1, null);
                                default -> null;
                              }));
                });

    assertThat(sent).containsExactly(List.of("a", "b", "c", "d"), List.of("b"), List.of("b"));
    assertThat(outcome.written()).isEqualTo(3);
    assertThat(outcome.rejected()).extracting(BatchOutcome.Rejection::item).containsExactly("c");
    assertThat(retried).containsExactly(1, 1);
  }

  @Test
  void writeBatch_rejectedWholeForOneBadItem_isSplitUntilTheItemIsIsolated() throws Exception {
    List<List<String>> sent = new ArrayList<>();
    List<String> items = List.of("a", "b", "c", "bad", "e", "f", "g", "h");
    BatchOutcome<String> outcome =
        retrier(RetryOptions.defaults())
            .writeBatch(
                items,
                batch -> {
                  sent.add(batch);
                  if (batch.contains("bad")) {
                    throw new ValidationException("HTTP 400: the request was rejected");
                  }
                  return BatchResult.allOk(batch.size());
                });

    assertThat(outcome.written()).isEqualTo(7);
    assertThat(outcome.rejected()).extracting(BatchOutcome.Rejection::item).containsExactly("bad");
    // 8 -> 4+4 -> 2+2 -> 1+1: 1 + 2 + 2 + 2 requests, log2(8) levels below the first.
    assertThat(sent).hasSize(7).contains(List.of("bad"), List.of("c"), List.of("e", "f", "g", "h"));
  }

  @Test
  void writeBatch_withoutSplitting_rejectsTheWholeBatch() throws Exception {
    BatchOutcome<String> outcome =
        retrier(RetryOptions.builder().splitRejectedBatches(false).build())
            .writeBatch(
                List.of("a", "bad"),
                batch -> {
                  throw new ValidationException("HTTP 400");
                });
    assertThat(outcome.written()).isZero();
    assertThat(outcome.rejected())
        .extracting(BatchOutcome.Rejection::item)
        .containsExactly("a", "bad");
  }

  @Test
  void writeBatch_anItemWithAConfigError_stopsTheBatch() {
    Retrier r = retrier(RetryOptions.defaults());
    assertThatThrownBy(
            () ->
                r.writeBatch(
                    List.of("a", "b"),
                    batch ->
                        new BatchResult(
                            List.of(
                                ItemResult.ok(0),
                                ItemResult.failed(1, new ConfigException("list id is unknown"))))))
        .isInstanceOf(ConfigException.class)
        .hasMessage("list id is unknown");
  }

  @Test
  void writeBatch_aResultOfTheWrongSize_isABugInTheConnector() {
    Retrier r = retrier(RetryOptions.defaults());
    assertThatThrownBy(() -> r.writeBatch(List.of("a", "b"), batch -> BatchResult.allOk(1)))
        .isInstanceOf(SystemException.class)
        .hasMessage(
            "the connector returned 1 results for a batch of 2; it must return one per item");
  }

  @Test
  void writeBatch_itemsStillFailing_endsWithTheirCount() {
    Retrier r = retrier(RetryOptions.builder().maxAttempts(2).build());
    assertThatThrownBy(
            () ->
                r.writeBatch(
                    List.of("a", "b", "c"),
                    batch ->
                        new BatchResult(
                            indexed(
                                batch,
                                item -> item.equals("a") ? null : new TransientException("x")))))
        .isInstanceOfSatisfying(
            RetriesExhaustedException.class, e -> assertThat(e.pendingItems()).isEqualTo(2));
  }

  interface ItemOutcome {
    TributaryException apply(String item);
  }

  static List<ItemResult> indexed(List<String> batch, ItemOutcome outcome) {
    List<ItemResult> results = new ArrayList<>();
    for (int i = 0; i < batch.size(); i++) {
      TributaryException e = outcome.apply(batch.get(i));
      results.add(e == null ? ItemResult.ok(i) : ItemResult.failed(i, e));
    }
    return results;
  }
}
