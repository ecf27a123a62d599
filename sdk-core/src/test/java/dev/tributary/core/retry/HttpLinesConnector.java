package dev.tributary.core.retry;

import dev.tributary.core.TransientException;
import dev.tributary.core.TributaryException;
import dev.tributary.core.ValidationException;
import dev.tributary.core.auth.BearerToken;
import dev.tributary.core.connector.BatchResult;
import dev.tributary.core.connector.ConfigField;
import dev.tributary.core.connector.ConfigFieldType;
import dev.tributary.core.connector.ConnectorContext;
import dev.tributary.core.connector.ConnectorDescriptor;
import dev.tributary.core.connector.ExportConnector;
import dev.tributary.core.connector.Frequency;
import dev.tributary.core.connector.IntegrationPattern;
import dev.tributary.core.connector.IntegrationType;
import dev.tributary.core.connector.ItemResult;
import dev.tributary.core.connector.Technique;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

/**
 * A tiny REST export connector on the JDK's HttpClient, as a connector author would write one:
 * POSTs the batch as lines, reads one status word per item back ({@code ok}, {@code invalid},
 * {@code busy}), and turns error statuses into classified exceptions with {@link HttpStatusPolicy}.
 * It makes exactly one attempt per call; the runtime does the rest.
 */
final class HttpLinesConnector implements ExportConnector<String> {
  static final ConnectorDescriptor DESCRIPTOR =
      ConnectorDescriptor.builder("http-lines")
          .name("HTTP lines export")
          .type(IntegrationType.SERVER_TO_SERVER)
          .patterns(IntegrationPattern.EXPORT)
          .techniques(Technique.REST_API)
          .frequencies(Frequency.NEAR_REAL_TIME)
          .config(ConfigField.required("endpoint", ConfigFieldType.URL, "Where to POST"))
          .accepts(BearerToken.class)
          .build();

  private final HttpClient client = HttpClient.newHttpClient();
  private final HttpStatusPolicy statuses;

  HttpLinesConnector(HttpStatusPolicy statuses) {
    this.statuses = statuses;
  }

  @Override
  public ConnectorDescriptor descriptor() {
    return DESCRIPTOR;
  }

  @Override
  public BatchResult write(ConnectorContext context, List<String> batch) {
    BearerToken token = (BearerToken) context.authorization();
    HttpRequest request =
        HttpRequest.newBuilder(context.config().url("endpoint"))
            .header("Authorization", "Bearer " + token.token().reveal())
            .POST(HttpRequest.BodyPublishers.ofString(String.join("\n", batch)))
            .build();
    HttpResponse<String> response;
    try {
      response = client.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new TransientException("POST " + request.uri().getPath() + " failed: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TransientException("interrupted", e);
    }
    if (response.statusCode() >= 400) {
      throw statuses.toException(
          response.statusCode(),
          response.headers().firstValue("Retry-After").orElse(null),
          "POST " + request.uri().getPath(),
          context.clock());
    }
    String[] words = response.body().split("\n");
    List<ItemResult> results = new ArrayList<>();
    for (int i = 0; i < batch.size(); i++) {
      results.add(result(i, words[i]));
    }
    return new BatchResult(results);
  }

  private static ItemResult result(int index, String word) {
    TributaryException error =
        switch (word) {
          case "ok" -> null;
          case "invalid" -> new ValidationException("item " + index + " was refused");
          default -> new TransientException("item " + index + " was " + word);
        };
    return error == null ? ItemResult.ok(index) : ItemResult.failed(index, error);
  }
}
