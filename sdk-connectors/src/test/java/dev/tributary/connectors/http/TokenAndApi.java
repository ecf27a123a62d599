package dev.tributary.connectors.http;

import static dev.tributary.connectors.testutil.Answers.json;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;

/**
 * An OAuth 2 token endpoint and an API on one MockWebServer. A request whose target starts with the
 * token path is a grant: it is recorded and answered with the next of {@link #tokenAnswers}, or
 * else with a fresh token. Any other request is an API call: its {@code Authorization} header is
 * recorded and it is answered with the next of {@link #apiAnswers}, or else with 200 {@code {}}.
 */
final class TokenAndApi extends Dispatcher {
  final List<RecordedRequest> tokenRequests = new CopyOnWriteArrayList<>();
  final List<String> apiTokens = new CopyOnWriteArrayList<>();
  final List<MockResponse> tokenAnswers = new CopyOnWriteArrayList<>();
  final List<MockResponse> apiAnswers = new CopyOnWriteArrayList<>();
  private final String tokenPath;
  private final Supplier<MockResponse> freshToken;

  TokenAndApi(String tokenPath, Supplier<MockResponse> freshToken) {
    this.tokenPath = tokenPath;
    this.freshToken = freshToken;
  }

  @Override
  public MockResponse dispatch(RecordedRequest request) {
    if (request.getTarget().startsWith(tokenPath)) {
      tokenRequests.add(request);
      return tokenAnswers.isEmpty() ? freshToken.get() : tokenAnswers.remove(0);
    }
    apiTokens.add(String.valueOf(request.getHeaders().get("Authorization")));
    return apiAnswers.isEmpty() ? json(200, "{}") : apiAnswers.remove(0);
  }
}
