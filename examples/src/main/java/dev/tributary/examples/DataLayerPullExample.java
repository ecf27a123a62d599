package dev.tributary.examples;

import dev.tributary.connectors.pull.DataLayerPullConnector;
import dev.tributary.core.auth.Authorization;
import dev.tributary.core.connector.ConnectorConfig;
import dev.tributary.core.connector.ConnectorContext;
import dev.tributary.core.model.Event;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Recipe: the server side of a pull. A page posts its tag manager's data-layer pushes (here as the
 * body of one request) to the host's collection endpoint, which turns them into events: the name
 * from {@code event}, identities and typed fields from paths, every other key kept raw, and tag
 * manager system events dropped.
 */
public final class DataLayerPullExample {
  static final String POSTED_BY_THE_PAGE =
      """
      [{"event": "gtm.js", "gtm.start": 1764583200000},
       {"event": "purchase", "user": {"email": "ann@example.com"},
        "ecommerce": {"transaction_id": "T-1001", "value": 49.90, "currency": "EUR",
                      "items": [{"item_id": "SKU-1", "quantity": 1}]}}]
      """;

  private DataLayerPullExample() {}

  public static void main(String[] args) {
    run(System.out);
  }

  public static List<Event> run(PrintStream out) {
    DataLayerPullConnector connector = DataLayerPullConnector.create();
    ConnectorConfig config =
        ConnectorConfig.parse(
            connector.descriptor(),
            Map.of(
                "identities", "email=user.email",
                "fields", "order_id=ecommerce.transaction_id, revenue=ecommerce.value:number"));
    ConnectorContext context = ConnectorContext.of(config, Authorization.none());
    List<Event> events =
        connector.pullJson(context, POSTED_BY_THE_PAGE.getBytes(StandardCharsets.UTF_8));
    for (Event e : events) {
      out.println(e.name() + " " + e.identities() + " " + e.fields());
    }
    return events;
  }
}
