package dev.tributary.core.connector;

import dev.tributary.core.TributaryException;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What a provider returned for one known user.
 *
 * @param index the position of the user's identifiers in the request, from 0
 * @param status what happened
 * @param fields the new fields, when {@link Status#ENRICHED}; empty otherwise
 * @param retryAfter for {@link Status#QUEUED}, when to ask again, or {@code null}
 * @param error for {@link Status#FAILED}, why
 */
public record EnrichmentResult(
    int index,
    Status status,
    Map<String, Object> fields,
    @Nullable Duration retryAfter,
    @Nullable TributaryException error) {

  /** What happened to one lookup. */
  public enum Status {
    /** Fields were found. */
    ENRICHED,
    /** The provider knows nothing about this user. */
    NOT_FOUND,
    /** The provider is working on it ("202 Accepted"): ask again later. */
    QUEUED,
    /** The lookup failed; see {@link #error()}. */
    FAILED
  }

  public EnrichmentResult {
    Objects.requireNonNull(status, "status");
    fields = Map.copyOf(fields);
    if ((status == Status.FAILED) != (error != null)) {
      throw new IllegalArgumentException("an error goes with, and only with, status FAILED");
    }
  }

  public static EnrichmentResult enriched(int index, Map<String, Object> fields) {
    return new EnrichmentResult(index, Status.ENRICHED, fields, null, null);
  }

  public static EnrichmentResult notFound(int index) {
    return new EnrichmentResult(index, Status.NOT_FOUND, Map.of(), null, null);
  }

  public static EnrichmentResult queued(int index, @Nullable Duration retryAfter) {
    return new EnrichmentResult(index, Status.QUEUED, Map.of(), retryAfter, null);
  }

  public static EnrichmentResult failed(int index, TributaryException error) {
    return new EnrichmentResult(index, Status.FAILED, Map.of(), null, error);
  }
}
