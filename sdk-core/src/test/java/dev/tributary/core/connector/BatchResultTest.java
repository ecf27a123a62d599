package dev.tributary.core.connector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tributary.core.ErrorClass;
import dev.tributary.core.TransientException;
import dev.tributary.core.ValidationException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class BatchResultTest {
  @Test
  void retryable_selectsOnlyTransientFailures() {
    BatchResult result =
        new BatchResult(
            List.of(
                ItemResult.ok(0),
                ItemResult.failed(1, new ValidationException("bad e-mail")),
                ItemResult.failed(2, new TransientException("429", Duration.ofSeconds(7), null))));
    assertThat(result.allSucceeded()).isFalse();
    assertThat(result.failed()).extracting(ItemResult::index).containsExactly(1, 2);
    assertThat(result.retryable()).extracting(ItemResult::index).containsExactly(2);
    assertThat(result.retryable().get(0).error().retryAfter()).hasValue(Duration.ofSeconds(7));
    assertThat(result.items().get(1).errorClass()).hasValue(ErrorClass.VALIDATION);
  }

  @Test
  void items_mustBeInBatchOrder() {
    assertThatThrownBy(() -> new BatchResult(List.of(ItemResult.ok(1))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("items must be in batch order: position 0 holds index 1");
    assertThat(BatchResult.allOk(3).allSucceeded()).isTrue();
  }

  @Test
  void checkpoint_keepsWhatWasSeenAtTheCursor() {
    Checkpoint c = new Checkpoint("2026-12-01T10:00:00Z", java.util.Set.of("a", "b"));
    assertThat(c.cursorValue()).hasValue("2026-12-01T10:00:00Z");
    assertThat(c.seenAtCursor()).containsExactlyInAnyOrder("a", "b");
    assertThat(Checkpoint.initial().cursorValue()).isEmpty();
  }
}
