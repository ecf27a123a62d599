package dev.tributary.testing.kit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.tributary.core.ValidationException;
import dev.tributary.core.auth.Authorization;
import dev.tributary.core.auth.BearerToken;
import dev.tributary.core.auth.Secret;
import dev.tributary.core.connector.BatchResult;
import dev.tributary.core.connector.ConfigField;
import dev.tributary.core.connector.ConfigFieldType;
import dev.tributary.core.connector.ConnectorContext;
import dev.tributary.core.connector.ConnectorDescriptor;
import dev.tributary.core.connector.ExportConnector;
import dev.tributary.core.connector.Frequency;
import dev.tributary.core.connector.IntegrationPattern;
import dev.tributary.core.connector.IntegrationType;
import dev.tributary.core.connector.ResultingData;
import dev.tributary.core.connector.Technique;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

class ConnectorCompatibilityKitTest {
  static final String TOKEN = "kit-token-123";

  /** A well-behaved in-memory export connector. */
  static class ListExport implements ExportConnector<String> {
    final List<String> written = new ArrayList<>();
    final boolean leaky;

    ListExport(boolean leaky) {
      this.leaky = leaky;
    }

    @Override
    public ConnectorDescriptor descriptor() {
      return ConnectorDescriptor.builder("list-export")
          .name("List export")
          .description("Appends items to a list.")
          .type(IntegrationType.SERVER_TO_SERVER)
          .patterns(IntegrationPattern.EXPORT)
          .techniques(Technique.REST_API)
          .frequencies(Frequency.ONE_TIME)
          .resultingData(ResultingData.USER_FIELDS)
          .config(ConfigField.required("list_name", ConfigFieldType.STRING, "The list."))
          .accepts(BearerToken.class)
          .build();
    }

    @Override
    public BatchResult write(ConnectorContext context, List<String> batch) {
      if (batch.contains("bad")) {
        throw new ValidationException("bad item");
      }
      written.addAll(batch);
      return BatchResult.allOk(batch.size());
    }

    @Override
    public String toString() {
      return leaky ? "ListExport[" + TOKEN + "]" : "ListExport";
    }
  }

  static class GoodConnectorKit extends ConnectorCompatibilityKit {
    final ListExport connector = new ListExport(false);

    @Override
    protected ListExport connector() {
      return connector;
    }

    @Override
    protected Map<String, String> configuration() {
      return Map.of("list_name", "vip");
    }

    @Override
    protected Authorization authorization() {
      return Authorization.bearer(Secret.of(TOKEN));
    }

    @Override
    protected void exerciseOnce(ConnectorContext context) {
      assertThat(connector.write(context, List.of("a")).allSucceeded()).isTrue();
      assertThat(connector.written).containsExactly("a");
    }
  }

  static class LeakyConnectorKit extends GoodConnectorKit {
    final ListExport leaky = new ListExport(true);

    @Override
    protected ListExport connector() {
      return leaky;
    }

    @Override
    protected void exerciseOnce(ConnectorContext context) {}
  }

  static Events run(Class<?> kit) {
    return EngineTestKit.engine("junit-jupiter").selectors(selectClass(kit)).execute().testEvents();
  }

  @Test
  void aWellBehavedConnector_passesEveryCheck_andSkipsTheHttpOnes() {
    Events events = run(GoodConnectorKit.class);
    events.assertStatistics(s -> s.failed(0).succeeded(8).skipped(0).aborted(2));
  }

  @Test
  void aConnectorThatShowsItsTokenInToString_failsTheSecretCheck_withoutPrintingIt() {
    Events failed = run(LeakyConnectorKit.class).failed();
    assertThat(failed.list()).hasSize(1);
    assertThat(failed.list().get(0).getTestDescriptor().getDisplayName())
        .isEqualTo("kit_toStringsNeverShowSecrets()");
    Throwable error =
        failed
            .list()
            .get(0)
            .getPayload(org.junit.platform.engine.TestExecutionResult.class)
            .orElseThrow()
            .getThrowable()
            .orElseThrow();
    assertThat(error.getMessage()).contains("<THE SECRET>").doesNotContain(TOKEN);
  }
}
