package dev.tributary.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tributary.core.model.Event;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class WebhooksExampleTest {
  @Test
  @Timeout(60)
  void roundTrip_webhooksOutAreVerifiedByTheReceiverOnTheJdkServer() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    List<Event> received =
        WebhooksExample.run(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    String out = bytes.toString(StandardCharsets.UTF_8);

    assertThat(out).contains("check: CheckResult[problems=[]]");
    assertThat(received)
        .extracting(e -> e.name() + " " + e.identities().get("email"))
        .containsExactlyInAnyOrder(
            "audience.entered ann@example.com",
            "audience.entered bob@example.com",
            "audience.exited bob@example.com");
    assertThat(received.get(received.size() - 1).name()).isEqualTo("audience.exited");
    Event ann =
        received.stream()
            .filter(e -> e.identities().containsValue("ann@example.com"))
            .findFirst()
            .orElseThrow();
    assertThat(((Map<?, ?>) ann.fields().get("user")).get("fields"))
        .isEqualTo(Map.of("first_name", "Ann", "plan", "pro"));
    assertThat(ann.fields().get("id")).asString().matches("evt_[0-9a-f]{32}");
    assertThat(out).contains("received audience.exited for bob@example.com");
  }
}
