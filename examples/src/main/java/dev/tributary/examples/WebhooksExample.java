package dev.tributary.examples;

import dev.tributary.connectors.webhook.WebhookExportConnector;
import dev.tributary.connectors.webhook.WebhookReceiver;
import dev.tributary.core.auth.Authorization;
import dev.tributary.core.auth.HmacSigningSecret;
import dev.tributary.core.auth.Secret;
import dev.tributary.core.connector.ConnectorConfig;
import dev.tributary.core.connector.ConnectorContext;
import dev.tributary.core.job.JobRunner;
import dev.tributary.core.job.TriggerHandle;
import dev.tributary.core.job.TriggeredJob;
import dev.tributary.core.model.AudienceChange;
import dev.tributary.core.model.Event;
import dev.tributary.core.model.Profile;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * Recipe: signed webhooks end to end on one machine. A {@link WebhookReceiver} is mounted on the
 * JDK's HTTP server ({@link JdkWebhookServer}); a {@link WebhookExportConnector}, driven by a
 * triggered job, POSTs audience changes to it; the receiver verifies each signature and timestamp
 * and hands the events to its sink. In production the two halves live in different systems and
 * share only the secret.
 */
public final class WebhooksExample {
  private WebhooksExample() {}

  public static void main(String[] args) throws Exception {
    run(System.out);
  }

  /** Runs the round trip and returns what the receiver's sink got. */
  public static List<Event> run(PrintStream out) throws Exception {
    HmacSigningSecret secret = Authorization.hmac(Secret.of("whsec_example-only-3f9a1c27e4b8"));
    List<Event> received = new CopyOnWriteArrayList<>();
    WebhookReceiver receiver = WebhookReceiver.builder(secret, received::addAll).build();
    InetSocketAddress loopback = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
    try (JdkWebhookServer server = JdkWebhookServer.start(loopback, "/webhooks", receiver);
        JobRunner runner = JobRunner.create()) {
      WebhookExportConnector connector = WebhookExportConnector.create();
      ConnectorConfig config =
          ConnectorConfig.parse(
              connector.descriptor(),
              Map.of(
                  "url", "http://127.0.0.1:" + server.port() + "/webhooks",
                  "audiences", "vip",
                  "fields", "first_name, plan",
                  "trigger_fields", "plan"));
      out.println("check: " + connector.check(ConnectorContext.of(config, secret)));
      TriggerHandle live =
          runner.add(
              TriggeredJob.builder(
                      "vip-webhooks", connector, config, secret, connector.trigger(config))
                  .build());
      Profile ann =
          Profile.builder("p-1")
              .identity("email", "ann@example.com")
              .field("first_name", "Ann")
              .field("plan", "pro")
              .audience("vip")
              .build();
      Profile bob =
          Profile.builder("p-2")
              .identity("email", "bob@example.com")
              .field("first_name", "Bob")
              .field("plan", "free")
              .audience("vip")
              .build();
      Instant now = Instant.now();
      live.offer(AudienceChange.entered("vip", ann, now));
      live.offer(AudienceChange.entered("vip", bob, now));
      live.flush().get(30, TimeUnit.SECONDS);
      live.offer(AudienceChange.exited("vip", bob, now.plusSeconds(1)));
      live.flush().get(30, TimeUnit.SECONDS); // then ack the host's change feed
    }
    for (Event e : received) {
      out.println("received " + e.name() + " for " + e.identities().get("email"));
    }
    return received;
  }
}
