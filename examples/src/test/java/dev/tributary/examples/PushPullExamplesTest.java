package dev.tributary.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tributary.core.model.Event;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PushPullExamplesTest {
  final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

  @Test
  void pull_dropsTheSystemEvent_andMapsThePurchase() {
    List<Event> events = DataLayerPullExample.run(out);
    assertThat(events)
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.name()).isEqualTo("purchase");
              assertThat(e.identities()).containsEntry("email", "ann@example.com");
              assertThat(e.fields())
                  .containsEntry("order_id", "T-1001")
                  .containsEntry("revenue", new BigDecimal("49.90"))
                  .containsKeys("user", "ecommerce");
            });
    assertThat(bytes.toString(StandardCharsets.UTF_8))
        .startsWith("purchase {email=ann@example.com}");
  }

  @Test
  void push_surfacesOnlyTheChosenFieldsAndMemberships() {
    Map<String, Object> doc = PersonalizationPushExample.run(out);
    assertThat(doc)
        .isEqualTo(
            Map.of(
                "fields", Map.of("first_name", "Ann", "plan", "pro"),
                "audiences", Map.of("vip", true, "churn_risk", false)));
  }
}
