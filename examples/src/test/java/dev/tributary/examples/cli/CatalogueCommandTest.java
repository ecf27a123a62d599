package dev.tributary.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tributary.connectors.ConnectorCatalogue;
import dev.tributary.core.connector.ConnectorDescriptor;
import dev.tributary.examples.catalogue.CataloguePage;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CatalogueCommandTest {
  final StringWriter out = new StringWriter();
  final StringWriter err = new StringWriter();

  int run(String... args) {
    return TributaryCli.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
  }

  @Test
  void listsOneLinePerConnector_idFirst() {
    assertThat(run("catalogue")).isZero();

    List<String> lines = out.toString().lines().toList();
    assertThat(lines).hasSize(ConnectorCatalogue.all().size());
    for (int i = 0; i < lines.size(); i++) {
      ConnectorDescriptor d = ConnectorCatalogue.all().get(i);
      assertThat(lines.get(i)).startsWith(d.id() + " ").endsWith(d.name());
    }
    assertThat(err.toString()).isEmpty();
  }

  @Test
  void writesTheMarkdownPageToAFile(@TempDir Path dir) throws IOException {
    Path page = dir.resolve("catalogue.md");
    Files.writeString(page, "stale");

    assertThat(run("catalogue", "--markdown", "--output", page.toString())).isZero();

    assertThat(Files.readString(page, StandardCharsets.UTF_8)).isEqualTo(CataloguePage.markdown());
    assertThat(out.toString()).isEqualTo("wrote " + page + System.lineSeparator());
    try (var files = Files.list(dir)) {
      assertThat(files).containsExactly(page);
    }
  }
}
