package dev.tributary.examples.catalogue;

import dev.tributary.connectors.ConnectorCatalogue;
import dev.tributary.core.connector.ConfigField;
import dev.tributary.core.connector.ConnectorDescriptor;
import dev.tributary.core.connector.FieldSpec;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Renders the connector catalogue page of the user guide ({@code src/site/markdown/catalogue.md})
 * from {@link ConnectorCatalogue}: a summary table, then one section per connector in the
 * integration-details vocabulary (type, pattern, technique, frequency, resulting data, fields,
 * configuration, authorization). The output depends only on the descriptors, so the committed page
 * can be checked for being current.
 */
public final class CataloguePage {
  /** The command that regenerates the committed page, from the repository's root. */
  public static final String REGENERATE =
      "java -jar examples/target/tributary-examples.jar catalogue --markdown"
          + " --output src/site/markdown/catalogue.md";

  private static final Map<String, String> WORDS =
      Map.ofEntries(
          Map.entry("REST_API", "REST API"),
          Map.entry("SERVER_TO_SERVER", "Server-to-server"),
          Map.entry("CLIENT_SIDE", "Client-side"),
          Map.entry("ApiKey", "API key"),
          Map.entry("BasicAuth", "HTTP basic"),
          Map.entry("BearerToken", "bearer token"),
          Map.entry("OAuth2ClientCredentials", "OAuth 2 client credentials"),
          Map.entry("OAuth2RefreshToken", "OAuth 2 refresh token"),
          Map.entry("OAuth2JwtBearer", "OAuth 2 JWT bearer (service account)"),
          Map.entry("SftpPassword", "SFTP password"),
          Map.entry("SftpPrivateKey", "SFTP private key"),
          Map.entry("PgpPublicKey", "PGP public key"),
          Map.entry("PgpPrivateKey", "PGP private key"),
          Map.entry("HmacSigningSecret", "HMAC signing secret"),
          Map.entry("NoAuthorization", "none"));

  private CataloguePage() {}

  /** The page for every connector the SDK ships. */
  public static String markdown() {
    return markdown(ConnectorCatalogue.generic(), ConnectorCatalogue.vendors());
  }

  static String markdown(List<ConnectorDescriptor> generic, List<ConnectorDescriptor> vendors) {
    StringBuilder page = new StringBuilder();
    page.append("# Connector catalogue\n\n")
        .append("Every connector in `tributary-sdk-connectors`, described in the words of an")
        .append(" integration's details page. The generic connectors implement one pattern and")
        .append(" technique each; the vendor connectors build on them for a named tool.\n\n")
        .append("<!-- Generated from the connectors' descriptors (ConnectorCatalogue); do not")
        .append(" edit. Regenerate with: ")
        .append(REGENERATE)
        .append(" -->\n\n");
    summary(page, "Generic connectors", generic);
    summary(page, "Vendor connectors", vendors);
    for (ConnectorDescriptor d : generic) {
      section(page, d);
    }
    for (ConnectorDescriptor d : vendors) {
      section(page, d);
    }
    return page.toString();
  }

  private static void summary(StringBuilder page, String title, List<ConnectorDescriptor> list) {
    page.append("## ").append(title).append("\n\n");
    if (list.isEmpty()) {
      page.append("None yet.\n\n");
      return;
    }
    page.append("| Connector | Type | Pattern | Technique | Frequency | Resulting data |\n")
        .append("|---|---|---|---|---|---|\n");
    for (ConnectorDescriptor d : list) {
      page.append("| [")
          .append(cell(d.name()))
          .append("](#")
          .append(d.id())
          .append(") | ")
          .append(words(List.of(d.type())))
          .append(" | ")
          .append(words(d.patterns()))
          .append(" | ")
          .append(words(d.techniques()))
          .append(" | ")
          .append(words(d.frequencies()))
          .append(" | ")
          .append(words(d.resultingData()))
          .append(" |\n");
    }
    page.append('\n');
  }

  private static void section(StringBuilder page, ConnectorDescriptor d) {
    page.append("<a id=\"").append(d.id()).append("\"></a>\n\n");
    page.append("### ").append(d.name()).append("\n\n");
    page.append(d.description().strip()).append("\n\n");
    page.append("- **Id:** `").append(d.id()).append("`\n");
    page.append("- **Integration type:** ").append(words(List.of(d.type()))).append('\n');
    page.append("- **Pattern:** ").append(words(d.patterns())).append('\n');
    page.append("- **Technique:** ").append(words(d.techniques())).append('\n');
    page.append("- **Frequency:** ").append(words(d.frequencies())).append('\n');
    page.append("- **Resulting data:** ").append(words(d.resultingData())).append('\n');
    page.append("- **Authorization:** ").append(authorizations(d)).append("\n\n");
    if (!d.fields().isEmpty()) {
      page.append("| Field | Direction | Description |\n|---|---|---|\n");
      for (FieldSpec f : d.fields()) {
        page.append("| `")
            .append(cell(f.name()))
            .append("` | ")
            .append(f.direction() == FieldSpec.Direction.READS ? "read from profiles" : "written")
            .append(" | ")
            .append(cell(f.description()))
            .append(" |\n");
      }
      page.append('\n');
    }
    if (!d.configuration().isEmpty()) {
      page.append("| Setting | Type | Required | Default | Description |\n|---|---|---|---|---|\n");
      for (ConfigField f : d.configuration()) {
        page.append("| `")
            .append(f.name())
            .append("` | ")
            .append(word(f.type().name()))
            .append(f.secret() ? ", secret" : "")
            .append(" | ")
            .append(f.required() ? "yes" : "no")
            .append(" | ")
            .append(defaultValue(f))
            .append(" | ")
            .append(cell(f.description()))
            .append(" |\n");
      }
      page.append('\n');
    }
  }

  private static String defaultValue(ConfigField f) {
    String value = f.defaultValue();
    if (value == null || value.isEmpty()) {
      return "—";
    }
    if (f.secret()) {
      return "(set)";
    }
    return "`" + cell(value).replace("`", "'") + "`";
  }

  private static String authorizations(ConnectorDescriptor d) {
    if (d.authorizations().isEmpty()) {
      return "none";
    }
    return d.authorizations().stream()
        .map(Class::getSimpleName)
        .map(CataloguePage::word)
        .collect(Collectors.joining(", "));
  }

  private static String words(Collection<? extends Enum<?>> values) {
    return values.stream().map(e -> word(e.name())).collect(Collectors.joining(", "));
  }

  /** An enum constant or class name in the guide's words. */
  static String word(String name) {
    String known = WORDS.get(name);
    if (known != null) {
      return known;
    }
    if (name.equals(name.toUpperCase(Locale.ROOT))) {
      String lower = name.toLowerCase(Locale.ROOT).replace('_', ' ');
      return Character.toUpperCase(lower.charAt(0)) + lower.substring(1);
    }
    return name.replaceAll("(?<=[a-z0-9])(?=[A-Z])", " ").toLowerCase(Locale.ROOT);
  }

  private static String cell(String text) {
    return text.strip().replace("\r", "").replace("\n", " ").replace("|", "\\|");
  }
}
