package dev.tributary.connectors.tagmanager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tributary.connectors.testutil.SettingsKit;
import dev.tributary.core.ValidationException;
import dev.tributary.core.connector.CheckResult;
import dev.tributary.core.connector.ConnectorContext;
import dev.tributary.core.model.Event;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * GTM data layers and Tealium objects (fixtures in {@code src/test/resources/…/tagmanager}, see the
 * README there for what each follows) into events.
 */
class TagManagerPullConnectorTest extends SettingsKit<TagManagerPullConnector> {
  TagManagerPullConnectorTest() {
    super(TagManagerPullConnector.create());
  }

  @Override
  protected void exerciseOnce(ConnectorContext context) {
    assertThat(connector.pullJson(context, fixture("gtm-datalayer.json"))).hasSize(3);
  }

  static byte[] fixture(String name) {
    try (InputStream in = TagManagerPullConnectorTest.class.getResourceAsStream(name)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  List<Event> pull(String json) {
    return connector.pullJson(context(), json.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void theDescriptorConstant_isTheConnectorsDescriptor_andSaysWhatIsUncertain() {
    assertThat(connector.descriptor()).isSameAs(TagManagerPullConnector.DESCRIPTOR);
    assertThat(TagManagerPullConnector.DESCRIPTOR.description())
        .contains("Uncertain", "unauthenticated");
  }

  @Test
  void aGtmDataLayer_yieldsItsGa4Events_droppingSystemEventsAndStatePushes() {
    List<Event> events = connector.pullJson(context(), fixture("gtm-datalayer.json"));

    assertThat(events)
        .extracting(Event::name)
        .containsExactly("view_item", "add_to_cart", "purchase");
    assertThat(events).allSatisfy(e -> assertThat(e.occurredAt()).isEqualTo(NOW));
  }

  @Test
  void theUserIdSetByAnEarlierStatePush_isCarriedToLaterEvents() {
    List<Event> events = connector.pullJson(context(), fixture("gtm-datalayer.json"));

    assertThat(events.get(0).identities()).containsExactly(Map.entry("user_id", "u-4711"));
    assertThat(events.get(2).identities())
        .containsExactly(
            Map.entry("email", "ann@example.com"),
            Map.entry("phone", "+4930123456"),
            Map.entry("user_id", "u-4711"));
  }

  @Test
  void withoutCarrying_anEventHasOnlyItsOwnIdentities() {
    settings.put("carry_identities", "false");

    List<Event> events = connector.pullJson(context(), fixture("gtm-datalayer.json"));

    assertThat(events.get(0).identities()).isEmpty();
    assertThat(events.get(2).identities()).containsOnlyKeys("email", "phone");
  }

  @Test
  void aPurchase_hasTypedEcommerceFieldsFirst_thenItsItems_thenTheRawKeys() {
    Event purchase = connector.pullJson(context(), fixture("gtm-datalayer.json")).get(2);

    assertThat(purchase.fields().keySet())
        .containsExactly(
            "transaction_id",
            "value",
            "currency",
            "tax",
            "shipping",
            "coupon",
            "items",
            "user_data",
            "ecommerce");
    assertThat(purchase.fields())
        .containsEntry("transaction_id", "T-1001")
        .containsEntry("value", new BigDecimal("105.70"))
        .containsEntry("tax", new BigDecimal("16.88"))
        .containsEntry("currency", "EUR");
    assertThat(purchase.fields().get("items"))
        .isEqualTo(
            List.of(
                Map.of(
                    "item_id", "SKU-1",
                    "item_name", "Winter jacket",
                    "affiliation", "Web shop",
                    "coupon", "WINTER10",
                    "discount", new BigDecimal("4.99"),
                    "price", new BigDecimal("49.90"),
                    "quantity", 2L)));
  }

  @Test
  void valuesSentAsText_areTypedAlike_andTheCurrencyIsUpperCased() {
    Event cart = connector.pullJson(context(), fixture("gtm-datalayer.json")).get(1);

    assertThat(cart.fields())
        .containsEntry("value", new BigDecimal("99.80"))
        .containsEntry("currency", "EUR");
    assertThat((List<?>) cart.fields().get("items"))
        .singleElement()
        .isEqualTo(
            Map.of(
                "item_id",
                "SKU-1",
                "item_name",
                "Winter jacket",
                "price",
                new BigDecimal("49.90"),
                "quantity",
                2L,
                "index",
                0L));
  }

  @Test
  void collectingGa4Ecommerce_keepsOnlyThoseEvents() {
    settings.put("collect_events", "ga4_ecommerce");

    List<Event> events =
        pull(
            "[{\"event\":\"login\",\"method\":\"Google\"},"
                + "{\"event\":\"view_cart\",\"ecommerce\":{\"currency\":\"EUR\",\"value\":1}}]");

    assertThat(events).extracting(Event::name).containsExactly("view_cart");
  }

  @Test
  void aTealiumOrder_becomesAGa4Purchase_withItsProductArraysZippedIntoItems() {
    settings.put("flavor", "tealium");

    List<Event> events = connector.pullJson(context(), fixture("tealium-purchase.json"));

    Event purchase = events.get(0);
    assertThat(purchase.name()).isEqualTo("purchase");
    assertThat(purchase.identities())
        .containsExactly(Map.entry("user_id", "u-4711"), Map.entry("email", "ann@example.com"));
    assertThat(purchase.fields())
        .containsEntry("transaction_id", "T-1001")
        .containsEntry("value", new BigDecimal("111.60"))
        .containsEntry("currency", "EUR")
        .containsEntry("coupon", "WINTER10")
        .containsEntry("page_type", "order_confirmation")
        .containsKey("product_id");
    assertThat(purchase.fields().get("items"))
        .isEqualTo(
            List.of(
                Map.of(
                    "item_id", "SKU-1",
                    "item_name", "Winter jacket",
                    "item_brand", "Nordwand",
                    "item_category", "Jackets",
                    "price", new BigDecimal("49.90"),
                    "quantity", 2L),
                Map.of(
                    "item_id", "SKU-2",
                    "item_name", "Wool hat",
                    "item_brand", "Nordwand",
                    "item_category", "Hats",
                    "price", new BigDecimal("5.90"),
                    "quantity", 1L)));
  }

  @Test
  void tealiumsEventNames_becomeGa4s_keepingTheOriginal_andAViewIsAPageView() {
    settings.put("flavor", "tealium");

    List<Event> events =
        pull(
            "[{\"page_type\":\"product\",\"product_id\":\"SKU-1\"},"
                + "{\"tealium_event\":\"cart_add\",\"product_id\":[\"SKU-1\"],"
                + "\"product_quantity\":[\"1\"]},"
                + "{\"tealium_event\":\"newsletter_open\"}]");

    assertThat(events)
        .extracting(Event::name)
        .containsExactly("page_view", "add_to_cart", "newsletter_open");
    assertThat(events.get(1).fields()).containsEntry("source_event", "cart_add");
    assertThat(events.get(0).fields().get("items")).isEqualTo(List.of(Map.of("item_id", "SKU-1")));
  }

  @Test
  void renamingCanBeTurnedOff() {
    settings.put("flavor", "tealium");
    settings.put("rename_events", "false");

    assertThat(pull("{\"tealium_event\":\"cart_add\"}"))
        .extracting(Event::name)
        .containsExactly("cart_add");
  }

  @Test
  void settingsReplaceTheFlavorsDefaults_fieldByField() {
    settings.put("identities", "customer_id=crm.id");
    settings.put("fields", "value=ecommerce.revenue:number, list=ecommerce.list");

    Event event =
        pull("{\"event\":\"purchase\",\"crm\":{\"id\":\"C-9\"},\"user_id\":\"u-1\","
                + "\"ecommerce\":{\"revenue\":\"12.5\",\"value\":\"ignored\","
                + "\"list\":\"Search\"}}")
            .get(0);

    assertThat(event.identities()).containsExactly(Map.entry("customer_id", "C-9"));
    assertThat(event.fields())
        .containsEntry("value", new BigDecimal("12.5"))
        .containsEntry("list", "Search");
  }

  @Test
  void aPriceThatIsNoNumber_isRefused_namingThePushAndTheItem() {
    assertThatThrownBy(
            () ->
                pull(
                    "[{\"event\":\"gtm.js\"},{\"event\":\"add_to_cart\",\"ecommerce\":"
                        + "{\"items\":[{\"item_id\":\"A\"},{\"item_id\":\"B\",\"price\":\"free\"}]}}]"))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("push 1: path \"ecommerce.items.1\": field \"price\"")
        .hasMessageContaining("\"free\" is not a number");
  }

  @Test
  void aCurrencyThatIsNoIsoCode_isRefused() {
    assertThatThrownBy(
            () -> pull("{\"event\":\"purchase\",\"ecommerce\":{\"currency\":\"euros\"}}"))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("\"euros\" is not an ISO 4217 currency code");
  }

  @Test
  void itemsThatAreNotAList_orTealiumArraysOfDifferentLengths_areRefused() {
    assertThatThrownBy(() -> pull("{\"event\":\"view_item\",\"ecommerce\":{\"items\":{}}}"))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("items must be a list, not an object");

    settings.put("flavor", "tealium");
    assertThatThrownBy(
            () ->
                pull(
                    "{\"tealium_event\":\"purchase\",\"product_id\":[\"A\",\"B\"],"
                        + "\"product_price\":[\"1\"]}"))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("product_price")
        .hasMessageContaining("parallel");
  }

  @Test
  void check_namesAnUnknownFlavor_andAMalformedMapping() {
    settings.put("flavor", "adobe");
    assertThat(connector.check(context()).problems())
        .extracting(CheckResult.Problem::setting)
        .containsExactly("flavor");

    settings.put("flavor", "gtm");
    settings.put("fields", "revenue=ecommerce.value:money");
    assertThat(connector.check(context()).problems())
        .singleElement()
        .satisfies(p -> assertThat(p.message()).contains("unknown type \"money\""));
  }
}
