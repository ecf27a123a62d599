package dev.tributary.examples.cli;

import dev.tributary.connectors.ConnectorCatalogue;
import dev.tributary.examples.catalogue.CataloguePage;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Collection;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code catalogue}: the connectors the SDK ships, as a list or as the user guide's page. */
@Command(
    name = "catalogue",
    mixinStandardHelpOptions = true,
    description = {
      "Lists the connectors the SDK ships: id, pattern, technique and name, one per line.",
      "With --markdown, prints the user guide's connector catalogue page instead."
    })
final class CatalogueCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--markdown", description = "Print the catalogue page (Markdown).")
  boolean markdown;

  @Option(
      names = "--output",
      paramLabel = "FILE",
      description = "Write to FILE (replaced atomically) instead of standard output.")
  @Nullable Path output;

  @Override
  public Integer call() throws IOException {
    String text = markdown ? CataloguePage.markdown() : list();
    if (output == null) {
      PrintWriter out = spec.commandLine().getOut();
      out.print(text);
      out.flush();
      return 0;
    }
    Path target = output.toAbsolutePath();
    Path temp = Files.createTempFile(target.getParent(), ".catalogue", ".tmp");
    try {
      Files.writeString(temp, text, StandardCharsets.UTF_8);
      Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(temp);
    }
    spec.commandLine().getOut().println("wrote " + output);
    return 0;
  }

  private static String list() {
    int width =
        ConnectorCatalogue.all().stream().mapToInt(d -> d.id().length()).max().orElse(0) + 2;
    return ConnectorCatalogue.all().stream()
        .map(
            d ->
                String.format(
                    "%-" + width + "s%-12s%-28s%s%n",
                    d.id(),
                    lower(d.patterns()),
                    lower(d.techniques()),
                    d.name()))
        .collect(Collectors.joining());
  }

  private static String lower(Collection<? extends Enum<?>> values) {
    return values.stream()
        .map(v -> v.name().toLowerCase(Locale.ROOT))
        .collect(Collectors.joining(","));
  }
}
