package dev.tributary.connectors.testutil;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.jspecify.annotations.Nullable;

/**
 * A fake vendor API's override that answers the next request with an error status (and a {@code
 * Retry-After} when given), then steps aside ({@code null}: the fake answers as usual). For the
 * compatibility kit's {@code failNextCall}.
 */
public final class FailOnce implements Function<RecordedRequest, @Nullable MockResponse> {
  private final AtomicBoolean pending = new AtomicBoolean(true);
  private final int status;
  private final @Nullable Integer retryAfterSeconds;

  public FailOnce(int status, @Nullable Integer retryAfterSeconds) {
    this.status = status;
    this.retryAfterSeconds = retryAfterSeconds;
  }

  @Override
  public @Nullable MockResponse apply(RecordedRequest request) {
    if (!pending.getAndSet(false)) {
      return null;
    }
    MockResponse.Builder b = new MockResponse.Builder().code(status);
    if (retryAfterSeconds != null) {
      b.addHeader("Retry-After", retryAfterSeconds);
    }
    return b.build();
  }
}
