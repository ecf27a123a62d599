package dev.tributary.examples.cli;

import dev.tributary.templates.GoVersion;
import dev.tributary.templates.MissingKey;
import dev.tributary.templates.Template;
import dev.tributary.templates.TemplateData;
import dev.tributary.templates.TemplateEngine;
import dev.tributary.templates.TemplateException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code template render | conformance | bench}: renders Go templates, checks a conformance file of
 * cases Go rendered, and times this renderer in the format of the Go oracle's {@code -bench}.
 */
@Command(
    name = "template",
    description = "Renders Go text/template + sprig templates the way Go does.",
    mixinStandardHelpOptions = true,
    subcommands = {TemplateCommand.Render.class, TemplateConformance.class, TemplateBench.class})
final class TemplateCommand {
  static final int BAD_INPUT = 2;

  /** Go release names as options take them: 1.19, 1.22, 1.23. */
  static GoVersion goVersion(String name) {
    switch (name) {
      case "1.19" -> {
        return GoVersion.GO_1_19;
      }
      case "1.22" -> {
        return GoVersion.GO_1_22;
      }
      case "1.23" -> {
        return GoVersion.GO_1_23;
      }
      default -> throw new IllegalArgumentException("--go must be 1.19, 1.22 or 1.23, not " + name);
    }
  }

  static String read(Path file) throws IOException {
    return Files.readString(file, StandardCharsets.UTF_8);
  }

  @Command(
      name = "render",
      mixinStandardHelpOptions = true,
      description = {
        "Renders a template with JSON data (decoded as Go's encoding/json does: every number is"
            + " a float64) and prints the result exactly, without adding a newline.",
        "Errors go to stderr in Go's format, with a hint for common mistakes; the exit code is"
            + " then 2."
      })
  static final class Render implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(
        names = "--template",
        required = true,
        paramLabel = "FILE",
        description = "The template.")
    Path template;

    @Option(
        names = "--data",
        paramLabel = "FILE.json",
        description = "The data, as JSON. Default: no data (dot is nil).")
    @Nullable Path data;

    @Option(
        names = "--missingkey",
        paramLabel = "MODE",
        defaultValue = "default",
        description = "What a missing map key gives: default, zero or error. Default: default.")
    String missingKey;

    @Option(
        names = "--go",
        paramLabel = "VERSION",
        defaultValue = "1.23",
        description = "The Go release to follow: 1.19, 1.22 or 1.23. Default: ${DEFAULT-VALUE}.")
    String go;

    @Override
    public Integer call() throws IOException {
      PrintWriter err = spec.commandLine().getErr();
      TemplateEngine engine;
      Object value;
      try {
        engine =
            TemplateEngine.builder()
                .missingKey(MissingKey.fromGo(missingKey))
                .goVersion(goVersion(go))
                .build();
        value = data == null ? null : TemplateData.fromJson(read(data));
      } catch (IllegalArgumentException e) {
        err.println("error: " + e.getMessage());
        return BAD_INPUT;
      }
      try {
        Template t = engine.parse(template.getFileName().toString(), read(template));
        String output = t.render(value);
        PrintWriter out = spec.commandLine().getOut();
        out.print(output);
        out.flush();
        return 0;
      } catch (TemplateException e) {
        err.println("error: " + e.getMessage());
        return BAD_INPUT;
      }
    }
  }
}
