package dev.tributary.examples;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tributary.connectors.metrics.MetricsExportConnector;
import dev.tributary.connectors.metrics.MetricsReporter;
import dev.tributary.connectors.rest.RestExportConnector;
import dev.tributary.core.TributaryException;
import dev.tributary.core.auth.Authorization;
import dev.tributary.core.auth.Secret;
import dev.tributary.core.connector.Checkpoint;
import dev.tributary.core.connector.ConnectorConfig;
import dev.tributary.core.connector.ConnectorContext;
import dev.tributary.core.connector.Page;
import dev.tributary.core.job.Job;
import dev.tributary.core.job.JobRunner;
import dev.tributary.core.job.RunListener;
import dev.tributary.core.job.RunSnapshot;
import dev.tributary.core.job.Source;
import dev.tributary.core.job.TriggerHandle;
import dev.tributary.core.job.TriggeredJob;
import dev.tributary.core.model.AudienceChange;
import dev.tributary.core.model.Profile;
import dev.tributary.core.schedule.Schedule;
import dev.tributary.core.trigger.Trigger;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Recipe: REST export. A scheduled job sends an audience's profiles in JSON batches to a vendor's
 * batch endpoint (here a stand-in on the JDK's HTTP server), which answers per item and rejects one
 * bad e-mail; a triggered job backfills the audience and then streams enter/exit changes; a {@link
 * MetricsReporter} sends each run's statistics to a monitoring endpoint. Batching, retries, rate
 * limits, checkpoints and progress are the runtime's.
 */
public final class RestExportExample {
  private static final ObjectMapper JSON = new ObjectMapper();

  private RestExportExample() {}

  public static void main(String[] args) throws Exception {
    run(System.out);
  }

  static void run(PrintStream out) throws Exception {
    try (LocalApi vendor = new LocalApi()) {
      vendor
          .route("/v1/contacts/batch", r -> contacts(out, r))
          .route("/v1/audiences/vip/changes", r -> changes(out, r))
          .route("/monitoring", r -> monitoring(out, r));

      RestExportConnector<Profile> contacts =
          RestExportConnector.profiles().maxBatchSize(2).build();
      ConnectorConfig config =
          ConnectorConfig.parse(
              contacts.descriptor(),
              Map.of(
                  "endpoint", vendor.url("/v1/contacts/batch"),
                  "fields", "first_name, plan",
                  "results_pointer", "/results",
                  "headers", "X-Team: growth",
                  "rate_limit_requests", "20"));
      Authorization auth = Authorization.bearer(Secret.of("vendor-token"));
      out.println("check: " + contacts.check(ConnectorContext.of(config, auth)));

      MetricsExportConnector monitoring = MetricsExportConnector.create();
      ConnectorConfig monitoringConfig =
          ConnectorConfig.parse(
              monitoring.descriptor(),
              Map.of("endpoint", vendor.url("/monitoring"), "gzip", "true"));
      try (MetricsReporter metrics =
              MetricsReporter.builder(monitoring, monitoringConfig, Authorization.none()).build();
          JobRunner runner = JobRunner.builder().listener(metrics).listener(printer(out)).build()) {
        RunSnapshot nightly =
            runner
                .add(
                    Job.exporting("vip-export", contacts, config, auth, pages(AUDIENCE))
                        .schedule(Schedule.parse("daily 02:30 Europe/Berlin"))
                        .restartEachRun(true)
                        .build())
                .runNow()
                .get(30, TimeUnit.SECONDS);
        out.println(
            "export "
                + nightly.status()
                + ": written "
                + nightly.itemsWritten()
                + ", rejected "
                + nightly.itemsRejected());

        RestExportConnector<AudienceChange> changes = RestExportConnector.audienceChanges().build();
        ConnectorConfig changesConfig =
            ConnectorConfig.parse(
                changes.descriptor(), Map.of("endpoint", vendor.url("/v1/audiences/vip/changes")));
        TriggerHandle live =
            runner.add(
                TriggeredJob.builder(
                        "vip-sync",
                        changes,
                        changesConfig,
                        auth,
                        Trigger.onAudiences("vip")
                            .backfill(true)
                            .maxDelay(Duration.ofSeconds(5))
                            .build())
                    .backfillFrom(pages(AUDIENCE.subList(0, 2)))
                    .build());
        live.backfillCompletion().get(30, TimeUnit.SECONDS);
        live.offer(AudienceChange.exited("vip", AUDIENCE.get(1), Instant.now()));
        live.offer(AudienceChange.entered("vip", AUDIENCE.get(3), Instant.now()));
        live.flush().get(30, TimeUnit.SECONDS); // a host acks its change feed here

        metrics.flush().get(30, TimeUnit.SECONDS);
        out.println(
            "monitoring: delivered " + metrics.delivered() + ", dropped " + metrics.dropped());
      }
    }
  }

  static final List<Profile> AUDIENCE =
      List.of(
          person("p1", "ann@example.com", "Ann", "pro"),
          person("p2", "bob@example.com", "Bob", "free"),
          person("p3", "not-an-email", "Nemo", "free"),
          person("p4", "cy@example.com", "Cy", "pro"),
          person("p5", "dee@example.com", "Dee", "team"));

  static Profile person(String id, String email, String name, String plan) {
    return Profile.builder(id)
        .identity("email", email)
        .field("first_name", name)
        .field("plan", plan)
        .field("phone", "+49 30 1234") // not among "fields": never sent
        .audience("vip")
        .build();
  }

  /** The vendor's batch endpoint: one result per item; e-mails without "@" are refused. */
  private static LocalApi.Response contacts(PrintStream out, LocalApi.Request r) {
    JsonNode items = read(r.body()).path("items");
    List<String> results = new ArrayList<>();
    List<String> emails = new ArrayList<>();
    for (JsonNode item : items) {
      String email = item.at("/identities/email").asText();
      emails.add(email);
      results.add(
          email.contains("@")
              ? "{\"status\":201}"
              : "{\"status\":422,\"error\":{\"message\":\"invalid email\"}}");
    }
    out.println("  vendor received " + emails + " (" + r.headers().get("x-team") + ")");
    return LocalApi.Response.json(207, "{\"results\":[" + String.join(",", results) + "]}");
  }

  private static LocalApi.Response changes(PrintStream out, LocalApi.Request r) {
    List<String> changes = new ArrayList<>();
    read(r.body())
        .path("items")
        .forEach(c -> changes.add(c.path("change").asText() + " " + c.at("/profile/id").asText()));
    out.println("  vendor received changes " + changes);
    return LocalApi.Response.json(200, "{}");
  }

  private static LocalApi.Response monitoring(PrintStream out, LocalApi.Request r) {
    JsonNode doc = read(r.body());
    out.println(
        "  monitoring received "
            + doc.path("metrics").size()
            + " metrics and "
            + doc.path("events").size()
            + " events");
    return LocalApi.Response.json(202, "");
  }

  private static JsonNode read(String body) {
    try {
      return JSON.readTree(body);
    } catch (java.io.IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static RunListener printer(PrintStream out) {
    return new RunListener() {
      @Override
      public void itemRejected(String jobId, long run, Object item, TributaryException error) {
        out.println("  rejected " + ((Profile) item).id() + ": " + error.getMessage());
      }

      @Override
      public void runFinished(RunSnapshot run) {
        out.println("finished: " + run);
      }
    };
  }

  /** The host's audience as a {@link Source}: pages of profiles by position. */
  static Source<Profile> pages(List<Profile> profiles) {
    return (from, max) -> {
      int start = from.cursorValue().map(Integer::parseInt).orElse(0);
      int end = Math.min(profiles.size(), start + max);
      return new Page<>(
          profiles.subList(start, end),
          Checkpoint.at(Integer.toString(end)),
          end == profiles.size());
    };
  }
}
