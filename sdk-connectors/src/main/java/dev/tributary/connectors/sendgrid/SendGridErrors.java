package dev.tributary.connectors.sendgrid;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tributary.connectors.http.HttpRequest;
import dev.tributary.connectors.http.HttpResponse;
import dev.tributary.connectors.http.HttpTransport;
import dev.tributary.core.TransientException;
import dev.tributary.core.TributaryException;
import dev.tributary.core.connector.ConnectorContext;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * SendGrid's ways of answering errors: a 429 carries the time its rate limit resets ({@code
 * X-RateLimit-Reset}, Unix seconds) rather than a {@code Retry-After}; a 400 lists {@code errors}
 * whose {@code field} names the contact ({@code contacts[3].email}).
 */
final class SendGridErrors {
  private static final Pattern CONTACT = Pattern.compile("^contacts\\[(\\d+)]");

  private SendGridErrors() {}

  /** Sends {@code request}; an error status throws, a 429 with its reset time as the delay. */
  static HttpResponse execute(
      HttpTransport transport, ConnectorContext context, HttpRequest request) {
    HttpResponse response = transport.exchange(context, request);
    if (response.status() >= 400) {
      throw classify(response, context.clock());
    }
    return response;
  }

  /** The exception for an error response; a 429 waits until the rate limit resets. */
  static TributaryException classify(HttpResponse response, Clock clock) {
    TributaryException e = response.toException();
    if (response.status() != 429 || e.retryAfter().isPresent()) {
      return e;
    }
    Optional<Duration> reset = resetIn(response, clock);
    if (reset.isEmpty()) {
      return e;
    }
    return new TransientException(
        e.getMessage() + " (X-RateLimit-Reset in " + reset.get().toSeconds() + " s)",
        reset.get(),
        e);
  }

  private static Optional<Duration> resetIn(HttpResponse response, Clock clock) {
    Optional<String> header = response.header("X-RateLimit-Reset");
    if (header.isEmpty()) {
      return Optional.empty();
    }
    try {
      long at = Long.parseLong(header.get().strip());
      long wait = at - clock.instant().getEpochSecond();
      return Optional.of(Duration.ofSeconds(Math.max(1, wait)));
    } catch (NumberFormatException ex) {
      return Optional.empty();
    }
  }

  /**
   * The contacts a 400 blames, by their position in the request, with SendGrid's message (made fit
   * for an exception message); empty if it blames none in particular.
   */
  static Map<Integer, String> blamedContacts(HttpResponse response) {
    Map<Integer, String> blamed = new LinkedHashMap<>();
    JsonNode errors;
    try {
      errors = response.json().path("errors");
    } catch (TributaryException notJson) {
      return blamed;
    }
    for (JsonNode error : errors) {
      Matcher m = CONTACT.matcher(error.path("field").asText(""));
      if (m.find()) {
        int index = Integer.parseInt(m.group(1));
        String message =
            response.excerpt(error.path("field").asText() + ": " + error.path("message").asText());
        blamed.merge(index, message, (a, b) -> a + "; " + b);
      }
    }
    return blamed;
  }
}
