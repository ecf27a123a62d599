package dev.tributary.templates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TemplateTest {
  static final Map<String, Object> ANN =
      Map.of(
          "first_name", "Ann",
          "last_name", "Lee",
          "subscriber_status", "subscribed",
          "age", 34.0);

  @Test
  void issueExamples_renderForAKnownAndAnUnknownProfile() {
    Map<String, Object> nobody = Map.of("subscriber_status", "unsubscribed");
    Template hey = Template.parse("hey", "Hey, {{ .first_name }}");
    Template ifElse =
        Template.parse(
            "if", "{{ if .first_name }}Hey, {{ .first_name }}{{ else }}I wish I knew you{{ end }}");
    Template fallback =
        Template.parse("default", "Hey, {{.last_name | default \"valued customer\"}}");
    Template both =
        Template.parse(
            "and",
            "{{ if and .first_name .last_name }}Hey, {{ .first_name }} {{ .last_name }}"
                + "{{ else }}I don't know you{{ end }}");
    Template status =
        Template.parse(
            "eq",
            "{{ if eq .subscriber_status \"subscribed\" }}You are a subscriber!"
                + "{{ else }}You should subscribe!{{ end }}");

    assertThat(hey.render(ANN)).isEqualTo("Hey, Ann");
    assertThat(hey.render(nobody)).isEqualTo("Hey, <no value>");
    assertThat(ifElse.render(nobody)).isEqualTo("I wish I knew you");
    assertThat(fallback.render(ANN)).isEqualTo("Hey, Lee");
    assertThat(fallback.render(nobody)).isEqualTo("Hey, valued customer");
    assertThat(both.render(ANN)).isEqualTo("Hey, Ann Lee");
    assertThat(both.render(Map.of("first_name", "Bo"))).isEqualTo("I don't know you");
    assertThat(status.render(ANN)).isEqualTo("You are a subscriber!");
    assertThat(status.render(nobody)).isEqualTo("You should subscribe!");
  }

  @Test
  void javaIntegersAreGoInts_andDoublesAreFloat64s() {
    Template t =
        Template.parse("t", "{{ eq .n 30 }} {{ eq .f 30.0 }} {{ printf \"%T %T\" .n .f }}");
    assertThat(t.render(Map.of("n", 30, "f", 30.0))).isEqualTo("true true int float64");
  }

  @Test
  void jsonNumbersAreFloat64_soAMillionPrintsAsGoPrintsIt() {
    Object data = TemplateData.fromJson("{\"big\": 1000000, \"n\": 3}");
    assertThat(Template.parse("t", "{{.big}} {{.n}} {{printf \"%T\" .n}}").render(data))
        .isEqualTo("1e+06 3 float64");
  }

  @Test
  void render_intoAWriter_writesTheSameAsIntoAString() {
    Template t = Template.parse("t", "{{range .}}[{{.}}]{{end}}");
    StringWriter out = new StringWriter();
    t.render(List.of("a", "b"), out);
    assertThat(out).hasToString("[a][b]").hasToString(t.render(List.of("a", "b")));
  }

  @Test
  void renderTemplate_rendersADefinedTemplate_likeGosExecuteTemplate() {
    Template t = Template.parse("main", "{{define \"greet\"}}Hi {{.}}{{end}}main");
    StringBuilder out = new StringBuilder();
    t.renderTemplate("greet", "Bo", out);
    assertThat(out).hasToString("Hi Bo");
    assertThat(t.templateNames()).containsExactly("greet", "main");
    assertThatThrownBy(() -> t.renderTemplate("nope", null, new StringBuilder()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no template \"nope\"");
  }

  @Test
  void parseError_carriesGosMessageAndLine() {
    assertThatThrownBy(() -> Template.parse("alert", "line one\n{{ .first_name }"))
        .isInstanceOfSatisfying(
            TemplateParseException.class,
            e -> {
              assertThat(e.goMessage()).isEqualTo("template: alert:2: unexpected \"}\" in operand");
              assertThat(e.line()).isEqualTo(2);
              assertThat(e.detail()).isEqualTo("unexpected \"}\" in operand");
              assertThat(e.templateName()).isEqualTo("alert");
            });
  }

  @Test
  void executionError_carriesGosMessage_locationAndNode() {
    Template t = Template.parse("t", "ok\n  {{ index .tags 5 }}");
    assertThatThrownBy(() -> t.render(Map.of("tags", List.of("a"))))
        .isInstanceOfSatisfying(
            TemplateExecutionException.class,
            e -> {
              assertThat(e.goMessage())
                  .isEqualTo(
                      "template: t:2:5: executing \"t\" at <index .tags 5>: error calling index:"
                          + " index out of range: 5");
              assertThat(e.location()).contains("t:2:5");
              assertThat(e.context()).contains("index .tags 5");
            });
  }

  @Test
  void missingKeyError_stopsAtTheFirstMissingKey() {
    TemplateEngine strict = TemplateEngine.builder().missingKey(MissingKey.ERROR).build();
    assertThatThrownBy(() -> strict.parse("t", "{{ .nope }}").render(Map.of()))
        .hasMessageStartingWith(
            "template: t:1:3: executing \"t\" at <.nope>: map has no entry for key \"nope\"");
  }

  @Test
  void misuse_failsFastNamingTheParameter() {
    assertThatThrownBy(() -> Template.parse(null, "x"))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("name");
    assertThatThrownBy(() -> Template.parse("t", "x").render(null, null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("out");
    assertThatThrownBy(() -> MissingKey.fromGo("sometimes"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("sometimes");
  }
}
