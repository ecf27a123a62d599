package dev.tributary.connectors.amplitude;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tributary.connectors.http.HttpError;
import dev.tributary.connectors.http.HttpRequest;
import dev.tributary.connectors.http.HttpResponse;
import dev.tributary.connectors.http.HttpSettings;
import dev.tributary.connectors.http.HttpTransport;
import dev.tributary.core.ConfigException;
import dev.tributary.core.ErrorClass;
import dev.tributary.core.TransientException;
import dev.tributary.core.TributaryException;
import dev.tributary.core.auth.BasicAuth;
import dev.tributary.core.connector.CheckResult;
import dev.tributary.core.connector.Checkpoint;
import dev.tributary.core.connector.ConnectorConfig;
import dev.tributary.core.connector.ConnectorContext;
import dev.tributary.core.connector.ConnectorDescriptor;
import dev.tributary.core.connector.FieldSpec;
import dev.tributary.core.connector.Frequency;
import dev.tributary.core.connector.ImportConnector;
import dev.tributary.core.connector.IntegrationPattern;
import dev.tributary.core.connector.IntegrationType;
import dev.tributary.core.connector.Page;
import dev.tributary.core.connector.RateLimit;
import dev.tributary.core.connector.ResultingData;
import dev.tributary.core.connector.Technique;
import dev.tributary.core.retry.RetryOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Imports an Amplitude behavioral cohort — its members and, against the previous snapshot, those
 * who left — through the Behavioral Cohorts API's three asynchronous steps:
 *
 * <ol>
 *   <li>{@code GET /api/5/cohorts/request/{cohort_id}} (with {@code props}/{@code propKeys}) asks
 *       for a snapshot and answers a {@code request_id}. Each such request counts against the
 *       documented monthly quota (500 on Growth and Enterprise plans), so the ID goes into the
 *       checkpoint at once: a restarted job polls the same request instead of asking again.
 *   <li>{@code GET /api/5/cohorts/request-status/{request_id}} answers 202 ({@code JOB INPROGRESS})
 *       until the cohort is computed, then 200 ({@code JOB COMPLETED}). Meanwhile a read fails
 *       {@code TRANSIENT} with a {@code Retry-After} of {@value AmplitudeSettings#POLL_INTERVAL},
 *       so the runtime waits and asks again: give the job {@link #retryOptions(ConnectorConfig)} so
 *       that it waits long enough. A request unfinished after {@value AmplitudeSettings#MAX_WAIT},
 *       or that Amplitude no longer knows (404), is replaced by a new one.
 *   <li>{@code GET /api/5/cohorts/request/{request_id}/file} answers the CSV file itself (small
 *       cohorts) or a 302 to a pre-signed Amazon S3 URL valid for a minute (large ones). The
 *       redirect is followed at once and the credential is not sent to S3. The file is streamed
 *       into the {@value AmplitudeSettings#DOWNLOAD_DIRECTORY} (constant memory; the documented
 *       maximum cohort is two million users) and read page by page from a byte offset kept in the
 *       checkpoint. If the local file is gone after a restart, it is downloaded again (the
 *       request's file stays available for seven days) and reading goes on at the same offset.
 * </ol>
 *
 * <p>Records are {@link CohortMember}s with the snapshot's request time. With {@value
 * AmplitudeSettings#TRACK_EXITS}, users of the previous snapshot (kept in the download directory
 * between runs) who are not in this one follow as {@code member=false}; without a previous snapshot
 * none do. {@link CohortMembers#sink} resolves them into profiles with a membership field. A daily
 * run at a time of day is the job's {@code Schedule.parse("daily 06:00 Europe/Berlin")}; a one-time
 * import a job without a schedule run once.
 *
 * <p>Uncertain in Amplitude's documentation, and handled conservatively: status values other than
 * the two documented ones are taken as "not ready yet" (until {@value AmplitudeSettings#MAX_WAIT});
 * the file's format is documented only by example (quoted CSV with a header; a gzip or zip wrapper
 * would be unwrapped); a 403 from the download is taken as an expired pre-signed link and retried,
 * since the status call just proved the credential.
 *
 * <p>Immutable and thread-safe; its only state is the files in the download directory, which are
 * named by the endpoint, cohort and credential (never the secret) so that imports do not collide.
 */
public final class AmplitudeCohortImportConnector implements ImportConnector<CohortMember> {
  private static final Logger log = LoggerFactory.getLogger(AmplitudeCohortImportConnector.class);
  private static final Duration FILE_KEPT = Duration.ofDays(7);
  private static final String COMPLETED = "JOB COMPLETED";
  static final long MAX_COHORT_SIZE = 2_000_000;

  /** This connector's descriptor, for the connector catalogue. */
  public static final ConnectorDescriptor DESCRIPTOR =
      ConnectorDescriptor.builder("amplitude-cohort-import")
          .name("Amplitude cohort import")
          .description(
              "Imports the members of an Amplitude behavioral cohort, once or daily at a time of"
                  + " day, as profiles with a membership field; users who left since the last"
                  + " snapshot are imported as no longer members. Uncertain in Amplitude's"
                  + " documentation: status values beyond the two documented ones (taken as not"
                  + " ready yet), the file format (documented by example only: quoted CSV with a"
                  + " header), and a 403 from the pre-signed download (taken as an expired link"
                  + " and retried).")
          .type(IntegrationType.SERVER_TO_SERVER)
          .patterns(IntegrationPattern.IMPORT)
          .techniques(Technique.REST_API)
          .frequencies(Frequency.ONE_TIME, Frequency.SCHEDULED)
          .resultingData(ResultingData.PROFILES, ResultingData.USER_FIELDS)
          .field(FieldSpec.writes("user_id", "Identity: the user ID Amplitude knows the user by."))
          .field(FieldSpec.writes("amplitude_id", "Identity: Amplitude's own ID of the user."))
          .field(
              FieldSpec.writes(
                  "amplitude_cohort_<cohort_id>",
                  "true while the user is in the cohort, false once they left it."))
          .configAll(AmplitudeSettings.fields())
          .accepts(BasicAuth.class)
          .build();

  private final HttpTransport transport;
  private final HttpTransport downloads;

  private AmplitudeCohortImportConnector(HttpTransport transport) {
    this.transport = transport;
    this.downloads =
        transport.withStatusPolicy(transport.statusPolicy().with(403, ErrorClass.TRANSIENT));
  }

  /** An import on a transport of its own. */
  public static AmplitudeCohortImportConnector create() {
    return new AmplitudeCohortImportConnector(HttpTransport.create());
  }

  /** An import on {@code transport}; its client must follow redirects (the default does). */
  public static AmplitudeCohortImportConnector create(HttpTransport transport) {
    return new AmplitudeCohortImportConnector(Objects.requireNonNull(transport, "transport"));
  }

  /**
   * Retry options that let a run wait for Amplitude to compute the cohort: enough attempts to poll
   * every {@value AmplitudeSettings#POLL_INTERVAL} for {@value AmplitudeSettings#MAX_WAIT} (at most
   * 1,000), backing off from 1 s to the poll interval. Use them for the job: {@code
   * Job.importing(...).retry(AmplitudeCohortImportConnector.retryOptions(config))}. With the
   * runtime's defaults (5 attempts) a run gives up after about a minute and the next run polls on.
   */
  public static RetryOptions retryOptions(ConnectorConfig config) {
    AmplitudeSettings s = AmplitudeSettings.of(config);
    long polls = s.maxWait().toMillis() / Math.max(1, s.pollInterval().toMillis()) + 1;
    Duration max =
        s.pollInterval().compareTo(Duration.ofSeconds(1)) < 0
            ? Duration.ofSeconds(1)
            : s.pollInterval();
    return RetryOptions.builder()
        .maxAttempts((int) Math.min(1000, Math.max(5, polls)))
        .initialDelay(Duration.ofSeconds(1))
        .maxDelay(max)
        .build();
  }

  @Override
  public ConnectorDescriptor descriptor() {
    return DESCRIPTOR;
  }

  @Override
  public RateLimit rateLimit(ConnectorConfig config) {
    return HttpSettings.rateLimit(config);
  }

  @Override
  public Page<CohortMember> read(ConnectorContext context, Checkpoint from) {
    AmplitudeSettings s = AmplitudeSettings.of(context.config());
    CohortPosition pos = CohortPosition.decode(from.cursor());
    CohortFiles files = files(s, context);
    return switch (pos.phase()) {
      case REQUEST -> request(context, s);
      case DONE -> {
        files.promote(pos.request());
        yield request(context, s);
      }
      case POLL -> poll(context, s, files, pos);
      case READ -> page(context, s, files, pos);
    };
  }

  private static CohortFiles files(AmplitudeSettings s, ConnectorContext context) {
    String user =
        context.authorization() instanceof BasicAuth basic ? basic.username() : "no-credential";
    return new CohortFiles(s.directory(), s.endpoint().toString(), s.cohortId(), user);
  }

  /** Step 1: asks for a snapshot; the request ID is committed before anything else happens. */
  private Page<CohortMember> request(ConnectorContext context, AmplitudeSettings s) {
    HttpRequest.Builder request =
        HttpRequest.get(s.url("/api/5/cohorts/request/" + s.cohortId()))
            .query("props", s.properties() ? "1" : "0");
    if (!s.propertyKeys().isEmpty()) {
      request.query("propKeys", String.join(",", s.propertyKeys()));
    }
    HttpResponse response = transport.execute(context, request.build());
    String requestId = text(response.json(), "request_id");
    if (requestId == null) {
      throw new ConfigException(
          HttpSettings.ENDPOINT,
          "the answer to " + response.request() + " has no request_id; check the endpoint",
          null);
    }
    log.debug("requested cohort {}: request {}", s.cohortId(), requestId);
    CohortPosition next = CohortPosition.polling(requestId, context.clock().instant());
    return new Page<>(List.of(), new Checkpoint(next.encode(), Set.of()), false);
  }

  /** Step 2: is the snapshot ready? If so, step 3 and the first page. */
  private Page<CohortMember> poll(
      ConnectorContext context, AmplitudeSettings s, CohortFiles files, CohortPosition pos) {
    Instant now = context.clock().instant();
    if (pos.snapshotAt().plus(s.maxWait()).isBefore(now)) {
      log.debug(
          "cohort request {} unfinished after {}; requested again", pos.request(), s.maxWait());
      files.discard(pos.request());
      return request(context, s);
    }
    HttpResponse status =
        transport.exchange(
            context,
            HttpRequest.get(s.url("/api/5/cohorts/request-status/" + pos.request())).build());
    if (status.status() == 404) {
      log.debug("Amplitude no longer knows cohort request {}; requested again", pos.request());
      return request(context, s);
    }
    if (status.status() >= 400) {
      throw status.toException();
    }
    String state = status.bodyLength() == 0 ? null : text(status.json(), "async_status");
    if (status.status() == 202 || !COMPLETED.equals(state)) {
      throw new TransientException(
          "Amplitude is still computing cohort "
              + s.cohortId()
              + " (request "
              + pos.request()
              + ", "
              + (state == null ? "HTTP " + status.status() : state)
              + "); asking again in "
              + s.pollInterval().toSeconds()
              + " s",
          s.pollInterval(),
          null);
    }
    if (!download(context, s, files, pos)) {
      return request(context, s);
    }
    return page(context, s, files, pos.reading(CohortPosition.Part.MEMBERS, 0));
  }

  /** Step 3: the file into the download directory; false if Amplitude no longer has it. */
  private boolean download(
      ConnectorContext context, AmplitudeSettings s, CohortFiles files, CohortPosition pos) {
    HttpRequest file =
        HttpRequest.get(s.url("/api/5/cohorts/request/" + pos.request() + "/file")).build();
    try {
      CohortFiles.Snapshot snapshot =
          downloads.download(
              context, file, body -> files.write(pos.request(), body, s.trackExits()));
      log.debug(
          "cohort {} request {}: {} members, {} left",
          s.cohortId(),
          pos.request(),
          snapshot.members(),
          snapshot.exits());
      return true;
    } catch (TributaryException e) {
      if (e instanceof HttpError http && http.status() == 404) {
        log.debug("the file of cohort request {} is gone (404)", pos.request());
        return false;
      }
      throw e;
    } catch (UncheckedIOException e) {
      throw new TransientException(
          "cannot write the cohort file into " + s.directory() + ": " + e.getMessage(), e);
    }
  }

  /** Reads a page from the snapshot's files, downloading them again if they are gone. */
  private Page<CohortMember> page(
      ConnectorContext context, AmplitudeSettings s, CohortFiles files, CohortPosition pos) {
    if (!files.ready(pos.request())) {
      boolean fresh = pos.snapshotAt().plus(FILE_KEPT).isAfter(context.clock().instant());
      if (!fresh || !download(context, s, files, pos)) {
        return request(context, s);
      }
    }
    boolean members = pos.part() == CohortPosition.Part.MEMBERS;
    Path file = members ? files.members(pos.request()) : files.exits(pos.request());
    CohortFiles.Lines lines = read(files, file, pos.offset(), s.pageSize());
    List<CohortMember> records =
        lines.lines().stream().map(l -> member(s, pos, l, members)).toList();
    CohortPosition next;
    boolean last = false;
    if (!lines.end()) {
      next = pos.reading(pos.part(), lines.next());
    } else if (members && size(files.exits(pos.request())) > 0) {
      next = pos.reading(CohortPosition.Part.EXITS, 0);
    } else {
      next = pos.done();
      last = true;
    }
    return new Page<>(records, new Checkpoint(next.encode(), Set.of()), last);
  }

  private static CohortFiles.Lines read(CohortFiles files, Path file, long offset, int max) {
    try {
      return files.read(file, offset, max);
    } catch (UncheckedIOException e) {
      throw new TransientException("cannot read the downloaded cohort: " + e.getMessage(), e);
    }
  }

  private static long size(Path file) {
    try {
      return Files.isRegularFile(file) ? Files.size(file) : 0;
    } catch (IOException e) {
      return 0;
    }
  }

  private static CohortMember member(
      AmplitudeSettings s, CohortPosition pos, JsonNode line, boolean member) {
    Map<String, String> properties = new LinkedHashMap<>();
    if (member) {
      line.path("properties")
          .fields()
          .forEachRemaining(e -> properties.put(e.getKey(), e.getValue().asText()));
    }
    return new CohortMember(
        s.cohortId(),
        line.path("amplitude_id").asText(),
        text(line, "user_id"),
        member,
        properties,
        pos.snapshotAt());
  }

  private static @Nullable String text(JsonNode node, String field) {
    JsonNode value = node.path(field);
    return value.isValueNode() && !value.isNull() && !value.asText().isEmpty()
        ? value.asText()
        : null;
  }

  /**
   * Checks the credential and the settings, then lists the project's cohorts ({@code GET
   * /api/3/cohorts}, which does not count against the download quota): the cohort must exist and be
   * within the documented maximum of two million users. Moves no data.
   */
  @Override
  public CheckResult check(ConnectorContext context) {
    if (!descriptor().accepts(context.authorization())) {
      return CheckResult.problem(
          "authorization",
          "Amplitude takes basic authentication with the project's API key as user name and its"
              + " secret key as password, not a "
              + context.authorization().kind());
    }
    AmplitudeSettings s;
    try {
      s = AmplitudeSettings.of(context.config());
      HttpSettings.rateLimit(context.config());
    } catch (ConfigException e) {
      return CheckResult.problem(e.setting().orElse("configuration"), e.getMessage());
    }
    try {
      JsonNode cohorts =
          transport.execute(context, HttpRequest.get(s.url("/api/3/cohorts")).build()).json();
      for (JsonNode cohort : cohorts.path("cohorts")) {
        if (s.cohortId().equals(text(cohort, "id"))) {
          long size = cohort.path("size").asLong(0);
          return size > MAX_COHORT_SIZE
              ? CheckResult.problem(
                  AmplitudeSettings.COHORT_ID,
                  "the cohort has "
                      + size
                      + " users; Amplitude downloads at most 2,000,000 (use a cohort sync instead)")
              : CheckResult.ok();
        }
      }
      return CheckResult.problem(
          AmplitudeSettings.COHORT_ID,
          "the project has no cohort " + s.cohortId() + " (or it is not discoverable)");
    } catch (TributaryException e) {
      String setting =
          e.errorClass() == ErrorClass.CONFIG ? "authorization" : HttpSettings.ENDPOINT;
      return CheckResult.problem(setting, e.getMessage());
    }
  }

  @Override
  public String toString() {
    return "AmplitudeCohortImportConnector";
  }
}
