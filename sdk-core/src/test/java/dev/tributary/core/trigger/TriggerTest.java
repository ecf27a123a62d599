package dev.tributary.core.trigger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tributary.core.model.AudienceChange;
import dev.tributary.core.model.Profile;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TriggerTest {
  static final Profile ANN = Profile.builder("p1").identity("email", "ann@example.com").build();
  static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

  @Test
  void defaults_deliverEntriesAndExitsInMinuteOrThousandBatches() {
    Trigger t = Trigger.onAudiences("vip").build();
    assertThat(t.maxBatchSize()).isEqualTo(1000);
    assertThat(t.maxDelay()).isEqualTo(Duration.ofMinutes(1));
    assertThat(t.backfill()).isFalse();
    assertThat(t.matches(AudienceChange.entered("vip", ANN, NOW))).isTrue();
    assertThat(t.matches(AudienceChange.exited("vip", ANN, NOW))).isTrue();
    assertThat(t.matches(AudienceChange.entered("churn", ANN, NOW))).isFalse();
  }

  @Test
  void watchedFields_triggerOnlyWhenOneOfThemChanged() {
    Trigger t = Trigger.onAudiences("vip").watchFields("plan").backfill(true).build();
    AudienceChange planChanged =
        new AudienceChange("vip", AudienceChange.Kind.FIELDS_CHANGED, ANN, Set.of("plan"), NOW);
    AudienceChange nameChanged =
        new AudienceChange("vip", AudienceChange.Kind.FIELDS_CHANGED, ANN, Set.of("name"), NOW);
    assertThat(t.matches(planChanged)).isTrue();
    assertThat(t.matches(nameChanged)).isFalse();
    assertThat(t.backfill()).isTrue();
  }

  @Test
  void misuse_failsFast() {
    assertThatThrownBy(() -> Trigger.onAudiences().build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a trigger needs at least one audience");
    assertThatThrownBy(() -> Trigger.onAudiences("a").maxBatchSize(0))
        .hasMessage("maxBatchSize must be at least 1: 0");
    assertThatThrownBy(
            () -> Trigger.onAudiences("a").deliver(AudienceChange.Kind.FIELDS_CHANGED).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("field changes need at least one watched field");
  }
}
