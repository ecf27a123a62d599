package dev.tributary.connectors.rest;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;

/**
 * A small users API for import tests: {@code GET /users?updated_since=&limit=&offset=} (or {@code
 * page_token=}) answering {@code {"data": [...], "next_page_token": ...}} sorted by update time and
 * id, filtered inclusively. Requests and failures can be scripted.
 */
final class FakeUsersApi extends Dispatcher {
  record User(String id, String email, String updatedAt) {}

  final List<User> users = new CopyOnWriteArrayList<>();
  final List<String> targets = new CopyOnWriteArrayList<>();
  volatile Function<RecordedRequest, MockResponse> override = r -> null;

  void add(String id, String updatedAt) {
    users.add(new User(id, id + "@example.com", updatedAt));
  }

  @Override
  public MockResponse dispatch(RecordedRequest request) {
    targets.add(request.getTarget());
    MockResponse scripted = override.apply(request);
    if (scripted != null) {
      return scripted;
    }
    HttpUrl url = request.getUrl();
    String since = url.queryParameter("updated_since");
    int limit =
        url.queryParameter("limit") == null ? 1000 : Integer.parseInt(url.queryParameter("limit"));
    String token = url.queryParameter("page_token");
    int offset =
        token != null
            ? Integer.parseInt(token.substring("tok-".length()))
            : url.queryParameter("offset") == null
                ? 0
                : Integer.parseInt(url.queryParameter("offset"));
    List<User> matching = new ArrayList<>();
    for (User u : users) {
      if (since == null || u.updatedAt().compareTo(since) >= 0) {
        matching.add(u);
      }
    }
    matching.sort(Comparator.comparing(User::updatedAt).thenComparing(User::id));
    List<User> page =
        matching.subList(
            Math.min(offset, matching.size()), Math.min(offset + limit, matching.size()));
    StringBuilder body = new StringBuilder("{\"data\":[");
    for (int i = 0; i < page.size(); i++) {
      User u = page.get(i);
      body.append(i == 0 ? "" : ",")
          .append("{\"id\":\"")
          .append(u.id())
          .append("\",\"email\":\"")
          .append(u.email())
          .append("\",\"updated_at\":\"")
          .append(u.updatedAt())
          .append("\"}");
    }
    body.append("]");
    if (offset + limit < matching.size()) {
      body.append(",\"next_page_token\":\"tok-").append(offset + limit).append("\"");
    }
    body.append("}");
    return new MockResponse.Builder()
        .addHeader("Content-Type", "application/json")
        .body(body.toString())
        .build();
  }
}
