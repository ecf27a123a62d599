package dev.tributary.examples;

import dev.tributary.connectors.enrichment.EnrichmentCache;
import dev.tributary.connectors.enrichment.EnrichmentTask;
import dev.tributary.connectors.enrichment.HttpEnrichmentConnector;
import dev.tributary.core.auth.Authorization;
import dev.tributary.core.auth.Secret;
import dev.tributary.core.connector.ConnectorConfig;
import dev.tributary.core.connector.EnrichmentConnector;
import dev.tributary.core.identity.ConflictRule;
import dev.tributary.core.identity.IdentityKey;
import dev.tributary.core.identity.IdentityResolver;
import dev.tributary.core.identity.ProfileStore;
import dev.tributary.core.identity.SourceRecord;
import dev.tributary.core.job.Job;
import dev.tributary.core.job.JobHandle;
import dev.tributary.core.job.JobRunner;
import dev.tributary.core.job.RunSnapshot;
import dev.tributary.core.model.Profile;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Recipe: enrichment. The e-mail addresses of an audience go to a data provider (a stand-in on the
 * JDK's HTTP server) that knows one user, does not know another and answers "202, ask again in a
 * second" for the third; the returned company fields are merged into the profiles by identity
 * resolution, below the CRM's own data in priority. A second run is answered from the cache.
 */
public final class EnrichmentExample {
  private EnrichmentExample() {}

  public static void main(String[] args) throws Exception {
    run(System.out);
  }

  static ProfileStore run(PrintStream out) throws Exception {
    ProfileStore store = ProfileStore.inMemory();
    IdentityResolver resolver =
        IdentityResolver.builder(store)
            .keys(IdentityKey.email("email"))
            .conflictRule(ConflictRule.sourcePriority(List.of("crm", "provider")))
            .build();
    Instant now = Instant.now();
    for (String email : List.of("ann@example.com", "bob@example.com", "cy@example.com")) {
      resolver.resolve(
          new SourceRecord(Map.of("email", email), Map.of("company", "(from CRM)"), now, "crm"));
    }
    // the CRM knows Ann's company already: the provider's answer must not overwrite it

    AtomicInteger calls = new AtomicInteger();
    AtomicInteger cyAsked = new AtomicInteger();
    try (LocalApi provider = new LocalApi()) {
      provider.route(
          "/v1/person",
          r -> {
            calls.incrementAndGet();
            String query = r.uri().getQuery();
            if (query.contains("ann@")) {
              return LocalApi.Response.json(200, "{\"company\":{\"name\":\"Acme\",\"size\":250}}");
            }
            if (query.contains("cy@") && cyAsked.getAndIncrement() == 0) {
              return new LocalApi.Response(202, "", Map.of("Retry-After", "1"));
            }
            if (query.contains("cy@")) {
              return LocalApi.Response.json(200, "{\"company\":{\"name\":\"Cyan\",\"size\":12}}");
            }
            return LocalApi.Response.json(404, "{\"error\":\"unknown person\"}");
          });

      EnrichmentCache cache =
          EnrichmentCache.builder()
              .ttl(Duration.ofDays(30))
              .notFoundTtl(Duration.ofDays(1))
              .build();
      EnrichmentConnector connector = cache.wrap(HttpEnrichmentConnector.perUser());
      ConnectorConfig config =
          ConnectorConfig.parse(
              connector.descriptor(),
              Map.of(
                  "endpoint", provider.url("/v1/person"),
                  "identifiers", "email",
                  "fields", "company=/company/name, company_size=/company/size",
                  "rate_limit_requests", "10"));
      List<Profile> audience =
          List.of("ann@example.com", "bob@example.com", "cy@example.com").stream()
              .map(e -> store.get(store.find("email", e).orElseThrow()).orElseThrow().profile())
              .toList();
      EnrichmentTask task =
          EnrichmentTask.builder(connector, RestExportExample.pages(audience), resolver)
              .sourceName("provider")
              .build();

      try (JobRunner runner = JobRunner.create()) {
        JobHandle job =
            runner.add(
                Job.custom(
                        "enrich-vip",
                        connector,
                        config,
                        Authorization.apiKeyHeader("X-Api-Key", Secret.of("provider-key")),
                        task)
                    .restartEachRun(true)
                    .build());
        report(out, "first run", job.runNow().get(60, TimeUnit.SECONDS), calls);
        calls.set(0);
        report(out, "second run", job.runNow().get(60, TimeUnit.SECONDS), calls);
      }
      out.println("cache: " + cache.stats());
    }
    for (String email : List.of("ann@example.com", "bob@example.com", "cy@example.com")) {
      Profile p = store.get(store.find("email", email).orElseThrow()).orElseThrow().profile();
      out.println("  " + email + " " + p.fields());
    }
    return store;
  }

  private static void report(PrintStream out, String which, RunSnapshot run, AtomicInteger calls) {
    out.println(
        which
            + ": "
            + run.status()
            + ", read "
            + run.itemsRead()
            + ", enriched "
            + run.itemsWritten()
            + ", provider calls "
            + calls.get());
  }
}
