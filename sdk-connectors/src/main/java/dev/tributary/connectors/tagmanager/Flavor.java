package dev.tributary.connectors.tagmanager;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What a tag manager's data layer looks like: where the event name is, which pushes carry no event,
 * where identities and e-commerce values are, and what its own event names mean in GA4's
 * vocabulary.
 */
enum Flavor {
  /**
   * Google Tag Manager's {@code dataLayer} with GA4 e-commerce (developers.google.com, "Measure
   * ecommerce"): {@code {"event": "purchase", "ecommerce": {"transaction_id", "value", "currency",
   * "tax", "shipping", "coupon", "items": [...]}}}, {@code user_id} at the top and user-provided
   * data under {@code user_data} ({@code email}, {@code phone_number}, {@code
   * sha256_email_address}, {@code sha256_phone_number}). A push without {@code event} sets state
   * and is no event. GTM's own {@code gtm.*} events (gtm.js, gtm.dom, gtm.load, gtm.click, ...) are
   * dropped.
   */
  GTM(
      "event",
      null,
      List.of("gtm.*"),
      List.of(
          "user_id=user_id",
          "email=user_data.email",
          "phone=user_data.phone_number",
          "email_sha256=user_data.sha256_email_address",
          "phone_sha256=user_data.sha256_phone_number"),
      List.of(
          "transaction_id=ecommerce.transaction_id",
          "value=ecommerce.value:number",
          "currency=ecommerce.currency",
          "tax=ecommerce.tax:number",
          "shipping=ecommerce.shipping:number",
          "coupon=ecommerce.coupon",
          "item_list_id=ecommerce.item_list_id",
          "item_list_name=ecommerce.item_list_name"),
      "ecommerce.currency",
      Map.of()),

  /**
   * Tealium's flat {@code utag_data} (the Universal Data Object and its e-commerce conventions):
   * {@code tealium_event} names the event ({@code utag.view} data without one is a {@code
   * page_view}), {@code customer_id} and {@code customer_email} identify, {@code order_id}, {@code
   * order_total}, {@code order_currency}, {@code order_tax}, {@code order_shipping} and {@code
   * order_coupon_code} describe an order, and the parallel arrays {@code product_id}, {@code
   * product_name}, {@code product_brand}, {@code product_category}, {@code product_variant}, {@code
   * product_price}, {@code product_quantity} and {@code product_discount} its items. Its usual
   * event names are renamed to GA4's ({@code cart_add} to {@code add_to_cart}, ...).
   */
  TEALIUM(
      "tealium_event",
      "page_view",
      List.of(),
      List.of("user_id=customer_id", "email=customer_email"),
      List.of(
          "transaction_id=order_id",
          "value=order_total:number",
          "currency=order_currency",
          "tax=order_tax:number",
          "shipping=order_shipping:number",
          "coupon=order_coupon_code"),
      "order_currency",
      Map.of(
          "cart_add", "add_to_cart",
          "cart_remove", "remove_from_cart",
          "cart_view", "view_cart",
          "checkout", "begin_checkout",
          "product_view", "view_item",
          "category_view", "view_item_list",
          "user_login", "login",
          "user_register", "sign_up",
          "email_signup", "generate_lead"));

  final String eventPath;
  final @Nullable String defaultEventName;
  final List<String> ignoreEvents;
  final List<String> identities;
  final List<String> fields;
  final String currencyPath;
  final Map<String, String> renames;

  Flavor(
      String eventPath,
      @Nullable String defaultEventName,
      List<String> ignoreEvents,
      List<String> identities,
      List<String> fields,
      String currencyPath,
      Map<String, String> renames) {
    this.eventPath = eventPath;
    this.defaultEventName = defaultEventName;
    this.ignoreEvents = ignoreEvents;
    this.identities = identities;
    this.fields = fields;
    this.currencyPath = currencyPath;
    this.renames = renames;
  }
}
