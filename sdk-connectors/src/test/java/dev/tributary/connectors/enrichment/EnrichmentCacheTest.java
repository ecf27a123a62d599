package dev.tributary.connectors.enrichment;

import static dev.tributary.connectors.enrichment.FakeProvider.person;
import static dev.tributary.connectors.enrichment.FakeProvider.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tributary.core.auth.Authorization;
import dev.tributary.core.auth.Secret;
import dev.tributary.core.connector.ConnectorConfig;
import dev.tributary.core.connector.ConnectorContext;
import dev.tributary.core.connector.EnrichmentConnector;
import dev.tributary.core.connector.EnrichmentResult;
import dev.tributary.core.connector.EnrichmentResult.Status;
import dev.tributary.testing.kit.ConnectorCompatibilityKit;
import dev.tributary.testing.time.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The cache in front of a per-user provider: TTLs, negative caching, bounds, what is not kept. */
class EnrichmentCacheTest extends ConnectorCompatibilityKit {
  @StartStop final MockWebServer server = new MockWebServer();
  final FakeProvider provider = new FakeProvider();
  final ManualClock clock = new ManualClock(Instant.parse("2026-12-01T10:00:00Z"));
  final EnrichmentCache cache =
      EnrichmentCache.builder()
          .maxEntries(3)
          .ttl(Duration.ofHours(24))
          .notFoundTtl(Duration.ofHours(1))
          .build();
  final EnrichmentConnector connector = cache.wrap(HttpEnrichmentConnector.perUser());

  @BeforeEach
  void serve() {
    server.setDispatcher(provider);
    provider.answer("ann@x.com", person("{\"plan\":\"pro\"}"));
  }

  @Override
  protected EnrichmentConnector connector() {
    return connector;
  }

  @Override
  protected Map<String, String> configuration() {
    return Map.of("endpoint", server.url("/find").toString(), "identifiers", "email");
  }

  @Override
  protected Authorization authorization() {
    return Authorization.bearer(Secret.of("cache-t0ken"));
  }

  @Override
  protected void exerciseOnce(ConnectorContext context) {
    EnrichmentResult r = connector.enrich(context, List.of(Map.of("email", "ann@x.com"))).get(0);
    if (r.error() != null) {
      throw r.error();
    }
  }

  @Override
  protected boolean failNextCall(int status, @Nullable Integer retryAfterSeconds) {
    provider.answer(
        "ann@x.com",
        status(status, retryAfterSeconds == null ? null : retryAfterSeconds.toString()));
    return true;
  }

  @Override
  protected ConnectorContext context() {
    return new ConnectorContext(
        ConnectorConfig.parse(connector.descriptor(), configuration()), authorization(), clock);
  }

  List<Status> ask(String... emails) {
    return java.util.Arrays.stream(emails)
        .map(e -> connector.enrich(context(), List.of(Map.of("email", e))).get(0).status())
        .toList();
  }

  @Test
  void foundUsers_areAnsweredFromTheCacheUntilTheTtl() {
    assertThat(ask("ann@x.com", "ann@x.com")).containsOnly(Status.ENRICHED);
    assertThat(provider.asked).containsExactly("ann@x.com");
    clock.advance(Duration.ofHours(24));
    ask("ann@x.com");
    assertThat(provider.asked).containsExactly("ann@x.com", "ann@x.com");
    assertThat(cache.stats()).isEqualTo(new EnrichmentCache.Stats(1, 2, 1));
  }

  @Test
  void notFound_isCachedForTheShorterTtl() {
    assertThat(ask("nobody@x.com", "nobody@x.com")).containsOnly(Status.NOT_FOUND);
    assertThat(provider.asked).hasSize(1);
    clock.advance(Duration.ofMinutes(61));
    ask("nobody@x.com");
    assertThat(provider.asked).hasSize(2);
  }

  @Test
  void queuedAndFailedAnswers_areNeverCached() {
    provider.answer("q@x.com", status(202, "5"), status(429, "1"), person("{\"plan\":\"free\"}"));
    assertThat(ask("q@x.com", "q@x.com", "q@x.com", "q@x.com"))
        .containsExactly(Status.QUEUED, Status.FAILED, Status.ENRICHED, Status.ENRICHED);
    assertThat(provider.asked).hasSize(3);
  }

  @Test
  void mixedBatch_asksOnlyTheMisses_andKeepsPositions() {
    ask("ann@x.com");
    List<EnrichmentResult> r =
        connector.enrich(
            context(), List.of(Map.of("email", "new@x.com"), Map.of("email", "ann@x.com")));
    assertThat(r).extracting(EnrichmentResult::index).containsExactly(0, 1);
    assertThat(r)
        .extracting(EnrichmentResult::status)
        .containsExactly(Status.NOT_FOUND, Status.ENRICHED);
    assertThat(provider.asked).containsExactly("ann@x.com", "new@x.com");
  }

  @Test
  void full_dropsTheLeastRecentlyUsed() {
    ask("a@x.com", "b@x.com", "c@x.com", "a@x.com", "d@x.com"); // b is the least recently used
    provider.asked.clear();
    ask("a@x.com", "c@x.com", "d@x.com", "b@x.com");
    assertThat(provider.asked).containsExactly("b@x.com");
    assertThat(cache.stats().size()).isEqualTo(3);
  }

  @Test
  void theWrapperSpeaksForTheProvider() {
    assertThat(connector.descriptor().id()).isEqualTo("http-enrichment");
    assertThat(connector.maxBatchSize()).isEqualTo(1);
    assertThatThrownBy(() -> EnrichmentCache.builder().ttl(Duration.ofSeconds(-1)))
        .hasMessage("ttl must not be negative: PT-1S");
  }
}
