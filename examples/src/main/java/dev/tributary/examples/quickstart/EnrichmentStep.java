package dev.tributary.examples.quickstart;

import dev.tributary.connectors.enrichment.EnrichmentTask;
import dev.tributary.connectors.enrichment.HttpEnrichmentConnector;
import dev.tributary.core.auth.Authorization;
import dev.tributary.core.auth.Secret;
import dev.tributary.core.connector.ConnectorConfig;
import dev.tributary.core.identity.IdentityKey;
import dev.tributary.core.identity.IdentityResolver;
import dev.tributary.core.identity.ProfileStore;
import dev.tributary.core.job.Job;
import dev.tributary.core.job.RunSnapshot;
import dev.tributary.core.job.RunStatus;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Step 5 of 6: the audience's e-mail addresses sent to an enrichment provider (a mock on the JDK's
 * HTTP server, {@link MockProvider}) by {@link HttpEnrichmentConnector}; the company fields it
 * returns are merged into the imported profiles by identity resolution.
 */
final class EnrichmentStep {
  static final String JOB = "vip-enrichment";

  record Result(RunSnapshot run, long enriched, long notFound) {}

  private EnrichmentStep() {}

  static Result run(Sandbox sandbox, SampleProfiles profiles, ProfileStore store, Console console)
      throws Exception {
    try (MockProvider provider = new MockProvider()) {
      HttpEnrichmentConnector connector = HttpEnrichmentConnector.perUser();
      ConnectorConfig config =
          ConnectorConfig.parse(
              connector.descriptor(),
              Map.of(
                  "endpoint", provider.url(),
                  "identifiers", "email",
                  "fields", "company=/company/name, company_size=/company/size, seniority",
                  "rate_limit_requests", "50",
                  "rate_limit_interval", "1s"));
      IdentityResolver resolver =
          IdentityResolver.builder(store)
              .keys(IdentityKey.email("email"), IdentityKey.trimmed("customer_id"))
              .build();
      EnrichmentTask task =
          EnrichmentTask.builder(connector, profiles.audienceSource(), resolver)
              .sourceName("provider")
              .build();
      RunSnapshot run =
          sandbox
              .runner
              .add(
                  Job.custom(
                          JOB,
                          connector,
                          config,
                          Authorization.apiKeyHeader("X-Api-Key", Secret.of(MockProvider.API_KEY)),
                          task)
                      .build())
              .runNow()
              .get(30, TimeUnit.SECONDS);
      if (run.status() != RunStatus.SUCCEEDED) {
        throw run.failureCause()
            .<RuntimeException>map(e -> e)
            .orElseGet(() -> new IllegalStateException("the enrichment run ended " + run.status()));
      }
      long notFound = run.itemsRead() - run.itemsWritten() - run.itemsRejected();
      console.line(
          "asked the provider about %d people in %d requests: %d enriched, %d not found",
          run.itemsRead(), provider.requests.get(), run.itemsWritten(), notFound);
      return new Result(run, run.itemsWritten(), notFound);
    }
  }
}
