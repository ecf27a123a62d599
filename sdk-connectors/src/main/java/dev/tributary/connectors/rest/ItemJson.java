package dev.tributary.connectors.rest;

import dev.tributary.connectors.internal.json.JsonCodec;
import dev.tributary.core.model.AudienceChange;
import dev.tributary.core.model.Profile;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * The JSON form of what a REST export sends, as plain maps for Jackson and for body templates.
 *
 * <pre>
 * profile: {"id", "identities": {...}, "fields": {...}, "audiences": [...], "updated_at"}
 * change:  {"audience", "change": "entered" | "exited" | "fields_changed", "occurred_at",
 *           "changed_fields": [...], "profile": {...}}
 * </pre>
 *
 * Only the user fields named in {@code fields} are included, or all when it is empty. Field values
 * are made {@link JsonCodec#jsonReady JSON-ready}, as every export's are: a value JSON cannot carry
 * (NaN, a record) is a {@code VALIDATION} error naming the field, and the runtime splits the batch
 * to isolate the item.
 */
final class ItemJson {
  private ItemJson() {}

  static Map<String, @Nullable Object> of(Object item, List<String> fields) {
    if (item instanceof Profile p) {
      return profile(p, fields);
    }
    if (item instanceof AudienceChange c) {
      return change(c, fields);
    }
    throw new IllegalArgumentException("not a profile or an audience change: " + item.getClass());
  }

  static Map<String, @Nullable Object> profile(Profile p, List<String> fields) {
    Map<String, @Nullable Object> json = new LinkedHashMap<>();
    json.put("id", p.id());
    json.put("identities", new LinkedHashMap<>(p.identities()));
    Map<String, @Nullable Object> selected = new LinkedHashMap<>();
    if (fields.isEmpty()) {
      p.fields().forEach((f, v) -> selected.put(f, JsonCodec.jsonReady(v, f)));
    } else {
      for (String f : fields) {
        p.field(f).ifPresent(v -> selected.put(f, JsonCodec.jsonReady(v, f)));
      }
    }
    json.put("fields", selected);
    json.put("audiences", new ArrayList<>(p.audiences()));
    p.updatedAt().ifPresent(t -> json.put("updated_at", t.toString()));
    return json;
  }

  static Map<String, @Nullable Object> change(AudienceChange c, List<String> fields) {
    Map<String, @Nullable Object> json = new LinkedHashMap<>();
    json.put("audience", c.audience());
    json.put("change", c.kind().name().toLowerCase(Locale.ROOT));
    json.put("occurred_at", c.occurredAt().toString());
    json.put("changed_fields", new ArrayList<>(new TreeSet<>(c.changedFields())));
    json.put("profile", profile(c.profile(), fields));
    return json;
  }
}
