package dev.tributary.connectors.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tributary.core.ConfigException;
import dev.tributary.core.auth.Authorization;
import dev.tributary.core.auth.Secret;
import dev.tributary.core.connector.CheckResult;
import dev.tributary.core.connector.Checkpoint;
import dev.tributary.core.connector.ConnectorContext;
import dev.tributary.core.connector.Page;
import dev.tributary.core.job.Job;
import dev.tributary.core.job.JobHandle;
import dev.tributary.core.job.JobRunner;
import dev.tributary.core.job.RunSnapshot;
import dev.tributary.core.job.RunStatus;
import dev.tributary.core.model.Event;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class WebhookInConnectorTest extends WebhookInFixture {
  long t = NOW.getEpochSecond();

  @Test
  void configuredPaths_reachTheReceiver() {
    settings.put("event_name_path", "kind");
    settings.put("timestamp_path", "created");
    settings.put("identity_paths", "email=data.email, customer_id=data.id");
    settings.put("signature_header", "Stripe-Signature");
    String json =
        "{\"kind\":\"customer.created\",\"created\":1764583000,\"data\":{\"email\":\"a@b.c\",\"id\":7}}";
    WebhookRequest stripeLike =
        WebhookRequest.of(
            "POST",
            java.util.Map.of(
                "Content-Type",
                "application/json",
                "Stripe-Signature",
                dev.tributary.connectors.testing.Hmac.header(SECRET, t, utf8(json))),
            utf8(json));

    assertThat(connector.receiver(context()).handle(stripeLike).status()).isEqualTo(200);

    Event event = connector.read(context(), Checkpoint.initial()).records().get(0);
    assertThat(event.name()).isEqualTo("customer.created");
    assertThat(event.occurredAt()).isEqualTo(java.time.Instant.ofEpochSecond(1764583000));
    assertThat(event.identities())
        .containsExactly(
            java.util.Map.entry("email", "a@b.c"), java.util.Map.entry("customer_id", "7"));
  }

  @Test
  void read_pagesInOrderFromTheCheckpoint() {
    settings.put("page_size", "2");
    WebhookReceiver receiver = connector.receiver(context());
    for (int i = 0; i < 5; i++) {
      receiver.handle(signed("{\"type\":\"e" + i + "\"}", t + i));
    }
    List<String> names = new ArrayList<>();
    Checkpoint at = Checkpoint.initial();
    Page<Event> page;
    do {
      page = connector.read(context(), at);
      page.records().forEach(e -> names.add(e.name()));
      at = page.next();
    } while (!page.last());
    assertThat(names).containsExactly("e0", "e1", "e2", "e3", "e4");
    assertThat(connector.read(context(), at).records()).isEmpty();
    assertThat(connector.read(context(), at).next()).isEqualTo(at);
  }

  @Test
  void aFullInbox_answers503_soTheSenderRetries_andNothingIsLost() {
    WebhookInConnector small = WebhookInConnector.create(WebhookInbox.inMemory(1));
    WebhookReceiver receiver = small.receiver(context());
    assertThat(receiver.handle(signed("{\"type\":\"a\"}", t)).status()).isEqualTo(200);
    WebhookRequest second = signed("{\"type\":\"b\"}", t);
    WebhookResponse full = receiver.handle(second);
    assertThat(full.status()).isEqualTo(503);
    assertThat(full.headers()).containsEntry("Retry-After", "30");

    Page<Event> first = small.read(context(), Checkpoint.initial());
    small.read(context(), first.next()); // committed: the inbox drops it
    assertThat(receiver.handle(second).status()).isEqualTo(200);
    assertThat(small.read(context(), first.next()).records())
        .extracting(Event::name)
        .containsExactly("b");
  }

  @Test
  @Timeout(60)
  void anImportJob_takesTheInboxIntoTheHostsSink() throws Exception {
    WebhookReceiver receiver = connector.receiver(context());
    receiver.handle(signed("[{\"type\":\"a\"},{\"type\":\"b\"}]", t));
    List<Event> committed = new ArrayList<>();
    try (JobRunner runner = JobRunner.builder().clock(clock).sleeper(clock).build()) {
      JobHandle job =
          runner.add(
              Job.importing(
                      "webhooks-in",
                      connector,
                      context().config(),
                      authorization(),
                      (List<? extends Event> page) -> {
                        committed.addAll(page);
                        return dev.tributary.core.connector.BatchResult.allOk(page.size());
                      })
                  .build());
      RunSnapshot run = job.runNow().get(30, TimeUnit.SECONDS);
      assertThat(run.status()).isEqualTo(RunStatus.SUCCEEDED);
    }
    assertThat(committed).extracting(Event::name).containsExactly("a", "b");
  }

  @Test
  void check_refusesAShortSecret_andOutOfRangeSettings_byName() {
    ConnectorContext weak =
        new ConnectorContext(context().config(), Authorization.hmac(Secret.of("tiny")), clock);
    assertThat(connector.check(weak).problems())
        .extracting(CheckResult.Problem::setting)
        .containsExactly("authorization");

    settings.put("max_events", "0");
    assertThat(connector.check(context()).problems())
        .containsExactly(
            new CheckResult.Problem("max_events", "\"max_events\" must be at least 1, not 0"));
    settings.remove("max_events");
    settings.put("identity_paths", "email");
    assertThatThrownBy(() -> connector.receiver(context()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("identity_paths entries are kind=path, not \"email\"");
  }
}
