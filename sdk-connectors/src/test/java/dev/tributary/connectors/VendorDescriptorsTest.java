package dev.tributary.connectors;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tributary.connectors.bigquery.BigQueryExportConnector;
import dev.tributary.connectors.clearbit.ClearbitEnrichmentConnector;
import dev.tributary.connectors.fullcontact.FullContactEnrichmentConnector;
import dev.tributary.connectors.newrelic.NewRelicEventConnector;
import dev.tributary.core.connector.Connector;
import dev.tributary.core.connector.ConnectorDescriptor;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The catalogue convention: each vendor connector's {@code DESCRIPTOR} constant is the descriptor
 * its instances report, so a catalogue generated from the constants shows what runs.
 */
class VendorDescriptorsTest {
  @Test
  void descriptorConstant_isWhatTheConnectorReports_andSaysWhatIsUncertain() {
    Map<ConnectorDescriptor, Connector> vendors =
        Map.of(
            FullContactEnrichmentConnector.DESCRIPTOR, FullContactEnrichmentConnector.create(),
            ClearbitEnrichmentConnector.DESCRIPTOR, ClearbitEnrichmentConnector.create(),
            NewRelicEventConnector.DESCRIPTOR, NewRelicEventConnector.create(),
            BigQueryExportConnector.DESCRIPTOR, BigQueryExportConnector.create());
    vendors.forEach(
        (constant, connector) -> {
          assertThat(connector.descriptor()).isSameAs(constant);
          assertThat(constant.description()).contains("Uncertain:");
        });
  }
}
