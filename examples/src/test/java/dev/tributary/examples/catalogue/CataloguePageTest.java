package dev.tributary.examples.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tributary.connectors.ConnectorCatalogue;
import dev.tributary.core.auth.ApiKey;
import dev.tributary.core.connector.ConfigField;
import dev.tributary.core.connector.ConfigFieldType;
import dev.tributary.core.connector.ConnectorDescriptor;
import dev.tributary.core.connector.FieldSpec;
import dev.tributary.core.connector.Frequency;
import dev.tributary.core.connector.IntegrationPattern;
import dev.tributary.core.connector.IntegrationType;
import dev.tributary.core.connector.ResultingData;
import dev.tributary.core.connector.Technique;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class CataloguePageTest {
  /** The committed page, from the examples module's directory (Maven's working directory). */
  private static final Path COMMITTED = Path.of("..", "src", "site", "markdown", "catalogue.md");

  @Test
  void theCommittedPageIsCurrent() throws IOException {
    assertThat(COMMITTED).exists();
    assertThat(Files.readString(COMMITTED, StandardCharsets.UTF_8))
        .as(
            "src/site/markdown/catalogue.md is out of date; after `./mvnw -B -q package"
                + " -DskipTests -pl examples -am` run: "
                + CataloguePage.REGENERATE)
        .isEqualTo(CataloguePage.markdown());
  }

  @Test
  void everyConnectorHasARowAndASection() {
    String page = CataloguePage.markdown();

    for (ConnectorDescriptor d : ConnectorCatalogue.all()) {
      assertThat(page).contains("| [" + d.name() + "](#" + d.id() + ") |");
      assertThat(page).contains("<a id=\"" + d.id() + "\"></a>\n\n### " + d.name() + "\n");
      assertThat(page).contains("- **Id:** `" + d.id() + "`");
    }
    long rows = page.lines().filter(l -> l.startsWith("| [")).count();
    assertThat(rows).isEqualTo(ConnectorCatalogue.all().size());
  }

  @Test
  void describesAConnectorInTheGuidesWords_andKeepsTablesIntact() {
    ConnectorDescriptor d =
        ConnectorDescriptor.builder("acme-export")
            .name("Acme export")
            .description("Sends | piped\ntext to Acme, a made-up tool used by this test only.")
            .type(IntegrationType.SERVER_TO_SERVER)
            .patterns(IntegrationPattern.EXPORT)
            .techniques(Technique.REST_API, Technique.AUDIENCE_TRIGGER)
            .frequencies(Frequency.NEAR_REAL_TIME, Frequency.BACKFILL)
            .resultingData(ResultingData.USER_FIELDS)
            .field(FieldSpec.reads("email", "The | address."))
            .config(ConfigField.required("api_key", ConfigFieldType.STRING, "The key.").asSecret())
            .config(ConfigField.optional("batch_size", ConfigFieldType.INTEGER, "Per call.", "500"))
            .accepts(ApiKey.class)
            .build();

    String page = CataloguePage.markdown(List.of(), List.of(d));

    assertThat(page)
        .contains("## Generic connectors\n\nNone yet.")
        .contains(
            "| [Acme export](#acme-export) | Server-to-server | Export | REST API, Audience"
                + " trigger | Near real time, Backfill | User fields |")
        .contains("Sends | piped\ntext to Acme")
        .contains("- **Authorization:** API key")
        .contains("| `email` | read from profiles | The \\| address. |")
        .contains("| `api_key` | String, secret | yes | — | The key. |")
        .contains("| `batch_size` | Integer | no | `500` | Per call. |");
  }

  @Test
  void wordsForEnumsAndClassNames() {
    assertThat(CataloguePage.word("NEAR_REAL_TIME")).isEqualTo("Near real time");
    assertThat(CataloguePage.word("OAuth2ClientCredentials"))
        .isEqualTo("OAuth 2 client credentials");
    assertThat(CataloguePage.word("SomeNewKind")).isEqualTo("some new kind");
  }
}
