package dev.tributary.connectors.amplitude;

import static dev.tributary.connectors.testutil.Answers.json;

import dev.tributary.connectors.testutil.Fixtures;
import dev.tributary.connectors.testutil.ScriptableFake;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.jspecify.annotations.Nullable;

/**
 * Amplitude's Behavioral Cohorts API for tests, with the documented shapes (fixtures under {@code
 * amplitude/}): requests get IDs {@code req-1}, {@code req-2}, ...; a request's status is 202 "JOB
 * INPROGRESS" for {@link #pendingPolls} looks, then 200 "JOB COMPLETED"; its file is {@link #csv}
 * at request time, served inline or — with {@link #redirectTo} — by a 302 to a pre-signed URL.
 */
final class FakeAmplitude extends ScriptableFake {
  static final String COHORT = "abc123";

  final Map<String, String> files = new ConcurrentHashMap<>();
  final Map<String, AtomicInteger> polls = new ConcurrentHashMap<>();
  final AtomicInteger counter = new AtomicInteger();
  volatile String csv = Fixtures.text("amplitude/cohort.csv");
  volatile int pendingPolls;
  volatile @Nullable String redirectTo;
  volatile @Nullable String expectedAuthorization;

  long cohortRequests() {
    return targets().stream().filter(t -> t.startsWith("/api/5/cohorts/request/" + COHORT)).count();
  }

  @Override
  protected MockResponse answer(RecordedRequest request) {
    String expected = expectedAuthorization;
    if (expected != null && !expected.equals(request.getHeaders().get("Authorization"))) {
      return new MockResponse.Builder().code(401).body("Invalid API key or secret").build();
    }
    String path = request.getUrl().encodedPath();
    if (path.equals("/api/3/cohorts")) {
      return json(200, Fixtures.text("amplitude/cohorts.json"));
    }
    if (path.equals("/api/5/cohorts/request/" + COHORT)) {
      String id = "req-" + counter.incrementAndGet();
      files.put(id, csv);
      polls.put(id, new AtomicInteger(pendingPolls));
      return json(200, Fixtures.text("amplitude/request.json").replace("REQUEST_ID", id));
    }
    if (path.startsWith("/api/5/cohorts/request-status/")) {
      String id = path.substring("/api/5/cohorts/request-status/".length());
      AtomicInteger left = polls.get(id);
      if (left == null) {
        return json(404, "{\"error\":\"request not found\"}");
      }
      return left.getAndDecrement() > 0
          ? json(202, Fixtures.text("amplitude/status-in-progress.json").replace("REQUEST_ID", id))
          : json(200, Fixtures.text("amplitude/status-completed.json").replace("REQUEST_ID", id));
    }
    if (path.startsWith("/api/5/cohorts/request/") && path.endsWith("/file")) {
      String id = path.substring("/api/5/cohorts/request/".length(), path.length() - 5);
      String file = files.get(id);
      if (file == null) {
        return json(404, "{\"error\":\"request not found\"}");
      }
      String target = redirectTo;
      if (target != null) {
        return new MockResponse.Builder()
            .code(302)
            .addHeader("Location", target + "?X-Amz-Expires=60&X-Amz-Signature=abc")
            .build();
      }
      return new MockResponse.Builder()
          .addHeader("Content-Type", "text/csv; charset=utf-8")
          .body(file)
          .build();
    }
    return json(404, "{\"error\":\"not found\"}");
  }
}
