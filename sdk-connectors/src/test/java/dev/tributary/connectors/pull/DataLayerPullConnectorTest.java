package dev.tributary.connectors.pull;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tributary.connectors.testutil.SettingsKit;
import dev.tributary.core.ValidationException;
import dev.tributary.core.connector.CheckResult;
import dev.tributary.core.connector.ConnectorContext;
import dev.tributary.core.model.Event;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DataLayerPullConnectorTest extends SettingsKit<DataLayerPullConnector> {
  static final String PURCHASE =
      """
      {"event": "purchase", "gtm.uniqueEventId": 17,
       "user": {"email": " Ann@Example.com ", "id": 4711},
       "ecommerce": {"transaction_id": "T-1", "value": "49.90", "currency": "EUR",
                     "items": [{"item_id": "SKU-1", "price": 49.9, "quantity": 1}]},
       "page_type": null}
      """;

  DataLayerPullConnectorTest() {
    super(DataLayerPullConnector.create());
    settings.put("identities", "email=user.email, user_id=user.id");
    settings.put(
        "fields",
        "revenue=ecommerce.value:number, currency=ecommerce.currency, first_item=ecommerce.items.0.item_id");
  }

  @Override
  protected void exerciseOnce(ConnectorContext context) {
    assertThat(connector.pullJson(context, utf8(PURCHASE))).hasSize(1);
  }

  static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  Event one(String json) {
    List<Event> events = connector.pullJson(context(), utf8(json));
    assertThat(events).hasSize(1);
    return events.get(0);
  }

  @Test
  void aPurchasePush_becomesAnEvent_withMappedIdentitiesAndFields_andTheRestRaw() {
    Event event = one(PURCHASE);

    assertThat(event.name()).isEqualTo("purchase");
    assertThat(event.occurredAt()).isEqualTo(NOW);
    assertThat(event.identities())
        .containsExactly(Map.entry("email", " Ann@Example.com "), Map.entry("user_id", "4711"));
    assertThat(event.fields().keySet())
        .containsExactly(
            "revenue",
            "currency",
            "first_item",
            "gtm.uniqueEventId",
            "user",
            "ecommerce",
            "page_type");
    assertThat(event.fields().get("revenue")).isEqualTo(new BigDecimal("49.90"));
    assertThat(event.fields())
        .containsEntry("first_item", "SKU-1")
        .containsEntry("page_type", null);
    assertThat(((Map<?, ?>) event.fields().get("ecommerce")).get("items"))
        .isEqualTo(
            List.of(Map.of("item_id", "SKU-1", "price", new BigDecimal("49.9"), "quantity", 1)));
  }

  @Test
  void keysWithDots_asTagManagersWriteThem_areFoundByPath() {
    settings.put("fields", "started=gtm.start:timestamp, element=gtm.element.id");
    Event event =
        one("{\"event\":\"click\",\"gtm.start\":1764583200000,\"gtm.element\":{\"id\":\"buy\"}}");
    assertThat(event.fields())
        .containsEntry("started", Instant.ofEpochMilli(1764583200000L))
        .containsEntry("element", "buy");
  }

  @Test
  void theEventTime_canComeFromThePush() {
    settings.put("timestamp_path", "meta.sent_at");
    Event event = one("{\"event\":\"view\",\"meta\":{\"sent_at\":\"2026-11-30T08:00:00+01:00\"}}");
    assertThat(event.occurredAt()).isEqualTo(Instant.parse("2026-11-30T07:00:00Z"));
  }

  @Test
  void tagManagerSystemEvents_areDroppedByDefault_andTheListCanBeChanged() {
    assertThat(connector.pullJson(context(), utf8("{\"event\":\"gtm.js\",\"gtm.start\":1}")))
        .isEmpty();
    settings.put("ignore_events", "debug_ping");
    assertThat(connector.pullJson(context(), utf8("{\"event\":\"gtm.js\"}"))).hasSize(1);
    assertThat(connector.pullJson(context(), utf8("{\"event\":\"debug_ping\"}"))).isEmpty();
  }

  @Test
  void aPushWithoutAName_isRefusedNamingThePath_unlessADefaultIsSet() {
    assertThatThrownBy(() -> one("{\"user_id\":\"u1\"}"))
        .isInstanceOfSatisfying(
            ValidationException.class, e -> assertThat(e.field()).contains("event"))
        .hasMessageContaining("path \"event\": the push has no event name");
    settings.put("default_event_name", "data_layer");
    assertThat(one("{\"user_id\":\"u1\"}").name()).isEqualTo("data_layer");
    assertThatThrownBy(() -> one("{\"event\":42}"))
        .hasMessage("path \"event\": the event name must be text, not a number");
  }

  @Test
  void aValueOfTheWrongType_namesTheFieldAndItsPath() {
    assertThatThrownBy(() -> one(PURCHASE.replace("\"49.90\"", "\"free\"")))
        .isInstanceOfSatisfying(
            ValidationException.class, e -> assertThat(e.field()).contains("revenue"))
        .hasMessageStartingWith("field \"revenue\" (from \"ecommerce.value\"): \"free\"");
  }

  @Test
  void aPathThroughText_isRefusedNamingThePath() {
    assertThatThrownBy(() -> one("{\"event\":\"x\",\"user\":\"anonymous\"}"))
        .isInstanceOfSatisfying(
            ValidationException.class, e -> assertThat(e.field()).contains("user.email"))
        .hasMessage("path \"user.email\": \"user\" is a string, not an object or a list");
    assertThatThrownBy(
            () -> one("{\"event\":\"x\",\"ecommerce\":{\"items\":{\"0\":1}},\"user\":{}}"))
        .hasMessageContaining("ecommerce.items.0.item_id");
  }

  @Test
  void anIdentityOfTheWrongShape_isNamedButNeverShown() {
    assertThatThrownBy(() -> one("{\"event\":\"x\",\"user\":{\"email\":{\"secret\":\"ann@x\"}}}"))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("field \"email\" (from \"user.email\")")
        .hasMessageContaining("personal data")
        .message()
        .doesNotContain("ann@x");
  }

  @Test
  void pullJson_takesAnArrayOfPushes_andNamesTheOneThatIsWrong() {
    List<Event> events =
        connector.pullJson(
            context(), utf8("[{\"event\":\"a\"},{\"event\":\"gtm.dom\"},{\"event\":\"c\"}]"));
    assertThat(events).extracting(Event::name).containsExactly("a", "c");
    assertThatThrownBy(
            () -> connector.pullJson(context(), utf8("[{\"event\":\"a\"},{\"event\":[]}]")))
        .hasMessage("push 1: path \"event\": the event name must be text, not a list");
    assertThatThrownBy(() -> connector.pullJson(context(), utf8("[{\"event\":\"a\"},7]")))
        .hasMessage("push 1 must be an object, not a number");
    assertThatThrownBy(() -> connector.pullJson(context(), utf8("\"purchase\"")))
        .hasMessage("post one data-layer object or an array of them, not a string");
  }

  @Test
  void pullJson_refusesBrokenAndOversizedBodies() {
    assertThatThrownBy(() -> connector.pullJson(context(), utf8("{\"event\":\n}")))
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.line()).isEqualTo(2))
        .hasMessageStartingWith("the body is not valid JSON at line 2");
    settings.put("max_body_bytes", "10");
    assertThatThrownBy(() -> connector.pullJson(context(), utf8(PURCHASE)))
        .hasMessageContaining("at most 10 are taken (max_body_bytes)");
  }

  @Test
  void check_namesMappingSettingsThatCannotWork() {
    settings.put("fields", "revenue=ecommerce.value:money");
    CheckResult result = connector.check(context());
    assertThat(result.problems())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.setting()).isEqualTo("fields");
              assertThat(p.message()).contains("unknown type \"money\"").contains("number");
            });
    settings.put("fields", "revenue");
    assertThat(connector.check(context()).problems().get(0).message())
        .isEqualTo("fields entries are name=path, not \"revenue\"");
    settings.put("fields", "");
    settings.put("identities", "email=user.email:string");
    assertThat(connector.check(context()).problems().get(0).setting()).isEqualTo("identities");
  }
}
