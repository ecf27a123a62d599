package dev.tributary.examples.quickstart;

import dev.tributary.connectors.webhook.WebhookExportConnector;
import dev.tributary.connectors.webhook.WebhookReceiver;
import dev.tributary.connectors.webhook.WebhookResponse;
import dev.tributary.connectors.webhook.WebhookSignature;
import dev.tributary.core.auth.Authorization;
import dev.tributary.core.auth.HmacSigningSecret;
import dev.tributary.core.auth.Secret;
import dev.tributary.core.connector.ConnectorConfig;
import dev.tributary.core.job.TriggerHandle;
import dev.tributary.core.job.TriggeredJob;
import dev.tributary.core.model.AudienceChange;
import dev.tributary.core.model.Event;
import dev.tributary.core.model.Profile;
import dev.tributary.examples.JdkWebhookServer;
import java.io.ByteArrayInputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * Step 4 of 6: audience changes — three members entering, one leaving — sent through a triggered
 * job as signed webhooks ({@link WebhookExportConnector}) to a local receiver ({@link
 * WebhookReceiver} on the JDK's HTTP server), which verifies each signature and timestamp before
 * accepting it; a forged webhook is refused.
 */
final class WebhookStep {
  static final String JOB = "vip-webhooks";

  record Result(int sent, List<Event> verified, int forgedStatus) {}

  private WebhookStep() {}

  static Result run(Sandbox sandbox, SampleProfiles profiles, Console console) throws Exception {
    HmacSigningSecret secret =
        Authorization.hmac(
            Secret.of(HexFormat.of().formatHex(new SecureRandom().generateSeed(24))));
    List<Event> verified = new CopyOnWriteArrayList<>();
    WebhookReceiver receiver = WebhookReceiver.builder(secret, verified::addAll).build();
    InetSocketAddress loopback = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
    try (JdkWebhookServer server = JdkWebhookServer.start(loopback, "/webhooks", receiver)) {
      WebhookExportConnector connector = WebhookExportConnector.create();
      ConnectorConfig config =
          ConnectorConfig.parse(
              connector.descriptor(),
              Map.of(
                  "url",
                  "http://127.0.0.1:" + server.port() + "/webhooks",
                  "audiences",
                  SampleProfiles.AUDIENCE,
                  "fields",
                  "first_name, plan",
                  "max_delay",
                  "1s"));
      TriggerHandle live =
          sandbox.runner.add(
              TriggeredJob.builder(JOB, connector, config, secret, connector.trigger(config))
                  .build());
      List<Profile> members = profiles.audience();
      Instant now = Instant.now();
      List<AudienceChange> changes =
          List.of(
              AudienceChange.entered(SampleProfiles.AUDIENCE, members.get(0), now),
              AudienceChange.entered(SampleProfiles.AUDIENCE, members.get(1), now),
              AudienceChange.entered(SampleProfiles.AUDIENCE, members.get(2), now),
              AudienceChange.exited(SampleProfiles.AUDIENCE, members.get(3), now));
      for (AudienceChange change : changes) {
        live.offer(change);
      }
      live.flush().get(30, TimeUnit.SECONDS);
      live.cancel();
      console.line(
          "sent %d changes (%s) to %s; the receiver verified %d",
          changes.size(), "3 entered, 1 exited", config.url("url"), verified.size());
      int forged = forged(receiver);
      console.line("a webhook with a forged signature was refused: HTTP %d", forged);
      return new Result(changes.size(), List.copyOf(verified), forged);
    }
  }

  /** What the receiver answers to a webhook signed with the wrong secret. */
  private static int forged(WebhookReceiver receiver) {
    byte[] body = "{\"type\":\"audience.entered\"}".getBytes(StandardCharsets.UTF_8);
    long now = Instant.now().getEpochSecond();
    String signature = WebhookSignature.sign(Secret.of("not-the-shared-secret-0123"), now, body);
    WebhookResponse response =
        receiver.handle(
            "POST",
            Map.of(
                "Content-Type",
                List.of("application/json"),
                WebhookSignature.SIGNATURE_HEADER,
                List.of(signature)),
            new ByteArrayInputStream(body));
    return response.status();
  }
}
