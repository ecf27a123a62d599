package dev.tributary.core.job;

import dev.tributary.core.auth.Authorization;
import dev.tributary.core.connector.ConnectorConfig;
import dev.tributary.core.connector.ExportConnector;
import dev.tributary.core.connector.RateLimit;
import dev.tributary.core.model.AudienceChange;
import dev.tributary.core.model.Profile;
import dev.tributary.core.retry.RetryOptions;
import dev.tributary.core.trigger.Trigger;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A real-time export: audience changes matching a {@link Trigger}, micro-batched (at most {@code
 * trigger.maxBatchSize()} and the connector's {@code maxBatchSize()} per call, none waiting longer
 * than {@code trigger.maxDelay()}), written through the connector with the runtime's retries and
 * rate limits. With {@link Trigger#backfill()} and a {@link Builder#backfillFrom backfill source},
 * the whole current audience is delivered first, as "entered", while live changes already flow.
 *
 * <p>Immutable and thread-safe; hand it to {@link JobRunner#add(TriggeredJob)}.
 */
public final class TriggeredJob {
  private final String id;
  private final ExportConnector<AudienceChange> connector;
  private final ConnectorConfig config;
  private final Authorization authorization;
  private final Trigger trigger;
  private final @Nullable Source<Profile> backfill;
  private final RetryOptions retry;
  private final RateLimit rateLimit;

  private TriggeredJob(Builder b) {
    if (b.trigger.backfill() && b.backfill == null) {
      throw new IllegalStateException(
          "trigger of job " + b.id + " asks for a backfill: give it a source with backfillFrom");
    }
    this.id = b.id;
    this.connector = b.connector;
    this.config = b.config;
    this.authorization = b.authorization;
    this.trigger = b.trigger;
    this.backfill = b.trigger.backfill() ? b.backfill : null;
    this.retry = b.retry;
    this.rateLimit = b.rateLimit != null ? b.rateLimit : connector.rateLimit(config);
  }

  public static Builder builder(
      String id,
      ExportConnector<AudienceChange> connector,
      ConnectorConfig config,
      Authorization authorization,
      Trigger trigger) {
    return new Builder(id, connector, config, authorization, trigger);
  }

  public String id() {
    return id;
  }

  public ExportConnector<AudienceChange> connector() {
    return connector;
  }

  public ConnectorConfig config() {
    return config;
  }

  public Authorization authorization() {
    return authorization;
  }

  public Trigger trigger() {
    return trigger;
  }

  /** The audience to backfill from, when the trigger asks for a backfill. */
  public Optional<Source<Profile>> backfillSource() {
    return Optional.ofNullable(backfill);
  }

  public RetryOptions retry() {
    return retry;
  }

  public RateLimit rateLimit() {
    return rateLimit;
  }

  /** Changes per connector call: the smaller of the trigger's and the connector's maximum. */
  public int batchSize() {
    return Math.max(1, Math.min(trigger.maxBatchSize(), connector.maxBatchSize()));
  }

  @Override
  public String toString() {
    return "TriggeredJob[" + id + ", " + connector.descriptor().id() + ", " + trigger + "]";
  }

  /** Builds a {@link TriggeredJob}. Not thread-safe. */
  public static final class Builder {
    private final String id;
    private final ExportConnector<AudienceChange> connector;
    private final ConnectorConfig config;
    private final Authorization authorization;
    private final Trigger trigger;
    private @Nullable Source<Profile> backfill;
    private RetryOptions retry = RetryOptions.defaults();
    private @Nullable RateLimit rateLimit;

    private Builder(
        String id,
        ExportConnector<AudienceChange> connector,
        ConnectorConfig config,
        Authorization authorization,
        Trigger trigger) {
      this.id = Job.checkId(id);
      this.connector = Objects.requireNonNull(connector, "connector");
      this.config = Objects.requireNonNull(config, "config");
      this.authorization = Objects.requireNonNull(authorization, "authorization");
      this.trigger = Objects.requireNonNull(trigger, "trigger");
    }

    /**
     * The current members of the trigger's audiences, for the backfill: each profile is delivered
     * as "entered" into every trigger audience among its {@link Profile#audiences()}. Required when
     * the trigger asks for a backfill; its progress is checkpointed, and a completed backfill is
     * not repeated.
     */
    public Builder backfillFrom(Source<Profile> source) {
      this.backfill = Objects.requireNonNull(source, "source");
      return this;
    }

    /** Default: {@link RetryOptions#defaults()}. */
    public Builder retry(RetryOptions retry) {
      this.retry = Objects.requireNonNull(retry, "retry");
      return this;
    }

    /** Overrides the connector's own rate limit; see {@link Job.Builder#rateLimit}. */
    public Builder rateLimit(RateLimit rateLimit) {
      this.rateLimit = Objects.requireNonNull(rateLimit, "rateLimit");
      return this;
    }

    public TriggeredJob build() {
      return new TriggeredJob(this);
    }
  }
}
