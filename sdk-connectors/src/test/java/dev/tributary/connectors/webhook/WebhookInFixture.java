package dev.tributary.connectors.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tributary.connectors.testing.Hmac;
import dev.tributary.connectors.testutil.SettingsKit;
import dev.tributary.core.auth.Authorization;
import dev.tributary.core.auth.Secret;
import dev.tributary.core.connector.Checkpoint;
import dev.tributary.core.connector.ConnectorContext;
import dev.tributary.core.connector.Page;
import dev.tributary.core.model.Event;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** The webhooks-in connector under the compatibility kit, and signed requests for its tests. */
abstract class WebhookInFixture extends SettingsKit<WebhookInConnector> {
  static final String SECRET = "whsec_inbound-secret-42424242";

  final WebhookInbox inbox;

  WebhookInFixture() {
    this(WebhookInbox.inMemory(100));
  }

  private WebhookInFixture(WebhookInbox inbox) {
    super(WebhookInConnector.create(inbox));
    this.inbox = inbox;
  }

  @Override
  protected Authorization authorization() {
    return Authorization.hmac(Secret.of(SECRET));
  }

  @Override
  protected void exerciseOnce(ConnectorContext context) {
    WebhookResponse response =
        connector.receiver(context).handle(signed("{\"type\":\"ping\"}", NOW.getEpochSecond()));
    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    Page<Event> page = connector.read(context, Checkpoint.initial());
    assertThat(page.records()).extracting(Event::name).containsExactly("ping");
  }

  static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  /** A POST of {@code json} signed at {@code t} with the test secret, as a sender makes it. */
  static WebhookRequest signed(String json, long t) {
    return signed(json, t, Map.of());
  }

  static WebhookRequest signed(String json, long t, Map<String, String> extra) {
    byte[] body = utf8(json);
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("content-type", "application/json");
    headers.put("tributary-signature", Hmac.header(SECRET, t, body));
    headers.putAll(extra);
    return WebhookRequest.of("POST", headers, body);
  }
}
