package dev.tributary.core.job;

import dev.tributary.core.auth.Authorization;
import dev.tributary.core.connector.Connector;
import dev.tributary.core.connector.ConnectorConfig;
import dev.tributary.core.connector.ExportConnector;
import dev.tributary.core.connector.ImportConnector;
import dev.tributary.core.connector.RateLimit;
import dev.tributary.core.retry.RetryOptions;
import dev.tributary.core.schedule.Schedule;
import java.util.Objects;
import java.util.Optional;
import java.util.function.IntFunction;
import org.jspecify.annotations.Nullable;

/**
 * A batch job: a connector with its configuration and credential, what to do in a run, and when to
 * run — on a {@link Schedule}, or only when asked ({@link JobHandle#runNow()}). Build one with
 * {@link #importing}, {@link #exporting} or {@link #custom} and hand it to {@link JobRunner#add}.
 *
 * <p>Immutable and thread-safe.
 */
public final class Job {
  private final String id;
  private final Connector connector;
  private final ConnectorConfig config;
  private final Authorization authorization;
  private final @Nullable Schedule schedule;
  private final JobTask task;
  private final RetryOptions retry;
  private final RateLimit rateLimit;
  private final boolean restartEachRun;

  private Job(Builder b) {
    this.id = b.id;
    this.connector = b.connector;
    this.config = b.config;
    this.authorization = b.authorization;
    this.schedule = b.schedule;
    this.retry = b.retry;
    this.rateLimit = b.rateLimit != null ? b.rateLimit : connector.rateLimit(config);
    this.restartEachRun = b.restartEachRun;
    this.task = b.task.apply(b.batchSize);
  }

  /**
   * An import: each run pages through {@code connector} from the last checkpoint to the end of the
   * source, commits every page to {@code sink} and then saves the page's checkpoint.
   */
  public static <T> Builder importing(
      String id,
      ImportConnector<T> connector,
      ConnectorConfig config,
      Authorization authorization,
      Sink<? super T> sink) {
    Objects.requireNonNull(sink, "sink");
    return new Builder(
        id, connector, config, authorization, size -> new ImportTask<T>(connector, sink));
  }

  /**
   * An export: each run reads {@code source} from the last checkpoint in batches of the batch size,
   * writes each batch through {@code connector} (retried, rate-limited, per item) and saves the
   * source's checkpoint after each batch. With {@link Builder#restartEachRun} every run exports the
   * whole source; without, each run continues where the last one ended (an incremental export, for
   * a source that pages by change time).
   */
  public static <T> Builder exporting(
      String id,
      ExportConnector<T> connector,
      ConnectorConfig config,
      Authorization authorization,
      Source<? extends T> source) {
    Objects.requireNonNull(source, "source");
    return new Builder(
            id,
            connector,
            config,
            authorization,
            size -> new ExportTask<T>(connector, source, size))
        .batchSize(connector.maxBatchSize());
  }

  /** A job whose runs do {@code task}, with the runtime's services in its {@link RunContext}. */
  public static Builder custom(
      String id,
      Connector connector,
      ConnectorConfig config,
      Authorization authorization,
      JobTask task) {
    Objects.requireNonNull(task, "task");
    return new Builder(id, connector, config, authorization, size -> task);
  }

  public String id() {
    return id;
  }

  public Connector connector() {
    return connector;
  }

  public ConnectorConfig config() {
    return config;
  }

  public Authorization authorization() {
    return authorization;
  }

  /** When the job runs; empty if only on demand. */
  public Optional<Schedule> schedule() {
    return Optional.ofNullable(schedule);
  }

  public JobTask task() {
    return task;
  }

  public RetryOptions retry() {
    return retry;
  }

  /** The rate limit in force: the job's override, else the connector's own. */
  public RateLimit rateLimit() {
    return rateLimit;
  }

  public boolean restartEachRun() {
    return restartEachRun;
  }

  @Override
  public String toString() {
    return "Job[" + id + ", " + connector.descriptor().id() + ", schedule=" + schedule + "]";
  }

  static String checkId(String id) {
    Objects.requireNonNull(id, "id");
    if (!id.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,99}")) {
      throw new IllegalArgumentException(
          "job id must be 1-100 letters, digits, '.', '_' or '-', starting with a letter or digit: "
              + id);
    }
    return id;
  }

  /** Builds a {@link Job}. Not thread-safe. */
  public static final class Builder {
    private final String id;
    private final Connector connector;
    private final ConnectorConfig config;
    private final Authorization authorization;
    private final IntFunction<JobTask> task;
    private @Nullable Schedule schedule;
    private RetryOptions retry = RetryOptions.defaults();
    private @Nullable RateLimit rateLimit;
    private boolean restartEachRun;
    private int batchSize = 1000;

    private Builder(
        String id,
        Connector connector,
        ConnectorConfig config,
        Authorization authorization,
        IntFunction<JobTask> task) {
      this.id = checkId(id);
      this.connector = Objects.requireNonNull(connector, "connector");
      this.config = Objects.requireNonNull(config, "config");
      this.authorization = Objects.requireNonNull(authorization, "authorization");
      this.task = task;
    }

    /** When to run. Default: none, only {@link JobHandle#runNow()}. */
    public Builder schedule(Schedule schedule) {
      this.schedule = Objects.requireNonNull(schedule, "schedule");
      return this;
    }

    /** How to retry. Default: {@link RetryOptions#defaults()}. */
    public Builder retry(RetryOptions retry) {
      this.retry = Objects.requireNonNull(retry, "retry");
      return this;
    }

    /**
     * The rate limit for this connector and credential, overriding the connector's own {@link
     * Connector#rateLimit}. Jobs sharing the credential must agree on it.
     */
    public Builder rateLimit(RateLimit rateLimit) {
      this.rateLimit = Objects.requireNonNull(rateLimit, "rateLimit");
      return this;
    }

    /**
     * Whether a successful run resets the checkpoint, so that the next run starts from the
     * beginning: a full export (or re-import) every time. A run that stops or fails keeps its
     * checkpoint either way, and the next run finishes its work first. Default: false.
     */
    public Builder restartEachRun(boolean restartEachRun) {
      this.restartEachRun = restartEachRun;
      return this;
    }

    /**
     * Items read from an export's source per batch; capped by the connector's {@link
     * ExportConnector#maxBatchSize()}. Default: the connector's maximum.
     */
    public Builder batchSize(int batchSize) {
      if (batchSize < 1) {
        throw new IllegalArgumentException("batchSize must be at least 1: " + batchSize);
      }
      this.batchSize = batchSize;
      return this;
    }

    public Job build() {
      return new Job(this);
    }
  }
}
