package dev.tributary.examples;

import dev.tributary.templates.MissingKey;
import dev.tributary.templates.Template;
import dev.tributary.templates.TemplateData;
import dev.tributary.templates.TemplateEngine;
import dev.tributary.templates.TemplateExecutionException;
import dev.tributary.templates.TemplateFunctions;
import java.util.Map;

/**
 * Recipe: personalise a push notification with a Go template, as users write them for other
 * systems. Parses the templates once (a parsed template is immutable and thread-safe), renders them
 * for two profiles decoded from JSON the way Go decodes it, adds a host function, and shows the
 * error a common mistake produces.
 */
public final class TemplateExample {
  private TemplateExample() {}

  public static void main(String[] args) {
    TemplateEngine engine =
        TemplateEngine.builder()
            .functions(
                TemplateFunctions.sprig().toBuilder()
                    .add("tier", 1, a -> (Double) a.get(0) >= 1000 ? "gold" : "silver")
                    .build())
            .build();
    Template title =
        engine.parse(
            "title", "{{ if .first_name }}Hey, {{ .first_name }}{{ else }}" + "Hey there{{ end }}");
    Template body =
        engine.parse(
            "body",
            "{{ .last_name | default \"valued customer\" }}, you have {{ printf \"%.0f\" .points }}"
                + " points ({{ tier .points }} tier).");

    for (String json :
        new String[] {
          "{\"first_name\": \"Ann\", \"last_name\": \"Lee\", \"points\": 1250}", "{\"points\": 40}"
        }) {
      Object profile = TemplateData.fromJson(json);
      System.out.println(title.render(profile) + " | " + body.render(profile));
    }

    // JSON numbers are float64 in Go: comparing with an int literal is an error there and here.
    Template strict =
        engine.toBuilder().missingKey(MissingKey.ERROR).build().parse("age", "{{ eq .age 30 }}");
    try {
      strict.render(Map.of("age", 30.0));
    } catch (TemplateExecutionException e) {
      System.out.println(e.getMessage());
    }
  }
}
