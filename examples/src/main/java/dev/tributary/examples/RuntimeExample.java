package dev.tributary.examples;

import dev.tributary.core.auth.Authorization;
import dev.tributary.core.auth.Secret;
import dev.tributary.core.connector.BatchResult;
import dev.tributary.core.connector.Checkpoint;
import dev.tributary.core.connector.ConnectorConfig;
import dev.tributary.core.connector.ConnectorContext;
import dev.tributary.core.connector.ConnectorDescriptor;
import dev.tributary.core.connector.ExportConnector;
import dev.tributary.core.connector.Frequency;
import dev.tributary.core.connector.IntegrationPattern;
import dev.tributary.core.connector.IntegrationType;
import dev.tributary.core.connector.Page;
import dev.tributary.core.connector.RateLimit;
import dev.tributary.core.connector.Technique;
import dev.tributary.core.identity.IdentityKey;
import dev.tributary.core.identity.IdentityResolver;
import dev.tributary.core.identity.ProfileStore;
import dev.tributary.core.job.Job;
import dev.tributary.core.job.JobRunner;
import dev.tributary.core.job.RunListener;
import dev.tributary.core.job.RunSnapshot;
import dev.tributary.core.job.Source;
import dev.tributary.core.job.TriggerHandle;
import dev.tributary.core.job.TriggeredJob;
import dev.tributary.core.mapping.FieldMapping;
import dev.tributary.core.mapping.FieldRule;
import dev.tributary.core.mapping.FieldType;
import dev.tributary.core.mapping.Transform;
import dev.tributary.core.model.AudienceChange;
import dev.tributary.core.model.Profile;
import dev.tributary.core.schedule.Schedule;
import dev.tributary.core.trigger.Trigger;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Recipe: the embedded runtime end to end, all in memory. Raw CRM rows are mapped and resolved into
 * profiles; a scheduled job exports the audience in batches through a tiny connector (which only
 * prints); a triggered job streams enter/exit changes through the micro-batcher. The connector
 * makes one attempt per call: batching, retries, rate limits, checkpoints and progress come from
 * the runtime.
 */
public final class RuntimeExample {
  private RuntimeExample() {}

  /** Stands in for a vendor's "add members" API; at most 2 items per request, 5 requests/s. */
  static final class PrintingExport<T> implements ExportConnector<T> {
    static final ConnectorDescriptor DESCRIPTOR =
        ConnectorDescriptor.builder("printing-export")
            .name("Printing export")
            .type(IntegrationType.SERVER_TO_SERVER)
            .patterns(IntegrationPattern.EXPORT)
            .techniques(Technique.REST_API, Technique.AUDIENCE_TRIGGER)
            .frequencies(Frequency.SCHEDULED, Frequency.NEAR_REAL_TIME)
            .build();
    private final PrintStream out;

    PrintingExport(PrintStream out) {
      this.out = out;
    }

    @Override
    public ConnectorDescriptor descriptor() {
      return DESCRIPTOR;
    }

    @Override
    public int maxBatchSize() {
      return 2;
    }

    @Override
    public RateLimit rateLimit(ConnectorConfig config) {
      return RateLimit.of(5, Duration.ofSeconds(1)).withMaxConcurrency(2);
    }

    @Override
    public BatchResult write(ConnectorContext context, List<T> batch) {
      out.println("  vendor received " + batch.stream().map(RuntimeExample::describe).toList());
      return BatchResult.allOk(batch.size());
    }
  }

  static String describe(Object item) {
    if (item instanceof AudienceChange c) {
      return c.kind() + " " + c.userId();
    }
    return ((Profile) item).identity("email").orElse("?");
  }

  public static void main(String[] args) throws Exception {
    run(System.out);
  }

  static void run(PrintStream out) throws Exception {
    // 1. Import: map raw rows, resolve identities. " ANN@example.com" and "ann@example.com" meet.
    FieldMapping mapping =
        FieldMapping.builder()
            .identity("email", "Email", Transform.TRIM, Transform.LOWERCASE)
            .field(FieldRule.of("plan").from("Plan"))
            .field(FieldRule.of("seats").from("Seats").as(FieldType.INTEGER).orElse(1))
            .build();
    ProfileStore store = ProfileStore.inMemory();
    IdentityResolver resolver =
        IdentityResolver.builder(store).keys(IdentityKey.email("email")).build();
    Instant now = Instant.parse("2026-12-01T10:00:00Z");
    List<Map<String, Object>> rows =
        List.of(
            Map.of("Email", " ANN@example.com", "Plan", "pro", "Seats", "3"),
            Map.of("Email", "bob@example.com", "Plan", "free"),
            Map.of("Email", "ann@example.com", "Plan", "team", "utm_source", "mail"),
            Map.of("Email", "cy@example.com", "Plan", "pro"));
    for (int i = 0; i < rows.size(); i++) {
      resolver.resolve(mapping.apply(rows.get(i)).toSourceRecord("crm", now.plusSeconds(i)));
    }
    out.println("resolved " + rows.size() + " rows into " + store.size() + " profiles");

    // 2. A scheduled export of the audience, and a triggered job for live changes.
    List<Profile> audience =
        List.of("ann", "bob", "cy").stream()
            .map(n -> store.find("email", n + "@example.com").flatMap(store::get).orElseThrow())
            .map(p -> p.profile())
            .toList();
    ConnectorConfig config = ConnectorConfig.parse(PrintingExport.DESCRIPTOR, Map.of());
    Authorization auth = Authorization.bearer(Secret.of("vendor-token"));
    try (JobRunner runner =
        JobRunner.builder()
            .listener(
                new RunListener() {
                  @Override
                  public void runFinished(RunSnapshot run) {
                    out.println("finished: " + run);
                  }
                })
            .build()) {
      RunSnapshot nightly =
          runner
              .add(
                  Job.exporting(
                          "vip-export",
                          new PrintingExport<Profile>(out),
                          config,
                          auth,
                          pages(audience))
                      .schedule(Schedule.parse("daily 02:30 Europe/Berlin"))
                      .restartEachRun(true)
                      .build())
              .runNow()
              .get();
      out.println("export run " + nightly.status() + ", wrote " + nightly.itemsWritten());

      TriggerHandle live =
          runner.add(
              TriggeredJob.builder(
                      "vip-sync",
                      new PrintingExport<AudienceChange>(out),
                      config,
                      auth,
                      Trigger.onAudiences("vip").maxDelay(Duration.ofSeconds(5)).build())
                  .build());
      live.offer(AudienceChange.entered("vip", audience.get(0), now));
      live.offer(AudienceChange.entered("vip", audience.get(1), now));
      live.offer(AudienceChange.exited("vip", audience.get(1), now)); // coalesced with the entry
      live.flush().get(); // a host acks its own change feed here
    }
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
