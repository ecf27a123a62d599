package dev.tributary.connectors.tagmanager;

import dev.tributary.core.ValidationException;
import dev.tributary.core.model.Event;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What the tag-manager layer adds to the generic connector's event: the GA4 name (the data layer's
 * own kept as {@code source_event}), the typed fields first with {@code currency} checked and
 * upper-cased and {@code items} typed after them, then the raw keys; and identities carried from
 * earlier pushes where the event has none of that kind.
 */
final class VendorEvents {
  private VendorEvents() {}

  static Event refine(
      TagManagerSettings s,
      Map<String, @Nullable Object> push,
      Event event,
      Map<String, String> carried) {
    String name = event.name();
    String renamed = s.renameEvents() ? s.flavor().renames.getOrDefault(name, name) : name;
    Map<String, @Nullable Object> fields = new LinkedHashMap<>();
    for (String mapped : s.mappedFields()) {
      if (event.fields().containsKey(mapped)) {
        fields.put(mapped, event.fields().get(mapped));
      }
    }
    if (fields.get("currency") instanceof String currency) {
      fields.put("currency", currency(currency));
    }
    EcommerceItems.of(s.flavor(), push).ifPresent(items -> fields.put("items", items));
    if (!renamed.equals(name)) {
      fields.put("source_event", name);
    }
    event.fields().forEach(fields::putIfAbsent);
    Map<String, String> identities = new LinkedHashMap<>(event.identities());
    carried.forEach(identities::putIfAbsent);
    return new Event(renamed, event.occurredAt(), identities, fields);
  }

  private static String currency(String raw) {
    String code = raw.strip().toUpperCase(Locale.ROOT);
    if (!code.matches("[A-Z]{3}")) {
      throw new ValidationException(
          "field \"currency\": \""
              + (raw.length() > 20 ? raw.substring(0, 20) + "…" : raw)
              + "\" is not an ISO 4217 currency code such as EUR",
          "currency",
          -1,
          null);
    }
    return code;
  }
}
