package dev.tributary.examples.quickstart;

import dev.tributary.connectors.push.PersonalizationPushConnector;
import dev.tributary.core.auth.Authorization;
import dev.tributary.core.connector.ConnectorConfig;
import dev.tributary.core.connector.ConnectorContext;
import dev.tributary.core.identity.ProfileStore;
import dev.tributary.core.model.Profile;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Step 6 of 6: a personalised alert for a few profiles, rendered by {@link
 * PersonalizationPushConnector} from Go templates over the fields the page may learn — {@code
 * first_name} and {@code company} (from the import and the enrichment), surfaced, and {@code plan},
 * listed in {@code alert_fields} because the alert's text names it: the page sees the plan only as
 * the alert renders it.
 */
final class AlertStep {
  static final String TITLE = "Hey {{ .first_name }}!";
  static final String BODY =
      "{{ if .company }}{{ .company }} teams get 20% off Pro this week."
          + "{{ else }}Your {{ .plan }} plan: upgrade now and get 20% off.{{ end }}";

  private AlertStep() {}

  static List<Map<String, Object>> run(
      SampleProfiles profiles, ProfileStore store, int count, Console console) {
    PersonalizationPushConnector connector = PersonalizationPushConnector.create();
    ConnectorConfig config =
        ConnectorConfig.parse(
            connector.descriptor(),
            Map.of(
                "fields",
                "first_name, company",
                "alert_fields",
                "plan",
                "audiences",
                SampleProfiles.AUDIENCE,
                "alert_title",
                TITLE,
                "alert_body",
                BODY));
    ConnectorContext context = ConnectorContext.of(config, Authorization.none());
    if (!connector.check(context).isOk()) {
      throw new IllegalStateException(
          "the alert templates do not check: " + connector.check(context));
    }
    List<Map<String, Object>> documents = new ArrayList<>();
    for (Profile member : profiles.audience().subList(0, count)) {
      String email = member.identity("email").orElseThrow();
      Profile stored = store.get(store.find("email", email).orElseThrow()).orElseThrow().profile();
      Map<String, Object> document = connector.surface(context, stored);
      documents.add(document);
      Object alert = document.get("alert");
      console.line("%-26s %s", email, alert);
    }
    return documents;
  }
}
