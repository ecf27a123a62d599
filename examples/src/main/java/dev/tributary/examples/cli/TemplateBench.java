package dev.tributary.examples.cli;

import dev.tributary.templates.MissingKey;
import dev.tributary.templates.Template;
import dev.tributary.templates.TemplateData;
import dev.tributary.templates.TemplateEngine;
import dev.tributary.templates.TemplateException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code template bench CASES.json}: times parsing and rendering the way the Go oracle's {@code
 * -bench} mode does, printing the same JSON lines so the two can be compared case by case.
 */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = {
      "Warms the JIT up over all cases, then for each case that renders without error: parses it"
          + " once and renders it into a reused buffer for about S seconds (batches of 100), then"
          + " parses it for about S/4 seconds (batches of 10), and prints one JSON line:"
          + " {\"name\":…,\"parseNsPerOp\":…,\"renderNsPerOp\":…}, as the Go oracle's -bench does."
    })
final class TemplateBench implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "CASES.json", description = "The cases file.")
  Path file;

  @Option(
      names = "--seconds",
      paramLabel = "S",
      defaultValue = "0.2",
      description = "How long to time each case's rendering. Default: ${DEFAULT-VALUE}.")
  double seconds;

  @Option(
      names = "--warmup-seconds",
      paramLabel = "W",
      defaultValue = "20",
      description = "How long to warm the JIT up over all cases first. Default: ${DEFAULT-VALUE}.")
  double warmupSeconds;

  /** A case that renders, ready to time. */
  private record Bench(
      String name, String text, TemplateEngine engine, Template template, @Nullable Object data) {}

  @Override
  public Integer call() throws IOException {
    if (!(seconds > 0) || warmupSeconds < 0) {
      spec.commandLine().getErr().println("error: --seconds must be positive");
      return TemplateCommand.BAD_INPUT;
    }
    List<Bench> benches;
    try {
      benches = prepare(TemplateCases.parse(TemplateCommand.read(file)));
    } catch (IllegalArgumentException e) {
      spec.commandLine().getErr().println("error: " + e.getMessage());
      return TemplateCommand.BAD_INPUT;
    }
    warmUp(benches);
    PrintWriter out = spec.commandLine().getOut();
    long nanos = (long) (seconds * 1e9);
    for (Bench b : benches) {
      Map<String, Object> line = new LinkedHashMap<>();
      line.put("name", b.name());
      line.put("renderNsPerOp", timeRender(b, nanos));
      line.put("parseNsPerOp", timeParse(b, nanos / 4));
      out.println(TemplateData.toJson(line));
      out.flush();
    }
    return 0;
  }

  private static List<Bench> prepare(TemplateCases cases) {
    List<Bench> benches = new ArrayList<>();
    for (TemplateCases.Case c : cases.cases()) {
      try {
        TemplateEngine engine =
            TemplateEngine.builder()
                .missingKey(
                    c.missingKey() == null ? MissingKey.DEFAULT : MissingKey.fromGo(c.missingKey()))
                .build();
        Template t = engine.parse(c.name(), c.template());
        t.render(c.data());
        benches.add(new Bench(c.name(), c.template(), engine, t, c.data()));
      } catch (TemplateException e) {
        // the oracle times only cases that render; so do we
      }
    }
    return benches;
  }

  private void warmUp(List<Bench> benches) {
    long end = System.nanoTime() + (long) (warmupSeconds * 1e9);
    StringBuilder buf = new StringBuilder();
    do {
      for (Bench b : benches) {
        for (int i = 0; i < 50; i++) {
          buf.setLength(0);
          b.template().render(b.data(), buf);
        }
        b.engine().parse(b.name(), b.text());
      }
    } while (System.nanoTime() < end);
  }

  private static double timeRender(Bench b, long nanos) {
    StringBuilder buf = new StringBuilder();
    long n = 0;
    long start = System.nanoTime();
    long elapsed;
    do {
      for (int i = 0; i < 100; i++) {
        buf.setLength(0);
        b.template().render(b.data(), buf);
      }
      n += 100;
      elapsed = System.nanoTime() - start;
    } while (elapsed < nanos);
    return (double) elapsed / n;
  }

  private static double timeParse(Bench b, long nanos) {
    long n = 0;
    long start = System.nanoTime();
    long elapsed;
    do {
      for (int i = 0; i < 10; i++) {
        b.engine().parse(b.name(), b.text());
      }
      n += 10;
      elapsed = System.nanoTime() - start;
    } while (elapsed < nanos);
    return (double) elapsed / n;
  }
}
