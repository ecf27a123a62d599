package dev.tributary.connectors.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tributary.connectors.http.HttpResponse;
import dev.tributary.core.ErrorClass;
import dev.tributary.core.TributaryException;
import dev.tributary.core.ValidationException;
import dev.tributary.core.connector.EnrichmentResult;
import dev.tributary.core.retry.RetryAfter;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * How the enrichment connectors read a provider's answer about one user, so that they agree: what
 * counts as found, when to ask again about a queued user, which errors stop the run, and how a
 * profile without an identifier fails.
 */
public final class EnrichmentLookups {
  private EnrichmentLookups() {}

  /**
   * The {@code VALIDATION} failure of a profile that has none of {@code identifiers}, naming the
   * list setting {@code setting}: {@code "the profile has no email or phone to look up"}.
   */
  public static ValidationException noIdentifier(List<String> identifiers, String setting) {
    return new ValidationException(
        "the profile has no " + String.join(" or ", identifiers) + " to look up",
        setting,
        -1,
        null);
  }

  /**
   * The result of user {@code index} for the {@code person} a provider returned: not found when it
   * is no object, an empty one, or one {@code fields} maps to nothing; else enriched with the
   * fields.
   */
  public static EnrichmentResult found(
      int index, JsonNode person, Function<JsonNode, Map<String, Object>> fields) {
    if (!person.isObject() || person.isEmpty()) {
      return EnrichmentResult.notFound(index);
    }
    Map<String, Object> mapped = fields.apply(person);
    return mapped.isEmpty()
        ? EnrichmentResult.notFound(index)
        : EnrichmentResult.enriched(index, mapped);
  }

  /**
   * When to ask again about a queued lookup: the answer's {@code Retry-After}, else {@code
   * otherwise}.
   */
  public static Duration retryAfter(HttpResponse response, Clock clock, Duration otherwise) {
    return RetryAfter.parse(response.header("Retry-After").orElse(null), clock).orElse(otherwise);
  }

  /**
   * The result of user {@code index} for an error answer (400 or more), as the transport classifies
   * it: {@code CONFIG} and {@code SYSTEM} errors are thrown, since they would fail every user and
   * stop the run; any other fails this user alone.
   */
  public static EnrichmentResult failed(int index, HttpResponse response) {
    TributaryException e = response.toException();
    if (e.errorClass() == ErrorClass.CONFIG || e.errorClass() == ErrorClass.SYSTEM) {
      throw e;
    }
    return EnrichmentResult.failed(index, e);
  }
}
