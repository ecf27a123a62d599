package dev.tributary.examples;

import dev.tributary.connectors.push.PersonalizationPushConnector;
import dev.tributary.core.auth.Authorization;
import dev.tributary.core.connector.ConnectorConfig;
import dev.tributary.core.connector.ConnectorContext;
import dev.tributary.core.model.Profile;
import java.io.PrintStream;
import java.util.Map;

/**
 * Recipe: the server side of a push. The host's endpoint looks up the current visitor's profile and
 * answers the personalization tag with the document the connector builds: chosen fields and
 * audience memberships, nothing else. Serialize it with any JSON library and send it with {@code
 * Cache-Control: private, no-store}: it is about one person.
 */
public final class PersonalizationPushExample {
  private PersonalizationPushExample() {}

  public static void main(String[] args) {
    run(System.out);
  }

  public static Map<String, Object> run(PrintStream out) {
    PersonalizationPushConnector connector = PersonalizationPushConnector.create();
    ConnectorConfig config =
        ConnectorConfig.parse(
            connector.descriptor(),
            Map.of("fields", "first_name, plan", "audiences", "vip, churn_risk"));
    ConnectorContext context = ConnectorContext.of(config, Authorization.none());
    Profile visitor =
        Profile.builder("p-1")
            .identity("email", "ann@example.com")
            .field("first_name", "Ann")
            .field("plan", "pro")
            .field("lifetime_value", 1234)
            .audience("vip")
            .build();
    Map<String, Object> document = connector.surface(context, visitor);
    out.println(document);
    return document;
  }
}
