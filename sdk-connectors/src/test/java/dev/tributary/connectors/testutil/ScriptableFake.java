package dev.tributary.connectors.testutil;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.jspecify.annotations.Nullable;

/**
 * A fake vendor API for MockWebServer that records every request and lets a test answer some of
 * them itself: {@link #override} is asked first, and its answer, unless {@code null}, is given;
 * otherwise the fake {@linkplain #answer answers} as the vendor would.
 */
public abstract class ScriptableFake extends Dispatcher {
  /** Every request, in order. */
  public final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();

  /** The test's own answers; {@code null} lets the fake answer. See {@link FailOnce}. */
  public volatile Function<RecordedRequest, @Nullable MockResponse> override = r -> null;

  /** The targets (path and query) of the requests, in order. */
  public List<String> targets() {
    return requests.stream().map(RecordedRequest::getTarget).toList();
  }

  @Override
  public final MockResponse dispatch(RecordedRequest request) {
    requests.add(request);
    MockResponse scripted = override.apply(request);
    return scripted != null ? scripted : answer(request);
  }

  /** What the vendor answers {@code request} with. */
  protected abstract MockResponse answer(RecordedRequest request);
}
