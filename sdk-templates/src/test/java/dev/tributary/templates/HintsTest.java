package dev.tributary.templates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Hints follow Go's text for common mistakes; Go's own part stays byte for byte. */
class HintsTest {
  @Test
  void typographicQuotes_getAHint_afterGosMessage() {
    assertThatThrownBy(
            () -> Template.parse("t", "{{ if eq .subscriber_status “subscribed” }}x{{ end }}"))
        .isInstanceOfSatisfying(
            TemplateParseException.class,
            e -> {
              assertThat(e.goMessage())
                  .isEqualTo("template: t:1: unrecognized character in action: U+201C '“'");
              assertThat(e.hint()).hasValueSatisfying(h -> assertThat(h).contains("straight"));
              assertThat(e.getMessage()).startsWith(e.goMessage() + " (hint: ");
            });
  }

  @Test
  void comparingAJsonNumberWithAnInt_getsAFloatHint() {
    Template t = Template.parse("t", "{{ if eq .age 30 }}thirty{{ end }}");
    assertThatThrownBy(() -> t.render(TemplateData.fromJson("{\"age\": 30}")))
        .isInstanceOfSatisfying(
            TemplateExecutionException.class,
            e -> {
              assertThat(e.goMessage())
                  .isEqualTo(
                      "template: t:1:6: executing \"t\" at <eq .age 30>: error calling eq:"
                          + " incompatible types for comparison");
              assertThat(e.hint()).hasValueSatisfying(h -> assertThat(h).contains("30.0"));
            });
    assertThat(
            Template.parse("t", "{{ if eq .age 30.0 }}thirty{{ end }}").render(Map.of("age", 30.0)))
        .isEqualTo("thirty");
  }

  @Test
  void misspelledFunction_suggestsTheRealName() {
    assertThatThrownBy(() -> Template.parse("t", "{{ .name | Upper }}"))
        .isInstanceOfSatisfying(
            TemplateParseException.class,
            e ->
                assertThat(e.hint())
                    .contains("function names are case-sensitive: did you mean upper?"));
  }

  @Test
  void aDashedKey_isPointedToIndex() {
    assertThatThrownBy(() -> Template.parse("t", "Hi {{ .first-name }}"))
        .isInstanceOfSatisfying(
            TemplateParseException.class,
            e -> {
              assertThat(e.goMessage()).isEqualTo("template: t:1: bad character U+002D '-'");
              assertThat(e.hint()).hasValueSatisfying(h -> assertThat(h).contains("index"));
            });
  }

  @Test
  void aMissingEnd_isNamed() {
    assertThatThrownBy(() -> Template.parse("t", "{{ if .vip }}VIP"))
        .isInstanceOfSatisfying(
            TemplateParseException.class,
            e -> {
              assertThat(e.goMessage()).isEqualTo("template: t:1: unexpected EOF");
              assertThat(e.hint()).hasValueSatisfying(h -> assertThat(h).contains("{{end}}"));
            });
  }

  @Test
  void helmFunctions_areNamedAsHelms() {
    assertThatThrownBy(() -> Template.parse("t", "{{ include \"x\" . }}"))
        .isInstanceOfSatisfying(
            TemplateParseException.class,
            e -> {
              assertThat(e.goMessage())
                  .isEqualTo("template: t:1: function \"include\" not defined");
              assertThat(e.hint()).contains("include is a Helm function, not part of sprig");
            });
    assertThatThrownBy(() -> Template.parse("t", "{{ env \"HOME\" }}"))
        .isInstanceOfSatisfying(
            TemplateParseException.class,
            e ->
                assertThat(e.hint()).hasValueSatisfying(h -> assertThat(h).contains("on purpose")));
  }

  @Test
  void errorsWithoutACommonCause_haveNoHint() {
    assertThatThrownBy(() -> Template.parse("t", "{{end}}"))
        .isInstanceOfSatisfying(TemplateParseException.class, e -> assertThat(e.hint()).isEmpty());
  }
}
