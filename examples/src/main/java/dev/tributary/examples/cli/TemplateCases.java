package dev.tributary.examples.cli;

import dev.tributary.templates.TemplateData;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A file of template cases in the Go oracle's format: a JSON array of {@code {"name", "template",
 * "data", "missingkey"?, "expected"? | "error" + "errorPhase"}}. Data is decoded as Go does.
 */
record TemplateCases(List<Case> cases) {
  record Case(
      String name,
      String template,
      @Nullable Object data,
      @Nullable String missingKey,
      @Nullable String expected,
      @Nullable String error,
      @Nullable String errorPhase) {}

  @SuppressWarnings("unchecked")
  static TemplateCases parse(String json) {
    Object doc = TemplateData.fromJson(json);
    List<Object> items;
    Map<String, Object> shared = Map.of();
    if (doc instanceof Map<?, ?> m && m.get("cases") instanceof List<?> l) {
      items = (List<Object>) l; // this repository's extended format, with shared data
      shared = m.get("data") instanceof Map<?, ?> d ? (Map<String, Object>) d : Map.of();
    } else if (doc instanceof List<?> l) {
      items = (List<Object>) l;
    } else {
      throw new IllegalArgumentException("a cases file must hold a JSON array of cases");
    }
    List<Case> cases = new ArrayList<>(items.size());
    for (Object item : items) {
      if (!(item instanceof Map<?, ?> c) || !(c.get("template") instanceof String template)) {
        throw new IllegalArgumentException("each case needs a \"template\" string: " + item);
      }
      Object data = c.get("data");
      if (data instanceof String ref
          && ref.startsWith("@")
          && shared.containsKey(ref.substring(1))) {
        data = shared.get(ref.substring(1));
      }
      cases.add(
          new Case(
              c.get("name") instanceof String n ? n : "case-" + cases.size(),
              template,
              data,
              (String) c.get("missingkey"),
              (String) c.get("expected"),
              (String) c.get("error"),
              (String) c.get("errorPhase")));
    }
    return new TemplateCases(cases);
  }
}
