package dev.tributary.templates;

import dev.tributary.templates.internal.exec.ExecError;
import dev.tributary.templates.internal.parse.ParseError;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Advice appended to Go's error text for the mistakes template authors make most: typographic
 * quotes pasted from a document, comparing a JSON number (a float64) with an integer literal,
 * misspelled or Helm-only function names. Stateless.
 */
final class Hints {
  private static final Set<String> TYPOGRAPHIC_QUOTES =
      Set.of("U+201C", "U+201D", "U+201E", "U+2018", "U+2019", "U+00AB", "U+00BB");
  private static final Set<String> HELM = Set.of("include", "tpl", "toYaml", "fromYaml", "lookup");
  private static final Set<String> UNSAFE = Set.of("env", "expandenv", "getHostByName");
  private static final Pattern UNDEFINED = Pattern.compile("function \"(.+)\" not defined");
  private static final Pattern INT_LITERAL = Pattern.compile("(^|\\s)-?\\d+(\\s|$)");

  private Hints() {}

  static @Nullable String forParse(ParseError e, String text, TemplateEngine engine) {
    String detail = e.detail();
    if (detail.startsWith("unrecognized character in action: ")) {
      String rest = detail.substring("unrecognized character in action: ".length());
      String code = rest.indexOf(' ') < 0 ? rest : rest.substring(0, rest.indexOf(' '));
      if (TYPOGRAPHIC_QUOTES.contains(code)) {
        return "typographic quotes are not string quotes in templates; type straight double"
            + " quotes instead: \"subscribed\"";
      }
    }
    Matcher m = UNDEFINED.matcher(detail);
    if (m.matches()) {
      return undefinedFunction(m.group(1), engine);
    }
    if (detail.equals("bad character U+002D '-'")) {
      return "a key that contains a dash cannot be a field name; read it with index:"
          + " {{ index . \"first-name\" }}";
    }
    if (detail.equals("unexpected EOF")) {
      return "an {{if}}, {{range}}, {{with}}, {{block}} or {{define}} is missing its {{end}}";
    }
    if (detail.startsWith("unclosed action") || detail.equals("unexpected \"}\" in operand")) {
      return "every {{ needs a matching }}";
    }
    return null;
  }

  private static @Nullable String undefinedFunction(String name, TemplateEngine engine) {
    if (name.equals("required")) {
      return "required is a Helm function, not part of sprig; a host can add it with"
          + " TemplateFunctions.Builder.addRequired()";
    }
    if (HELM.contains(name)) {
      return name + " is a Helm function, not part of sprig";
    }
    if (UNSAFE.contains(name)) {
      return name + " is left out on purpose: templates may not read the environment or network";
    }
    String lower = name.toLowerCase(Locale.ROOT);
    for (String known : engine.functions().names()) {
      if (known.toLowerCase(Locale.ROOT).equals(lower)) {
        return "function names are case-sensitive: did you mean " + known + "?";
      }
    }
    return null;
  }

  static TemplateExecutionException execution(ExecError e) {
    String location = e.location();
    String context = e.context();
    if (e.limit() != null) {
      return new TemplateLimitException(
          e.templateName(), location, context, e.detail(), e.getMessage(), e.limit());
    }
    return new TemplateExecutionException(
        e.templateName(), location, context, e.detail(), e.getMessage(), forExecution(e));
  }

  private static @Nullable String forExecution(ExecError e) {
    String detail = e.detail();
    String context = e.context() == null ? "" : e.context();
    if (detail.endsWith(": incompatible types for comparison")
        && INT_LITERAL.matcher(context).find()) {
      return "numbers in JSON data are float64, and Go never compares a float64 with an int;"
          + " write the literal as a float (30.0) or convert the value: (int .age)";
    }
    if (detail.startsWith("wrong type for value; expected string; got float64")) {
      return "convert the number first, with toString or printf \"%v\"";
    }
    if (detail.startsWith("wrong type for value; expected int; got float64")) {
      return "numbers in JSON data are float64; convert with int: (int .count)";
    }
    if (detail.startsWith("map has no entry for key")) {
      return "missingkey=error is set; guard optional keys with {{ with .key }} or default";
    }
    return null;
  }
}
