package dev.tributary.connectors.mailchimp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tributary.connectors.testutil.Fixtures;
import dev.tributary.connectors.testutil.ScriptableFake;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CopyOnWriteArraySet;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;
import org.jspecify.annotations.Nullable;

/**
 * A Mailchimp Marketing API for tests, answering with the documented shapes (the fixtures under
 * {@code mailchimp/}): ping, one audience, its members and sent campaigns with their content. The
 * {@code since_*} filters are strictly "after" the given second, as the documentation's wording
 * reads; collections are sorted as asked, ties by ID. Requests are recorded; failures scripted.
 */
final class FakeMailchimp extends ScriptableFake {
  static final String LIST = "a1b2c3d4e5";

  final List<ObjectNode> members = new CopyOnWriteArrayList<>();
  final List<ObjectNode> campaigns = new CopyOnWriteArrayList<>();
  final Set<String> contentGone = new CopyOnWriteArraySet<>();
  volatile @Nullable String expectedAuthorization;

  ObjectNode member(String id, String email, String lastChanged) {
    ObjectNode m = Fixtures.object("mailchimp/member.json");
    m.put("id", id);
    m.put("email_address", email);
    m.put("contact_id", "contact-" + id);
    m.put("last_changed", lastChanged);
    members.add(m);
    return m;
  }

  void touch(String id, String lastChanged) {
    members.stream()
        .filter(m -> m.path("id").asText().equals(id))
        .forEach(m -> m.put("last_changed", lastChanged));
  }

  ObjectNode campaign(String id, String subject, String sendTime) {
    ObjectNode c = Fixtures.object("mailchimp/campaign.json");
    c.put("id", id);
    c.put("send_time", sendTime);
    ((ObjectNode) c.path("settings")).put("subject_line", subject);
    campaigns.add(c);
    return c;
  }

  @Override
  protected MockResponse answer(RecordedRequest request) {
    String expected = expectedAuthorization;
    if (expected != null && !expected.equals(request.getHeaders().get("Authorization"))) {
      return problem(401, "mailchimp/error-401.json");
    }
    HttpUrl url = request.getUrl();
    String path = url.encodedPath();
    if (path.equals("/3.0/ping")) {
      return json(Fixtures.text("mailchimp/ping.json"));
    }
    if (path.equals("/3.0/lists/" + LIST)) {
      return json("{\"id\":\"" + LIST + "\",\"name\":\"Newsletter\"}");
    }
    if (path.equals("/3.0/lists/" + LIST + "/members")) {
      ObjectNode envelope = Fixtures.object("mailchimp/members-envelope.json");
      List<ObjectNode> page =
          page(members, url, "last_changed", "since_last_changed", url.queryParameter("status"));
      ((ArrayNode) envelope.path("members")).addAll(page);
      envelope.put("total_items", members.size());
      return json(envelope.toString());
    }
    if (path.equals("/3.0/campaigns")) {
      List<ObjectNode> page = page(campaigns, url, "send_time", "since_send_time", "sent");
      ArrayNode array = JsonNodeFactory.instance.arrayNode();
      array.addAll(page);
      return json("{\"campaigns\":" + array + ",\"total_items\":" + campaigns.size() + "}");
    }
    if (path.startsWith("/3.0/campaigns/") && path.endsWith("/content")) {
      String id = path.substring("/3.0/campaigns/".length(), path.length() - "/content".length());
      if (contentGone.contains(id)) {
        return problem(404, "mailchimp/error-404.json");
      }
      ObjectNode content = Fixtures.object("mailchimp/campaign-content.json");
      content.put("plain_text", "text of " + id);
      return json(content.toString());
    }
    return problem(404, "mailchimp/error-404.json");
  }

  private static List<ObjectNode> page(
      List<ObjectNode> all,
      HttpUrl url,
      String timeField,
      String sinceParam,
      @Nullable String status) {
    String since = url.queryParameter(sinceParam);
    Instant after = since == null ? null : OffsetDateTime.parse(since).toInstant();
    List<ObjectNode> matching = new ArrayList<>();
    for (ObjectNode n : all) {
      Instant t = OffsetDateTime.parse(n.path(timeField).asText()).toInstant();
      boolean statusOk = status == null || status.equals(n.path("status").asText());
      if ((after == null || t.isAfter(after)) && statusOk) {
        matching.add(n.deepCopy());
      }
    }
    Comparator<JsonNode> order =
        Comparator.comparing((JsonNode n) -> OffsetDateTime.parse(n.path(timeField).asText()))
            .thenComparing(n -> n.path("id").asText());
    if ("DESC".equals(url.queryParameter("sort_dir"))) {
      order = order.reversed();
    }
    matching.sort(order);
    int offset =
        Integer.parseInt(url.queryParameter("offset") == null ? "0" : url.queryParameter("offset"));
    int count =
        Integer.parseInt(url.queryParameter("count") == null ? "10" : url.queryParameter("count"));
    return matching.subList(
        Math.min(offset, matching.size()), Math.min(offset + count, matching.size()));
  }

  static MockResponse json(String body) {
    return new MockResponse.Builder()
        .addHeader("Content-Type", "application/json; charset=utf-8")
        .body(body)
        .build();
  }

  static MockResponse problem(int status, String fixture) {
    return new MockResponse.Builder()
        .code(status)
        .addHeader("Content-Type", "application/problem+json; charset=utf-8")
        .body(Fixtures.text(fixture))
        .build();
  }
}
