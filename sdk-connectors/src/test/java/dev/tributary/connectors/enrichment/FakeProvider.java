package dev.tributary.connectors.enrichment;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;

/**
 * A per-user provider: {@code GET ?email=} answered from a script per e-mail (the last answer
 * repeats), 404 for unknown e-mails. Records which e-mails were asked.
 */
final class FakeProvider extends Dispatcher {
  final Map<String, Deque<MockResponse>> script = new ConcurrentHashMap<>();
  final List<String> asked = new CopyOnWriteArrayList<>();

  FakeProvider answer(String email, MockResponse... answers) {
    script.put(email, new ArrayDeque<>(List.of(answers)));
    return this;
  }

  static MockResponse person(String json) {
    return new MockResponse.Builder()
        .addHeader("Content-Type", "application/json")
        .body(json)
        .build();
  }

  static MockResponse status(int code, String retryAfter) {
    MockResponse.Builder b = new MockResponse.Builder().code(code);
    if (retryAfter != null) {
      b.addHeader("Retry-After", retryAfter);
    }
    return b.build();
  }

  @Override
  public MockResponse dispatch(RecordedRequest request) {
    String email = request.getUrl().queryParameter("email");
    asked.add(email);
    Deque<MockResponse> answers = script.get(email);
    if (answers == null) {
      return status(404, null);
    }
    synchronized (answers) {
      return answers.size() > 1 ? answers.poll() : answers.peek();
    }
  }
}
