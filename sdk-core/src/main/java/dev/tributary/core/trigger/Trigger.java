package dev.tributary.core.trigger;

import dev.tributary.core.model.AudienceChange;
import java.time.Duration;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A subscription to audience changes: users entering or exiting the named audiences and,
 * optionally, changes of chosen fields of their members. It drives a real-time export, the runtime
 * micro-batching the changes so that a connector receives at most {@link #maxBatchSize()} per call
 * and no change waits longer than {@link #maxDelay()}. With {@link #backfill()}, the whole current
 * audience is delivered first (as "entered"), then the live changes.
 *
 * <p>Immutable and thread-safe; build one with {@link #onAudiences(String...)}.
 */
public final class Trigger {
  private final Set<String> audiences;
  private final Set<AudienceChange.Kind> kinds;
  private final Set<String> watchedFields;
  private final boolean backfill;
  private final int maxBatchSize;
  private final Duration maxDelay;

  private Trigger(Builder b) {
    if (b.kinds.isEmpty()) {
      throw new IllegalStateException("a trigger must deliver entries, exits or field changes");
    }
    if (b.kinds.contains(AudienceChange.Kind.FIELDS_CHANGED) && b.watchedFields.isEmpty()) {
      throw new IllegalStateException("field changes need at least one watched field");
    }
    this.audiences = Collections.unmodifiableSet(new LinkedHashSet<>(b.audiences));
    this.kinds = Collections.unmodifiableSet(EnumSet.copyOf(b.kinds));
    this.watchedFields = Collections.unmodifiableSet(new LinkedHashSet<>(b.watchedFields));
    this.backfill = b.backfill;
    this.maxBatchSize = b.maxBatchSize;
    this.maxDelay = b.maxDelay;
  }

  /**
   * A builder for a trigger on {@code audiences}, delivering entries and exits by default.
   *
   * @throws IllegalArgumentException if no audience is named
   */
  public static Builder onAudiences(String... audiences) {
    return new Builder(List.of(audiences));
  }

  public Set<String> audiences() {
    return audiences;
  }

  public Set<AudienceChange.Kind> kinds() {
    return kinds;
  }

  public Set<String> watchedFields() {
    return watchedFields;
  }

  public boolean backfill() {
    return backfill;
  }

  public int maxBatchSize() {
    return maxBatchSize;
  }

  public Duration maxDelay() {
    return maxDelay;
  }

  /** Whether this trigger delivers {@code change}. */
  public boolean matches(AudienceChange change) {
    if (!audiences.contains(change.audience()) || !kinds.contains(change.kind())) {
      return false;
    }
    return change.kind() != AudienceChange.Kind.FIELDS_CHANGED
        || change.changedFields().stream().anyMatch(watchedFields::contains);
  }

  @Override
  public String toString() {
    return "Trigger[audiences="
        + audiences
        + ", kinds="
        + kinds
        + ", watchedFields="
        + watchedFields
        + ", backfill="
        + backfill
        + ", maxBatchSize="
        + maxBatchSize
        + ", maxDelay="
        + maxDelay
        + "]";
  }

  /** Builds a {@link Trigger}. Not thread-safe. */
  public static final class Builder {
    private final Set<String> audiences = new LinkedHashSet<>();
    private final EnumSet<AudienceChange.Kind> kinds =
        EnumSet.of(AudienceChange.Kind.ENTERED, AudienceChange.Kind.EXITED);
    private final Set<String> watchedFields = new LinkedHashSet<>();
    private boolean backfill;
    private int maxBatchSize = 1000;
    private Duration maxDelay = Duration.ofMinutes(1);

    private Builder(List<String> audiences) {
      if (audiences.isEmpty()) {
        throw new IllegalArgumentException("a trigger needs at least one audience");
      }
      for (String audience : audiences) {
        this.audiences.add(Objects.requireNonNull(audience, "audience"));
      }
    }

    /** Deliver only these kinds of change. Default: entries and exits. */
    public Builder deliver(AudienceChange.Kind... kinds) {
      this.kinds.clear();
      this.kinds.addAll(List.of(kinds));
      return this;
    }

    /**
     * Also deliver changes of these fields of audience members. Default: none — only entries and
     * exits trigger.
     */
    public Builder watchFields(String... fields) {
      watchedFields.addAll(List.of(fields));
      kinds.add(AudienceChange.Kind.FIELDS_CHANGED);
      return this;
    }

    /**
     * Deliver the whole current audience (as "entered") before live changes. Default: off, for an
     * audience whose members the third party already has.
     */
    public Builder backfill(boolean backfill) {
      this.backfill = backfill;
      return this;
    }

    /**
     * Flush a batch when it holds this many changes. Default: 1,000, a common vendor limit; lower
     * it to the vendor's per-request maximum.
     */
    public Builder maxBatchSize(int maxBatchSize) {
      if (maxBatchSize < 1) {
        throw new IllegalArgumentException("maxBatchSize must be at least 1: " + maxBatchSize);
      }
      this.maxBatchSize = maxBatchSize;
      return this;
    }

    /**
     * Flush a batch when its oldest change has waited this long. Default: 1 minute; shorter means
     * fresher data and more requests.
     */
    public Builder maxDelay(Duration maxDelay) {
      Objects.requireNonNull(maxDelay, "maxDelay");
      if (maxDelay.isNegative() || maxDelay.isZero()) {
        throw new IllegalArgumentException("maxDelay must be positive: " + maxDelay);
      }
      this.maxDelay = maxDelay;
      return this;
    }

    public Trigger build() {
      return new Trigger(this);
    }
  }
}
