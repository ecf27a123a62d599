package dev.tributary.connectors.facebook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tributary.core.SystemException;
import dev.tributary.core.TransientException;
import dev.tributary.core.TributaryException;
import dev.tributary.core.connector.Checkpoint;
import dev.tributary.core.connector.ConnectorContext;
import dev.tributary.core.connector.Page;
import dev.tributary.core.model.Metric;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The insights import's steps, one page per {@link #read}, driven by the {@link InsightsPosition}
 * in the checkpoint:
 *
 * <ol>
 *   <li>no chunk under way: pick the next chunk of days ({@code days_per_report}, ending yesterday
 *       or today) and start its report run — an empty page whose checkpoint holds the run's id, so
 *       a restarted job waits for the same report instead of asking for another;
 *   <li>a report run started: wait for it, then read its first page of rows;
 *   <li>pages under way: read the page at the saved cursor.
 * </ol>
 *
 * A report that fails, times out or is gone is asked for again over half the days, down to one day;
 * a one-day report is tried {@value #MAX_FAILURES} times, then not again for {@link
 * #FAILED_REPORT_PAUSE} (the run fails {@code TRANSIENT}; a later run tries again). A request for
 * more data than Meta serves per call is split the same way and, at one day, is a {@code CONFIG}
 * error. In {@code sync} mode step 1 reads the first page directly.
 */
final class InsightsImport {
  private static final Logger log = LoggerFactory.getLogger(InsightsImport.class);
  static final int MAX_FAILURES = 3;
  static final Duration FAILED_REPORT_PAUSE = Duration.ofHours(1);

  private final GraphApi api;
  private final ReportRuns runs;
  private final ObjectMapper mapper;

  InsightsImport(GraphApi api, ReportRuns runs, ObjectMapper mapper) {
    this.api = api;
    this.runs = runs;
    this.mapper = mapper;
  }

  Page<Metric> read(ConnectorContext context, InsightsSettings s, Checkpoint from) {
    InsightsPosition pos = InsightsPosition.decode(from.cursor(), mapper);
    return pos.inChunk() ? continueChunk(context, s, pos) : startChunk(context, s, pos);
  }

  private Page<Metric> startChunk(
      ConnectorContext context, InsightsSettings s, InsightsPosition pos) {
    Instant now = context.clock().instant();
    Instant retryAt = pos.retryAt();
    if (retryAt != null && now.isBefore(retryAt)) {
      throw new TransientException(
          "Meta failed the reports for "
              + what(s, pos.next(), pos.next())
              + " "
              + MAX_FAILURES
              + " times; a new one is asked for after "
              + retryAt,
          Duration.between(now, retryAt),
          null);
    }
    if (s.datePreset() != null) {
      return begin(context, s, pos, null, null);
    }
    LocalDate today = now.atZone(s.zone()).toLocalDate();
    LocalDate end = s.includeToday() ? today : today.minusDays(1);
    LocalDate first = pos.next() != null ? pos.next() : passStart(s, pos, today);
    if (first.isAfter(end)) {
      return new Page<>(List.of(), checkpoint(pos), true); // nothing new yet
    }
    int span = pos.span() > 0 ? pos.span() : s.daysPerReport();
    LocalDate to = first.plusDays(span - 1L);
    return begin(context, s, pos.pass(first), first, to.isAfter(end) ? end : to);
  }

  private static LocalDate passStart(InsightsSettings s, InsightsPosition pos, LocalDate today) {
    LocalDate start = s.startDate();
    LocalDate done = pos.done();
    if (done == null) {
      return start != null ? start : today.minusDays(s.initialDays());
    }
    LocalDate restated = done.minusDays(s.restateDays() - 1L);
    return start != null && restated.isBefore(start) ? start : restated;
  }

  private Page<Metric> begin(
      ConnectorContext context,
      InsightsSettings s,
      InsightsPosition pos,
      @Nullable LocalDate from,
      @Nullable LocalDate to) {
    InsightsPosition chunk = pos.chunk(from, to, null, pos.span());
    try {
      if (s.async()) {
        String run = runs.start(context, s, from, to);
        return new Page<>(List.of(), checkpoint(pos.chunk(from, to, run, pos.span())), false);
      }
      return rows(context, s, chunk, syncPage(context, s, chunk, null));
    } catch (TributaryException e) {
      if (GraphErrors.isTooMuchData(e)) {
        return smaller(s, chunk, e);
      }
      throw e;
    }
  }

  private Page<Metric> continueChunk(
      ConnectorContext context, InsightsSettings s, InsightsPosition pos) {
    String run = pos.run();
    try {
      if (run == null) {
        return rows(context, s, pos, syncPage(context, s, pos, pos.after()));
      }
      if (pos.after() == null) {
        ReportRuns.Outcome outcome = runs.await(context, s, run);
        if (!outcome.completed()) {
          return failed(context, s, pos, "report run " + run + ": " + outcome.detail());
        }
      }
      return rows(context, s, pos, runs.results(context, s, run, pos.after()));
    } catch (TributaryException e) {
      if (run != null && GraphErrors.isUnknownObject(e)) {
        return failed(context, s, pos, "report run " + run + " is gone: " + e.getMessage());
      }
      if (GraphErrors.isTooMuchData(e)) {
        return smaller(s, pos, e);
      }
      throw e;
    }
  }

  private JsonNode syncPage(
      ConnectorContext context, InsightsSettings s, InsightsPosition pos, @Nullable String after) {
    var params = new java.util.LinkedHashMap<>(InsightsQuery.params(s, pos.from(), pos.to()));
    params.putAll(InsightsQuery.page(s, after));
    return api.get(context, s, s.account() + "/insights", params);
  }

  private Page<Metric> rows(
      ConnectorContext context, InsightsSettings s, InsightsPosition pos, JsonNode page) {
    List<Metric> metrics = InsightsRows.metrics(page.path("data"), s);
    String cursor = nextCursor(page, pos.after());
    if (cursor != null) {
      return new Page<>(metrics, checkpoint(pos.reading(cursor)), false);
    }
    if (s.datePreset() != null) {
      return new Page<>(metrics, Checkpoint.initial(), true); // the next run reads it again
    }
    InsightsPosition done = pos.chunkDone();
    LocalDate today = context.clock().instant().atZone(s.zone()).toLocalDate();
    LocalDate end = s.includeToday() ? today : today.minusDays(1);
    LocalDate next = done.next();
    if (next == null || next.isAfter(end)) {
      return new Page<>(metrics, checkpoint(done.idle()), true);
    }
    return new Page<>(metrics, checkpoint(done), false);
  }

  /** The {@code after} cursor of the next page, or null on the last page. */
  private static @Nullable String nextCursor(JsonNode page, @Nullable String current) {
    JsonNode paging = page.path("paging");
    if (!paging.hasNonNull("next")) {
      return null;
    }
    String after = paging.path("cursors").path("after").asText("");
    if (after.isEmpty()) {
      after = queryParam(paging.path("next").asText(""), "after");
    }
    if (after.isEmpty() || after.equals(current)) {
      throw new SystemException(
          "the Graph API's page links to a next page without a new \"after\" cursor: the import"
              + " would not move on");
    }
    return after;
  }

  private static String queryParam(String url, String name) {
    try {
      String query = URI.create(url).getRawQuery();
      for (String pair : query == null ? new String[0] : query.split("&")) {
        int eq = pair.indexOf('=');
        if (eq > 0 && pair.substring(0, eq).equals(name)) {
          return java.net.URLDecoder.decode(
              pair.substring(eq + 1), java.nio.charset.StandardCharsets.UTF_8);
        }
      }
    } catch (IllegalArgumentException e) {
      log.debug("the next-page link is not a URL");
    }
    return "";
  }

  /** The chunk's report failed: ask again over fewer days, or again later. */
  private Page<Metric> failed(
      ConnectorContext context, InsightsSettings s, InsightsPosition pos, String why) {
    log.debug("{} for {}: asking again", why, what(s, pos.from(), pos.to()));
    long days = days(pos);
    if (days > 1) {
      return new Page<>(
          List.of(), checkpoint(pos.retryChunk((int) (days / 2), pos.failures(), null)), false);
    }
    int failures = pos.failures() + 1;
    if (failures < MAX_FAILURES) {
      return new Page<>(List.of(), checkpoint(pos.retryChunk(pos.span(), failures, null)), false);
    }
    Instant notBefore = context.clock().instant().plus(FAILED_REPORT_PAUSE);
    return new Page<>(List.of(), checkpoint(pos.retryChunk(pos.span(), 0, notBefore)), false);
  }

  /** Meta wants less data per call: split the chunk, or say what to change at one day. */
  private Page<Metric> smaller(InsightsSettings s, InsightsPosition pos, TributaryException e) {
    long days = days(pos);
    if (days > 1) {
      log.debug(
          "too much data for {}: asking for {} days", what(s, pos.from(), pos.to()), days / 2);
      return new Page<>(
          List.of(), checkpoint(pos.retryChunk((int) (days / 2), pos.failures(), null)), false);
    }
    throw e;
  }

  private static long days(InsightsPosition pos) {
    LocalDate from = pos.from();
    LocalDate to = pos.to();
    return from == null || to == null ? 0 : ChronoUnit.DAYS.between(from, to) + 1;
  }

  private static String what(InsightsSettings s, @Nullable LocalDate from, @Nullable LocalDate to) {
    if (s.datePreset() != null) {
      return s.account() + " " + s.datePreset();
    }
    return s.account() + " " + from + (to == null || to.equals(from) ? "" : ".." + to);
  }

  private Checkpoint checkpoint(InsightsPosition pos) {
    return new Checkpoint(pos.encode(mapper), Set.of());
  }
}
