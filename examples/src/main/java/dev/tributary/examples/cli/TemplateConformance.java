package dev.tributary.examples.cli;

import dev.tributary.templates.GoVersion;
import dev.tributary.templates.MissingKey;
import dev.tributary.templates.TemplateEngine;
import dev.tributary.templates.TemplateExecutionException;
import dev.tributary.templates.TemplateParseException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code template conformance CASES.json}: checks this renderer against cases Go rendered. */
@Command(
    name = "conformance",
    mixinStandardHelpOptions = true,
    description = {
      "Renders every case of a file produced by Go's text/template + sprig (the oracle's format:"
          + " name, template, data, missingkey, expected | error + errorPhase) and compares:"
          + " output byte for byte, errors by phase (and reports differing messages).",
      "Prints each failure, then 'N passed, N failed'; exits 1 if any case failed."
    })
final class TemplateConformance implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "CASES.json", description = "The cases file.")
  Path file;

  @Option(
      names = "--go",
      paramLabel = "VERSION",
      defaultValue = "1.19",
      description =
          "The Go release that produced the file: 1.19 (the shared oracle's), 1.22 or 1.23."
              + " Default: ${DEFAULT-VALUE}.")
  String go;

  private int messages;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    TemplateCases cases;
    GoVersion version;
    try {
      version = TemplateCommand.goVersion(go);
      cases = TemplateCases.parse(TemplateCommand.read(file));
    } catch (IllegalArgumentException e) {
      spec.commandLine().getErr().println("error: " + e.getMessage());
      return TemplateCommand.BAD_INPUT;
    }
    int passed = 0;
    int failed = 0;
    for (TemplateCases.Case c : cases.cases()) {
      if (check(c, version, out)) {
        passed++;
      } else {
        failed++;
      }
    }
    if (messages > 0) {
      out.println(messages + " error messages differ from Go's text (phases match)");
    }
    out.println(passed + " passed, " + failed + " failed");
    out.flush();
    return failed == 0 ? 0 : 1;
  }

  private boolean check(TemplateCases.Case c, GoVersion version, PrintWriter out) {
    Outcome got = run(c, version);
    if (c.expected() != null) {
      if (got.phase() == null && got.text().equals(c.expected())) {
        return true;
      }
      out.println("FAIL " + c.name() + ": want output " + quote(c.expected()) + ", got " + got);
      return false;
    }
    if (c.errorPhase() != null && c.errorPhase().equals(got.phase())) {
      if (!got.text().equals(c.error())) {
        messages++;
        out.println(
            "MESSAGE "
                + c.name()
                + ": Go says "
                + quote(c.error())
                + ", we say "
                + quote(got.text()));
      }
      return true;
    }
    out.println(
        "FAIL "
            + c.name()
            + ": want "
            + c.errorPhase()
            + " error "
            + quote(c.error())
            + ", got "
            + got);
    return false;
  }

  /** What rendering a case gave: output ({@code phase} null) or an error in a phase. */
  private record Outcome(@Nullable String phase, String text) {
    @Override
    public String toString() {
      return phase == null ? "output " + quote(text) : phase + " error: " + text;
    }
  }

  private static Outcome run(TemplateCases.Case c, GoVersion version) {
    try {
      TemplateEngine engine =
          TemplateEngine.builder()
              .goVersion(version)
              .missingKey(
                  c.missingKey() == null ? MissingKey.DEFAULT : MissingKey.fromGo(c.missingKey()))
              .build();
      return new Outcome(null, engine.parse(c.name(), c.template()).render(c.data()));
    } catch (TemplateParseException e) {
      return new Outcome("parse", e.goMessage());
    } catch (TemplateExecutionException e) {
      return new Outcome("exec", e.goMessage());
    } catch (IllegalArgumentException e) {
      return new Outcome("setup", String.valueOf(e.getMessage()));
    }
  }

  private static String quote(String s) {
    return "\"" + s.replace("\\", "\\\\").replace("\n", "\\n").replace("\"", "\\\"") + "\"";
  }
}
