package dev.tributary.core.retry;

import dev.tributary.core.ConfigException;
import dev.tributary.core.ErrorClass;
import dev.tributary.core.SystemException;
import dev.tributary.core.TransientException;
import dev.tributary.core.TributaryException;
import dev.tributary.core.ValidationException;
import java.time.Clock;
import java.time.Duration;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * Turns an HTTP error response into the classified exception the runtime acts on. The defaults are
 * {@link ErrorClass#forHttpStatus}: 408, 423, 429 and 5xx except 501 are {@code TRANSIENT}; 401 and
 * 403 are {@code CONFIG}; other 4xx are {@code VALIDATION}. A connector whose vendor means
 * something else by a status overrides it: {@code defaults().with(404, ErrorClass.TRANSIENT)} for
 * an API that answers 404 while a new list is still being created.
 *
 * <p>Immutable and thread-safe. Messages name the status and the request the caller describes,
 * never a header value or a body (they may hold secrets or personal data).
 */
public final class HttpStatusPolicy {
  private static final HttpStatusPolicy DEFAULTS = new HttpStatusPolicy(Map.of());

  private final Map<Integer, ErrorClass> overrides;

  private HttpStatusPolicy(Map<Integer, ErrorClass> overrides) {
    this.overrides = overrides;
  }

  public static HttpStatusPolicy defaults() {
    return DEFAULTS;
  }

  /**
   * A copy that classifies {@code status} as {@code errorClass}.
   *
   * @throws IllegalArgumentException if {@code status} is not 400–599
   */
  public HttpStatusPolicy with(int status, ErrorClass errorClass) {
    ErrorClass.forHttpStatus(status); // validates the range
    Map<Integer, ErrorClass> copy = new TreeMap<>(overrides);
    copy.put(status, Objects.requireNonNull(errorClass, "errorClass"));
    return new HttpStatusPolicy(Collections.unmodifiableMap(copy));
  }

  /** The class of {@code status} under this policy. */
  public ErrorClass classify(int status) {
    ErrorClass override = overrides.get(status);
    return override != null ? override : ErrorClass.forHttpStatus(status);
  }

  /**
   * The exception for an error response.
   *
   * @param status the response status, 400–599
   * @param retryAfterHeader the {@code Retry-After} header's value, or {@code null}; kept on a
   *     {@code TRANSIENT} exception so that the retry waits at least that long
   * @param request what was asked, for the message: {@code "POST /v1/contacts"}; no secrets
   * @param clock to turn an HTTP-date {@code Retry-After} into a wait
   */
  public TributaryException toException(
      int status, @Nullable String retryAfterHeader, String request, Clock clock) {
    Objects.requireNonNull(request, "request");
    String what = "HTTP " + status + " from " + request;
    return switch (classify(status)) {
      case TRANSIENT -> {
        Duration retryAfter = RetryAfter.parse(retryAfterHeader, clock).orElse(null);
        yield new TransientException(
            what + (retryAfter == null ? "" : " (Retry-After " + retryAfter.toSeconds() + " s)"),
            retryAfter,
            null);
      }
      case CONFIG ->
          new ConfigException(
              "authorization",
              what
                  + (status == 403
                      ? ": the credential lacks permission for this; grant it or use another one"
                      : ": the credential was refused; check the authorization"),
              null);
      case VALIDATION -> new ValidationException(what + ": the request was rejected");
      case SYSTEM -> new SystemException(what);
    };
  }

  @Override
  public String toString() {
    return "HttpStatusPolicy[defaults"
        + (overrides.isEmpty() ? "" : ", overrides=" + overrides)
        + "]";
  }
}
