package dev.tributary.connectors.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tributary.connectors.enrichment.HttpEnrichmentConnector;
import dev.tributary.connectors.http.HttpTransport;
import dev.tributary.connectors.metrics.MetricsExportConnector;
import dev.tributary.connectors.metrics.MetricsReporter;
import dev.tributary.connectors.newrelic.NewRelicEventConnector;
import dev.tributary.connectors.rest.RestExportConnector;
import dev.tributary.core.auth.Authorization;
import dev.tributary.core.auth.Secret;
import dev.tributary.core.connector.ConnectorConfig;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every connector builder that takes a batch size refuses one below 1 with the same message. */
class BatchSizesTest {
  @Test
  void restExportBuilderRefusesZero() {
    assertThatThrownBy(() -> RestExportConnector.profiles().maxBatchSize(0))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("maxBatchSize must be at least 1: 0");
    assertThat(RestExportConnector.profiles().maxBatchSize(1).build().maxBatchSize()).isEqualTo(1);
  }

  @Test
  void metricsReporterBuilderRefusesNegative() {
    MetricsExportConnector connector = MetricsExportConnector.create();
    MetricsReporter.Builder builder =
        MetricsReporter.builder(
            connector,
            ConnectorConfig.parse(
                connector.descriptor(), Map.of("endpoint", "https://metrics.example.com/ingest")),
            Authorization.apiKeyHeader("DD-API-KEY", Secret.of("m0nitor-key-123")));
    assertThatThrownBy(() -> builder.maxBatchSize(-3))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("maxBatchSize must be at least 1: -3");
  }

  @Test
  void metricsExportRefusesZero() {
    assertThatThrownBy(() -> MetricsExportConnector.create(HttpTransport.create(), 0))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("maxBatchSize must be at least 1: 0");
  }

  @Test
  void newRelicRefusesZero() {
    assertThatThrownBy(() -> NewRelicEventConnector.create(HttpTransport.create(), 0))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("maxBatchSize must be at least 1: 0");
  }

  @Test
  void batchedEnrichmentRefusesMinValue() {
    assertThatThrownBy(
            () -> HttpEnrichmentConnector.batched(HttpTransport.create(), Integer.MIN_VALUE))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("maxBatchSize must be at least 1: " + Integer.MIN_VALUE);
  }
}
