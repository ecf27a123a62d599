package dev.tributary.connectors.testutil;

import dev.tributary.core.connector.ConnectorConfig;
import dev.tributary.core.connector.ConnectorContext;
import dev.tributary.testing.kit.ConnectorCompatibilityKit;
import dev.tributary.testing.time.ManualClock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.jspecify.annotations.Nullable;

/**
 * The compatibility kit for a connector whose test scripts a {@link MockWebServer} by queueing its
 * answers one by one. The kit's one minimal call is answered with {@link #answerToOneCall()},
 * unless {@link #failNextCall} has queued a failure for it; {@link #context(Map)} is a context with
 * more settings than the {@linkplain #configuration() configuration}, on a manual clock. A test
 * whose server answers through a dispatcher instead overrides both {@code exerciseOnce} and {@code
 * failNextCall}.
 */
public abstract class QueuedServerKit extends ConnectorCompatibilityKit {
  /** When {@link #clock} stands. */
  protected static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");

  /** The third party: tests queue its answers and take the requests it recorded. */
  @StartStop protected final MockWebServer server = new MockWebServer();

  /** The clock of {@link #context(Map)}. */
  protected final ManualClock clock = new ManualClock(T0);

  private boolean failurePending;

  /** What the third party answers the kit's one minimal call with. */
  protected abstract MockResponse answerToOneCall();

  /**
   * The kit's one minimal call (see {@link #exerciseOnce}); its answer is already queued. A
   * connector that reports a failure per item should throw the first item's error.
   */
  protected abstract void callOnce(ConnectorContext context) throws Exception;

  @Override
  protected void exerciseOnce(ConnectorContext context) throws Exception {
    if (!failurePending) {
      server.enqueue(answerToOneCall());
    }
    failurePending = false;
    callOnce(context);
  }

  @Override
  protected boolean failNextCall(int status, @Nullable Integer retryAfterSeconds) {
    MockResponse.Builder r = new MockResponse.Builder().code(status);
    if (retryAfterSeconds != null) {
      r.addHeader("Retry-After", retryAfterSeconds);
    }
    server.enqueue(r.build());
    failurePending = true;
    return true;
  }

  /** A context on {@link #clock} with the configuration and {@code extra} settings over it. */
  protected ConnectorContext context(Map<String, String> extra) {
    Map<String, String> values = new HashMap<>(configuration());
    values.putAll(extra);
    return new ConnectorContext(
        ConnectorConfig.parse(connector().descriptor(), values), authorization(), clock);
  }
}
