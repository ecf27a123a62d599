package dev.tributary.templates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class TemplateFunctionsTest {
  static TemplateEngine engine(TemplateFunctions functions) {
    return TemplateEngine.builder().functions(functions).build();
  }

  @Test
  void hostFunction_withFixedArity_receivesTemplateValues() {
    TemplateFunctions functions =
        TemplateFunctions.sprig().toBuilder()
            .add("tier", 1, args -> (Double) args.get(0) >= 100 ? "gold" : "blue")
            .build();
    Template t = engine(functions).parse("t", "{{tier .score}} {{.score | tier | upper}}");
    assertThat(t.render(TemplateData.fromJson("{\"score\": 120}"))).isEqualTo("gold GOLD");
  }

  @Test
  void hostFunction_withTheWrongNumberOfArguments_failsAsGoWould() {
    TemplateFunctions functions = TemplateFunctions.builder().add("pair", 2, args -> "x").build();
    assertThatThrownBy(() -> engine(functions).parse("t", "{{pair 1}}").render(null))
        .hasMessage(
            "template: t:1:2: executing \"t\" at <pair>:"
                + " wrong number of args for pair: want 2 got 1");
  }

  @Test
  void variadicHostFunction_takesAnyNumberOfArguments() {
    TemplateFunctions functions =
        TemplateFunctions.builder().add("count", args -> args.size()).build();
    assertThat(engine(functions).parse("t", "{{count}} {{count 1 2 3}}").render(null))
        .isEqualTo("0 3");
  }

  @Test
  void hostFunctionThatThrows_stopsRenderingWithItsMessage() {
    TemplateFunctions functions =
        TemplateFunctions.builder()
            .add(
                "lookup",
                1,
                args -> {
                  throw new IllegalArgumentException("no customer " + args.get(0));
                })
            .build();
    assertThatThrownBy(() -> engine(functions).parse("t", "{{lookup \"42\"}}").render(null))
        .hasMessage(
            "template: t:1:2: executing \"t\" at <lookup \"42\">: error calling lookup:"
                + " no customer 42");
  }

  @Test
  void unknownFunction_isAParseError_andRemovedFunctionsAreUnknown() {
    TemplateFunctions noRegex = TemplateFunctions.sprig().toBuilder().remove("regexMatch").build();
    assertThatThrownBy(() -> engine(noRegex).parse("t", "{{regexMatch \"a\" \"a\"}}"))
        .isInstanceOf(TemplateParseException.class)
        .hasMessage("template: t:1: function \"regexMatch\" not defined");
    assertThat(noRegex.contains("regexFind")).isTrue();
  }

  @Test
  void builtinsOnly_stillHasGosBuiltins_butNoSprig() {
    TemplateEngine plain = engine(TemplateFunctions.builtinsOnly());
    assertThat(plain.parse("t", "{{printf \"%05.1f\" 3.14159}} {{len \"abc\"}}").render(null))
        .isEqualTo("003.1 3");
    assertThatThrownBy(() -> plain.parse("t", "{{upper \"a\"}}"))
        .isInstanceOf(TemplateParseException.class);
  }

  @Test
  void addRequired_addsHelmsRequired() {
    assertThatThrownBy(() -> Template.parse("t", "{{required \"need name\" .name}}"))
        .hasMessageStartingWith("template: t:1: function \"required\" not defined")
        .hasMessageContaining("addRequired()");
    TemplateEngine helmish = engine(TemplateFunctions.sprig().toBuilder().addRequired().build());
    Template t = helmish.parse("t", "Hi {{required \"need name\" .name}}");
    assertThat(t.render(Map.of("name", "Ann"))).isEqualTo("Hi Ann");
    assertThatThrownBy(() -> t.render(Map.of()))
        .hasMessageEndingWith("error calling required: need name");
  }

  @Test
  void functionNames_mustBeGoIdentifiers() {
    assertThatThrownBy(() -> TemplateFunctions.builder().add("my-func", args -> null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("function name must be a Go identifier (letters, digits, _): my-func");
    assertThatThrownBy(() -> TemplateFunctions.builder().add("f", -1, args -> null))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void sprigTable_isSharedAndImmutable() {
    assertThat(TemplateFunctions.sprig()).isSameAs(TemplateFunctions.sprig());
    TemplateFunctions extended = TemplateFunctions.sprig().toBuilder().add("x", args -> 1).build();
    assertThat(extended.contains("x")).isTrue();
    assertThat(TemplateFunctions.sprig().contains("x")).isFalse();
    assertThat(TemplateFunctions.sprig().names())
        .contains("default", "upper", "toJson", "date")
        .doesNotContain("env", "expandenv", "getHostByName");
  }
}
