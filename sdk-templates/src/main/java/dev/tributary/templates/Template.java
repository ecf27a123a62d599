package dev.tributary.templates;

import dev.tributary.templates.internal.exec.ExecError;
import dev.tributary.templates.internal.exec.Executor;
import dev.tributary.templates.internal.exec.OutputFailure;
import dev.tributary.templates.internal.parse.Tree;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A parsed template, ready to render any number of times. Immutable and thread-safe: parse once,
 * then render concurrently from as many threads as needed.
 *
 * <p>Data is read the way Go reads values decoded by {@code encoding/json}: maps by key, lists by
 * index, and every number as a {@code float64} unless it is a Java {@link Integer} or {@link Long}
 * (a Go {@code int}). Records expose their components as fields; a Jackson {@code JsonNode} is read
 * as the JSON it holds. Nothing else of a Java object is reachable: no getters, no methods.
 *
 * <pre>{@code
 * Template t = Template.parse("greeting", "Hey, {{ .first_name | default \"there\" }}");
 * String text = t.render(Map.of("first_name", "Ann"));   // "Hey, Ann"
 * }</pre>
 */
public final class Template {
  private final TemplateEngine engine;
  private final String name;
  private final String source;
  private final Map<String, Tree> trees;
  private final Tree main;

  Template(TemplateEngine engine, String name, String source, Map<String, Tree> trees) {
    this.engine = engine;
    this.name = name;
    this.source = source;
    this.trees = Collections.unmodifiableMap(new LinkedHashMap<>(trees));
    this.main = Objects.requireNonNull(trees.get(name), name);
  }

  /** Parses with {@link TemplateEngine#standard()}: sprig functions and Go's defaults. */
  public static Template parse(String name, String text) {
    return TemplateEngine.standard().parse(name, text);
  }

  public String name() {
    return name;
  }

  /** The text this template was parsed from. */
  public String source() {
    return source;
  }

  public TemplateEngine engine() {
    return engine;
  }

  /** The names of the templates this text defines, this one's included. */
  public Set<String> templateNames() {
    return trees.keySet();
  }

  /**
   * Renders with {@code data} as dot.
   *
   * @throws TemplateExecutionException with Go's message when the template fails on this data
   */
  public String render(@Nullable Object data) {
    StringBuilder out = new StringBuilder(Math.max(16, source.length()));
    render(data, out);
    return out.toString();
  }

  /**
   * Renders into {@code out}, as Go's {@code Execute} writes to a writer: on failure the output
   * written so far stays written. The caller owns and closes {@code out}.
   *
   * @throws TemplateExecutionException when the template fails on this data
   * @throws TemplateOutputException when {@code out} throws an {@link java.io.IOException}
   */
  public void render(@Nullable Object data, Appendable out) {
    Objects.requireNonNull(out, "out");
    execute(main, name, data, out);
  }

  /**
   * Renders the template named {@code templateName} that this text defines, as Go's {@code
   * ExecuteTemplate}.
   *
   * @throws IllegalArgumentException when no template of that name is defined
   */
  public void renderTemplate(String templateName, @Nullable Object data, Appendable out) {
    Objects.requireNonNull(templateName, "templateName");
    Objects.requireNonNull(out, "out");
    Tree tree = trees.get(templateName);
    if (tree == null) {
      throw new IllegalArgumentException(
          "template: no template \""
              + templateName
              + "\" associated with template \""
              + name
              + "\"; defined: "
              + trees.keySet());
    }
    execute(tree, templateName, data, out);
  }

  private void execute(Tree tree, String templateName, @Nullable Object data, Appendable out) {
    try {
      Executor.execute(engine.execOptions(), tree, data, out);
    } catch (ExecError e) {
      throw Hints.execution(e);
    } catch (OutputFailure e) {
      throw new TemplateOutputException(templateName, e.getCause());
    }
  }

  @Override
  public String toString() {
    return "Template[" + name + "]";
  }
}
