package dev.tributary.templates;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One case of a conformance file: a template, its data as JSON text, the missing-key option, and
 * what Go's text/template + sprig produced: output, or an error and its phase.
 */
record GoCase(
    String name,
    String template,
    String dataJson,
    @Nullable String missingKey,
    @Nullable String expected,
    @Nullable String error,
    @Nullable String errorPhase) {

  /** The outcome of rendering a case: output, or an error message and its phase. */
  record Outcome(@Nullable String output, @Nullable String error, @Nullable String phase) {
    static Outcome rendered(String output) {
      return new Outcome(output, null, null);
    }

    static Outcome failed(String phase, String error) {
      return new Outcome(null, error, phase);
    }
  }

  Outcome goOutcome() {
    return expected != null ? Outcome.rendered(expected) : Outcome.failed(errorPhase, error);
  }

  /** Reads a case file: the shared format (an array), or ours with shared data under "data". */
  static List<GoCase> load(String resource) throws IOException {
    String json;
    try (InputStream in = GoCase.class.getResourceAsStream("/" + resource)) {
      Objects.requireNonNull(in, resource);
      json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    return parse(json);
  }

  @SuppressWarnings("unchecked")
  static List<GoCase> parse(String json) {
    Object doc = TemplateData.fromJson(json);
    List<Object> items;
    Map<String, Object> shared = Map.of();
    if (doc instanceof Map<?, ?> m) {
      items = (List<Object>) m.get("cases");
      shared = (Map<String, Object>) m.get("data");
    } else {
      items = (List<Object>) doc;
    }
    List<GoCase> cases = new ArrayList<>(items.size());
    for (Object item : items) {
      Map<String, Object> c = (Map<String, Object>) item;
      Object data = c.get("data");
      if (data instanceof String ref && ref.startsWith("@")) {
        data = shared.get(ref.substring(1));
      }
      cases.add(
          new GoCase(
              (String) c.get("name"),
              (String) c.get("template"),
              Json.write(data),
              (String) c.get("missingkey"),
              (String) c.get("expected"),
              (String) c.get("error"),
              (String) c.get("errorPhase")));
    }
    return cases;
  }

  /** Renders this case with our engine, decoding its data as Go's encoding/json does. */
  Outcome render(GoVersion version) {
    return render(version, TemplateData.fromJson(dataJson));
  }

  Outcome render(GoVersion version, @Nullable Object data) {
    TemplateEngine engine =
        TemplateEngine.builder()
            .goVersion(version)
            .missingKey(missingKey == null ? MissingKey.DEFAULT : MissingKey.fromGo(missingKey))
            .limits(TemplateLimits.builder().maxOutputChars(64L * 1024 * 1024).build())
            .build();
    Template template;
    try {
      template = engine.parse(name, this.template);
    } catch (TemplateParseException e) {
      return Outcome.failed("parse", e.goMessage());
    }
    try {
      return Outcome.rendered(template.render(data));
    } catch (TemplateExecutionException e) {
      return Outcome.failed("exec", e.goMessage());
    }
  }
}
