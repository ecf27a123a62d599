package dev.tributary.connectors.facebook;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tributary.core.SystemException;
import dev.tributary.core.TransientException;
import dev.tributary.core.connector.ConnectorContext;
import dev.tributary.core.retry.Sleeper;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Async report runs (Marketing API "Asynchronous Requests"): {@code POST /act_<id>/insights}
 * answers {@code {"report_run_id": "…"}}; {@code GET /<report_run_id>} says {@code async_status}
 * ({@code Job Not Started}, {@code Job Started}, {@code Job Running}, then {@code Job Completed},
 * {@code Job Failed} or {@code Job Skipped}) and {@code async_percent_completion}; {@code GET
 * /<report_run_id>/insights} pages through the rows by cursor.
 *
 * <p>Waiting for a report is not a failure, so it is not left to the runtime's retries: {@link
 * #await} looks every 2 s, doubling up to {@code poll_interval}, for at most {@code
 * report_timeout}; it ends early, with a {@code TRANSIENT} error, when the run is asked to stop
 * (the report's id is already in the checkpoint, so the next run goes on waiting for it).
 */
final class ReportRuns {
  private static final Logger log = LoggerFactory.getLogger(ReportRuns.class);
  static final Duration FIRST_WAIT = Duration.ofSeconds(2);

  /** How a report ended, or why it counts as failed. */
  record Outcome(boolean completed, String detail) {}

  private final GraphApi api;
  private final Sleeper sleeper;

  ReportRuns(GraphApi api, Sleeper sleeper) {
    this.api = api;
    this.sleeper = sleeper;
  }

  /** Starts a report for {@code from}..{@code to} (both null: the date preset); its run id. */
  String start(
      ConnectorContext context,
      InsightsSettings s,
      @Nullable LocalDate from,
      @Nullable LocalDate to) {
    JsonNode answer =
        api.post(context, s, s.account() + "/insights", InsightsQuery.params(s, from, to));
    String id = answer.path("report_run_id").asText("");
    if (!id.matches("[0-9A-Za-z_]{1,64}")) {
      throw new SystemException(
          "the Graph API started a report for " + s.account() + " but sent no report_run_id");
    }
    log.debug("report run {} started for {} {}..{}", id, s.account(), from, to);
    return id;
  }

  /** Waits until report {@code run} completes, fails, or times out. */
  Outcome await(ConnectorContext context, InsightsSettings s, String run) {
    Instant deadline = context.clock().instant().plus(s.reportTimeout());
    Duration wait = FIRST_WAIT.compareTo(s.pollInterval()) > 0 ? s.pollInterval() : FIRST_WAIT;
    while (true) {
      JsonNode status = api.get(context, s, run, Map.of());
      String state = status.path("async_status").asText("");
      int percent = status.path("async_percent_completion").asInt(0);
      switch (state) {
        case "Job Completed":
          return new Outcome(true, state);
        case "Job Failed", "Job Skipped":
          return new Outcome(false, "Meta reports \"" + state + "\" at " + percent + " %");
        default:
          log.debug("report run {}: {} ({} %)", run, state, percent);
      }
      if (context.reporter().stopRequested()) {
        throw new TransientException(
            "the run was asked to stop while Meta prepared report run "
                + run
                + " ("
                + percent
                + " %); the next run goes on waiting for it");
      }
      if (context.clock().instant().plus(wait).isAfter(deadline)) {
        return new Outcome(
            false, "not done after " + s.reportTimeout().toMinutes() + " min (" + percent + " %)");
      }
      sleep(run, wait);
      wait =
          wait.multipliedBy(2).compareTo(s.pollInterval()) > 0
              ? s.pollInterval()
              : wait.multipliedBy(2);
    }
  }

  private void sleep(String run, Duration wait) {
    try {
      sleeper.sleep(wait);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TransientException(
          "interrupted while waiting for report run " + run + "; the next run goes on waiting", e);
    }
  }

  /** A page of the completed report's rows. */
  JsonNode results(
      ConnectorContext context, InsightsSettings s, String run, @Nullable String after) {
    return api.get(context, s, run + "/insights", InsightsQuery.page(s, after));
  }
}
