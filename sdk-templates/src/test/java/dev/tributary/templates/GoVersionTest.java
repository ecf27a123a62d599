package dev.tributary.templates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Language features newer than Go 1.19, which the Go 1.19 oracle cannot check. The expected results
 * follow Go's documentation of text/template and the cases in its exec_test.go.
 */
class GoVersionTest {
  static Template parse(GoVersion version, String text) {
    return TemplateEngine.builder().goVersion(version).build().parse("t", text);
  }

  @Test
  void rangeOverInteger_visitsZeroToNMinusOne_fromGo122() {
    // Go 1.22+: "The value of the pipeline must be an array, slice, map, iter.Seq, iter.Seq2,
    // integer or channel"; an integer n gives 0 … n-1, as Go's own range over int does.
    assertThat(parse(GoVersion.GO_1_22, "{{range .I}}{{.}}{{end}}").render(Map.of("I", 5)))
        .isEqualTo("01234");
    assertThat(parse(GoVersion.GO_1_22, "{{range $v := 3}}{{$v}}{{end}}").render(null))
        .isEqualTo("012");
    assertThat(parse(GoVersion.GO_1_23, "{{range 0}}x{{else}}none{{end}}").render(null))
        .isEqualTo("none");
  }

  @Test
  void rangeOverInteger_withTwoVariables_isAnError() {
    assertThatThrownBy(() -> parse(GoVersion.GO_1_22, "{{range $i, $v := 3}}{{end}}").render(null))
        .hasMessageEndingWith("can't use 3 to iterate over more than one variable");
  }

  @Test
  void rangeOverInteger_isNotIterable_inGo119() {
    assertThatThrownBy(() -> parse(GoVersion.GO_1_19, "{{range 3}}{{.}}{{end}}").render(null))
        .hasMessageEndingWith("range can't iterate over 3");
  }

  @Test
  void rangeOverAJsonNumber_isAFloat_andNeverIterable() {
    Object data = TemplateData.fromJson("{\"n\": 3}");
    assertThatThrownBy(() -> parse(GoVersion.GO_1_23, "{{range .n}}{{end}}").render(data))
        .hasMessageEndingWith("range can't iterate over 3");
  }

  @Test
  void elseWith_fromGo123_chainsLikeElseIf() {
    // Go 1.23+: {{with pipeline}} T1 {{else with pipeline}} T0 {{end}} is shorthand for
    // {{with pipeline}} T1 {{else}}{{with pipeline}} T0 {{end}}{{end}}.
    Template t =
        parse(GoVersion.GO_1_23, "{{with .a}}A{{.}}{{else with .b}}B{{.}}{{else}}none{{end}}");
    assertThat(t.render(Map.of("a", "1", "b", "2"))).isEqualTo("A1");
    assertThat(t.render(Map.of("b", "2"))).isEqualTo("B2");
    assertThat(t.render(Map.of())).isEqualTo("none");
  }

  @Test
  void elseWith_isAParseError_inGo119() {
    assertThatThrownBy(() -> parse(GoVersion.GO_1_19, "{{with .a}}{{else with .b}}{{end}}"))
        .isInstanceOf(TemplateParseException.class)
        .hasMessage("template: t:1: unexpected <with> in else");
  }

  @Test
  void breakAndContinue_workInEveryVersion() {
    for (GoVersion v : GoVersion.values()) {
      assertThat(
              parse(
                      v,
                      "{{range .}}{{if eq . 2}}{{continue}}{{end}}"
                          + "{{if eq . 4}}{{break}}{{end}}{{.}}{{end}}")
                  .render(java.util.List.of(1, 2, 3, 4, 5)))
          .as(v.name())
          .isEqualTo("13");
    }
  }
}
