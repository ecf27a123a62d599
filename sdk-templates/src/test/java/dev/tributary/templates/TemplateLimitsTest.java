package dev.tributary.templates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The sandbox limits stop runaway templates with a clear, named error. */
class TemplateLimitsTest {
  static Template parse(TemplateLimits limits, String text) {
    return TemplateEngine.builder().limits(limits).build().parse("t", text);
  }

  @Test
  void outputLimit_stopsATemplateThatWritesTooMuch() {
    Template t =
        parse(TemplateLimits.builder().maxOutputChars(10).build(), "{{range .}}abcd{{end}}");
    assertThat(t.render(List.of(1, 2))).isEqualTo("abcdabcd");
    assertThatThrownBy(() -> t.render(List.of(1, 2, 3)))
        .isInstanceOfSatisfying(
            TemplateLimitException.class, e -> assertThat(e.limit()).isEqualTo("maxOutputChars"))
        .hasMessage(
            "template: t:1:11: executing \"t\" at <abcd>: output exceeds the limit of 10"
                + " characters (TemplateLimits.maxOutputChars)");
  }

  @Test
  void outputLimit_alsoBoundsStringsThatFunctionsBuild() {
    Template t =
        parse(TemplateLimits.builder().maxOutputChars(1000).build(), "{{repeat 1001 \"x\"}}");
    assertThatThrownBy(() -> t.render(null))
        .hasMessageContaining(
            "error calling repeat: the result would hold 1001 characters or items")
        .hasMessageContaining("TemplateLimits.maxOutputChars")
        .isInstanceOfSatisfying(
            TemplateLimitException.class, e -> assertThat(e.limit()).isEqualTo("maxOutputChars"));
    Template list = parse(TemplateLimits.builder().maxOutputChars(1000).build(), "{{until 5000}}");
    assertThatThrownBy(() -> list.render(null))
        .hasMessageContaining("error calling until")
        .isInstanceOf(TemplateLimitException.class);
  }

  @Test
  void iterationLimit_countsEveryRangeIteration_acrossNestedLoops() {
    Template t =
        parse(
            TemplateLimits.builder().maxRangeIterations(12).build(),
            "{{range .}}{{range .}}.{{end}}{{end}}");
    List<List<Integer>> threeByThree =
        List.of(List.of(1, 2, 3), List.of(1, 2, 3), List.of(1, 2, 3));
    assertThat(t.render(threeByThree)).isEqualTo(".........");
    List<List<Integer>> fourByThree =
        List.of(List.of(1, 2, 3), List.of(1, 2, 3), List.of(1, 2, 3), List.of(1, 2, 3));
    assertThatThrownBy(() -> t.render(fourByThree))
        .isInstanceOfSatisfying(
            TemplateLimitException.class,
            e -> assertThat(e.limit()).isEqualTo("maxRangeIterations"))
        .hasMessageEndingWith(
            "range loops ran more than 12 iterations (TemplateLimits.maxRangeIterations)");
  }

  @Test
  void depthLimit_stopsARunawayRecursion_withGosMessage() {
    Template t =
        parse(
            TemplateLimits.builder().maxTemplateDepth(50).build(),
            "{{define \"loop\"}}{{template \"loop\" .}}{{end}}{{template \"loop\" .}}");
    assertThatThrownBy(() -> t.render(null))
        .isInstanceOfSatisfying(
            TemplateLimitException.class, e -> assertThat(e.limit()).isEqualTo("maxTemplateDepth"))
        .hasMessage(
            "template: t:1:28: executing \"loop\" at <{{template \"loop\" .}}>: exceeded maximum"
                + " template depth (50) (TemplateLimits.maxTemplateDepth)");
  }

  @Test
  void depthLimit_allowsLegitimateRecursionBelowIt() {
    Template tree =
        parse(
            TemplateLimits.defaults(),
            "{{define \"node\"}}({{.name}}{{range .children}}{{template \"node\" .}}{{end}}){{end}}"
                + "{{template \"node\" .}}");
    Map<String, Object> leaf = Map.of("name", "c", "children", List.of());
    Map<String, Object> mid = Map.of("name", "b", "children", List.of(leaf));
    assertThat(tree.render(Map.of("name", "a", "children", List.of(mid, leaf))))
        .isEqualTo("(a(b(c))(c))");
  }

  @Test
  void nestingLimit_rejectsDeeplyNestedExpressionsWhenParsing() {
    TemplateLimits limits = TemplateLimits.builder().maxNestingDepth(20).build();
    String deep = "{{" + "(".repeat(21) + "1" + ")".repeat(21) + "}}";
    assertThatThrownBy(() -> parse(limits, deep))
        .isInstanceOf(TemplateParseException.class)
        .hasMessage("template: t:1: max expression depth exceeded");
    assertThat(parse(limits, "{{" + "(".repeat(20) + "1" + ")".repeat(20) + "}}").render(null))
        .isEqualTo("1");
  }

  @Test
  void regexStepLimit_stopsCatastrophicBacktracking() {
    Template t =
        parse(
            TemplateLimits.builder().maxRegexSteps(200_000).build(),
            "{{regexMatch \"^[a-z]+@[a-z.]+$\" .}} {{regexMatch \"(.*a){12}b\" .}}");
    assertThat(t.render("ann@example.com")).isEqualTo("true false");
    assertThatThrownBy(() -> t.render("a".repeat(40)))
        .hasMessageContaining("error calling regexMatch: regular expressions took more than 200000")
        .hasMessageContaining("TemplateLimits.maxRegexSteps")
        .isInstanceOfSatisfying(
            TemplateLimitException.class, e -> assertThat(e.limit()).isEqualTo("maxRegexSteps"));
  }

  @Test
  void limits_mustBePositive() {
    assertThatThrownBy(() -> TemplateLimits.builder().maxOutputChars(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("maxOutputChars must be at least 1: 0");
  }
}
