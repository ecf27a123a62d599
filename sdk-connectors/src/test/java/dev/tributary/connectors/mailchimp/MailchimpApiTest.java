package dev.tributary.connectors.mailchimp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tributary.core.ConfigException;
import dev.tributary.core.auth.Authorization;
import dev.tributary.core.auth.Secret;
import dev.tributary.core.connector.Checkpoint;
import dev.tributary.core.connector.ConnectorConfig;
import dev.tributary.core.connector.ConnectorContext;
import java.time.Clock;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

/** What both Mailchimp imports share: an answer without its records' array. */
class MailchimpApiTest {
  @StartStop final MockWebServer server = new MockWebServer();

  ConnectorContext context(ConnectorConfig config) {
    return new ConnectorContext(
        config,
        Authorization.basic("tributary", Secret.of("0123456789abcdef-us6")),
        Clock.systemUTC());
  }

  @Test
  void members_withoutAMembersArray_isAConfigErrorNamingTheEndpoint() {
    server.enqueue(json("{\"total_items\": 0}"));
    MailchimpMembersImportConnector connector = MailchimpMembersImportConnector.create();
    ConnectorConfig config =
        ConnectorConfig.parse(
            connector.descriptor(),
            Map.of("endpoint", server.url("/3.0").toString(), "list_id", FakeMailchimp.LIST));

    assertThatThrownBy(() -> connector.read(context(config), Checkpoint.initial()))
        .isInstanceOfSatisfying(
            ConfigException.class, e -> assertThat(e.setting()).contains("endpoint"))
        .hasMessage(
            "the answer to GET /3.0/lists/a1b2c3d4e5/members has no \"members\" array; check"
                + " the endpoint");
  }

  @Test
  void campaigns_withoutACampaignsArray_isAConfigErrorNamingTheEndpoint() {
    server.enqueue(json("{\"campaigns\": {}}"));
    MailchimpCampaignContentImportConnector connector =
        MailchimpCampaignContentImportConnector.create();
    ConnectorConfig config =
        ConnectorConfig.parse(
            connector.descriptor(), Map.of("endpoint", server.url("/3.0").toString()));

    assertThatThrownBy(() -> connector.read(context(config), Checkpoint.initial()))
        .isInstanceOfSatisfying(
            ConfigException.class, e -> assertThat(e.setting()).contains("endpoint"))
        .hasMessage(
            "the answer to GET /3.0/campaigns has no \"campaigns\" array; check the endpoint");
  }

  private static MockResponse json(String body) {
    return new MockResponse.Builder()
        .addHeader("Content-Type", "application/json")
        .body(body)
        .build();
  }
}
