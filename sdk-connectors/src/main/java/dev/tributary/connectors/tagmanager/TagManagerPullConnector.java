package dev.tributary.connectors.tagmanager;

import dev.tributary.connectors.internal.json.JsonCodec;
import dev.tributary.connectors.internal.json.JsonPath;
import dev.tributary.connectors.pull.DataLayerPullConnector;
import dev.tributary.core.ConfigException;
import dev.tributary.core.ValidationException;
import dev.tributary.core.connector.CheckResult;
import dev.tributary.core.connector.ConnectorContext;
import dev.tributary.core.connector.ConnectorDescriptor;
import dev.tributary.core.connector.PullConnector;
import dev.tributary.core.model.Event;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Pull for tag managers: turns what a page posts from Google Tag Manager's {@code dataLayer} (or
 * Tealium's {@code utag_data}) into events, on top of the generic {@link DataLayerPullConnector}
 * with the vendor's conventions as defaults (see {@link #descriptor()} and the guide):
 *
 * <ul>
 *   <li><b>names</b>: GTM's event names are GA4's already ({@code add_to_cart}, {@code purchase});
 *       Tealium's usual ones are renamed to them ({@code cart_add} becomes {@code add_to_cart}, the
 *       original kept as {@code source_event}); GTM's own {@code gtm.*} events are dropped;
 *   <li><b>identities</b>: {@code user_id}, and {@code user_data.email} / {@code phone_number} and
 *       their SHA-256 forms (GTM), or {@code customer_id} and {@code customer_email} (Tealium);
 *   <li><b>typed e-commerce fields</b>: {@code transaction_id}, {@code value} and {@code tax} and
 *       {@code shipping} as exact decimals, {@code currency} as an upper-case ISO 4217 code, and
 *       {@code items} as GA4 items with decimal prices and whole quantities (Tealium's parallel
 *       {@code product_*} arrays are zipped into the same shape); every other key is kept raw;
 *   <li><b>state pushes</b>: a GTM push without {@code event} only sets data-layer state; it yields
 *       no event, but the identities it sets ({@code {"user_id": "u-1"}} after login) are carried
 *       to the later events of the same posted array, as GTM's data model would.
 * </ul>
 *
 * <p>Malformed pushes are {@link ValidationException}s naming the path ({@code push 2: path
 * "ecommerce.items.0": field "price" (from "price"): "free" is not a number}). Data from browsers
 * is not authenticated: its identities are claims.
 *
 * <p>Stateless and thread-safe.
 */
public final class TagManagerPullConnector implements PullConnector {
  static final String FLAVOR = "flavor";
  static final String IDENTITIES = "identities";
  static final String FIELDS = "fields";
  static final String IGNORE_EVENTS = "ignore_events";
  static final String DEFAULT_EVENT_NAME = "default_event_name";
  static final String COLLECT_EVENTS = "collect_events";
  static final String RENAME_EVENTS = "rename_events";
  static final String CARRY_IDENTITIES = "carry_identities";
  static final String TIMESTAMP_PATH = "timestamp_path";
  static final String MAX_BODY_BYTES = "max_body_bytes";
  static final String GA4_ECOMMERCE = "ga4_ecommerce";

  /** GA4's recommended e-commerce events, which {@code collect_events = ga4_ecommerce} keeps. */
  public static final List<String> GA4_ECOMMERCE_EVENTS =
      List.of(
          "view_item_list",
          "select_item",
          "view_item",
          "add_to_wishlist",
          "add_to_cart",
          "remove_from_cart",
          "view_cart",
          "begin_checkout",
          "add_shipping_info",
          "add_payment_info",
          "purchase",
          "refund",
          "view_promotion",
          "select_promotion");

  /** The descriptor, for catalogues: settings, defaults per flavor and what the pull yields. */
  public static final ConnectorDescriptor DESCRIPTOR = TagManagerDescriptor.DESCRIPTOR;

  private final DataLayerPullConnector generic = DataLayerPullConnector.create();

  private TagManagerPullConnector() {}

  public static TagManagerPullConnector create() {
    return new TagManagerPullConnector();
  }

  @Override
  public ConnectorDescriptor descriptor() {
    return DESCRIPTOR;
  }

  @Override
  public CheckResult check(ConnectorContext context) {
    CheckResult base = PullConnector.super.check(context);
    if (!base.isOk()) {
      return base;
    }
    TagManagerSettings s;
    try {
      s = settings(context);
    } catch (ConfigException e) {
      return CheckResult.problem(e.setting().orElse(FLAVOR), e.getMessage());
    }
    return generic.check(derived(context, s));
  }

  /**
   * Maps one push.
   *
   * @return the event, or nothing for a state push or an event dropped or not collected
   * @throws ValidationException naming the path that is wrong
   */
  @Override
  public List<Event> pull(ConnectorContext context, Map<String, @Nullable Object> dataLayer) {
    Objects.requireNonNull(dataLayer, "dataLayer");
    TagManagerSettings s = settings(context);
    return push(derived(context, s), s, dataLayer, new LinkedHashMap<>());
  }

  /**
   * Decodes a posted body — one push, or the page's pushes as an array, in order — and maps each;
   * identities set by earlier pushes of an array carry to later events ({@code carry_identities}).
   *
   * @throws ValidationException for a body that is too large or not JSON objects, or a push that is
   *     malformed (prefixed with its position)
   */
  public List<Event> pullJson(ConnectorContext context, byte[] body) {
    TagManagerSettings s = settings(context);
    long max = context.config().integer(MAX_BODY_BYTES);
    if (body.length > max) {
      throw new ValidationException(
          "the body has " + body.length + " bytes; at most " + max + " are taken (max_body_bytes)");
    }
    Object doc = JsonCodec.parse(body);
    ConnectorContext derived = derived(context, s);
    if (doc instanceof Map<?, ?> map) {
      return push(derived, s, cast(map), new LinkedHashMap<>());
    }
    if (!(doc instanceof List<?> pushes)) {
      throw new ValidationException(
          "post one data-layer push or an array of them, not " + JsonPath.kind(doc));
    }
    Map<String, String> carried = new LinkedHashMap<>();
    List<Event> events = new ArrayList<>();
    for (int i = 0; i < pushes.size(); i++) {
      if (!(pushes.get(i) instanceof Map<?, ?> map)) {
        throw new ValidationException(
            "push " + i + " must be an object, not " + JsonPath.kind(pushes.get(i)));
      }
      try {
        events.addAll(push(derived, s, cast(map), carried));
      } catch (ValidationException e) {
        throw new ValidationException(
            "push " + i + ": " + e.getMessage(), e.field().orElse(null), -1, e);
      }
    }
    return events;
  }

  private List<Event> push(
      ConnectorContext derived,
      TagManagerSettings s,
      Map<String, @Nullable Object> push,
      Map<String, String> carried) {
    List<Event> out = new ArrayList<>();
    boolean state = JsonPath.find(push, s.flavor().eventPath) == null;
    if (!state || s.defaultEventName() != null) {
      for (Event e : generic.pull(derived, push)) {
        Event event = VendorEvents.refine(s, push, e, s.carryIdentities() ? carried : Map.of());
        if (s.collect().isEmpty() || s.collect().contains(event.name())) {
          out.add(event);
        }
      }
    }
    carry(s, push, carried);
    return out;
  }

  /** Remembers the identities {@code push} sets, for the events after it. */
  private static void carry(
      TagManagerSettings s, Map<String, @Nullable Object> push, Map<String, String> carried) {
    s.identityPaths()
        .forEach(
            (kind, path) -> {
              Object value = JsonPath.find(push, path);
              if (value instanceof String text && !text.isBlank()) {
                carried.put(kind, text);
              } else if (value instanceof Number || value instanceof Boolean) {
                carried.put(kind, String.valueOf(value));
              }
            });
  }

  private TagManagerSettings settings(ConnectorContext context) {
    return TagManagerSettings.of(context.config(), generic.descriptor());
  }

  private static ConnectorContext derived(ConnectorContext context, TagManagerSettings s) {
    return new ConnectorContext(
        s.generic(), context.authorization(), context.clock(), context.reporter());
  }

  @SuppressWarnings("unchecked")
  private static Map<String, @Nullable Object> cast(Map<?, ?> map) {
    return (Map<String, @Nullable Object>) map;
  }

  @Override
  public String toString() {
    return "TagManagerPullConnector";
  }
}
