package dev.tributary.connectors.sendgrid;

import static dev.tributary.connectors.testutil.Answers.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tributary.connectors.testutil.Fixtures;
import dev.tributary.connectors.testutil.ScriptableFake;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.jspecify.annotations.Nullable;

/**
 * SendGrid's Marketing Campaigns API for tests, with the documented shapes (fixtures under {@code
 * sendgrid/}): field definitions, v2 segments, the asynchronous contact upsert (keyed by
 * lower-cased e-mail, omitted fields kept, 400 naming the invalid contact, 413 beyond 30,000
 * contacts or 6 MB) and job status. It evaluates the default segment query the way SendGrid would,
 * so that tests can ask who is in a segment.
 */
final class FakeSendGrid extends ScriptableFake {
  static final String KEY = "SG.test-key.0123456789abcdef";

  final Map<String, ObjectNode> fields = new LinkedHashMap<>(); // by name
  final Map<String, String> segments = new ConcurrentHashMap<>(); // name -> query
  final Map<String, ObjectNode> contacts = new ConcurrentHashMap<>(); // by e-mail
  final Map<String, String> jobStatus = new ConcurrentHashMap<>();
  final List<Integer> upsertSizes = new CopyOnWriteArrayList<>();
  final AtomicInteger ids = new AtomicInteger();

  FakeSendGrid() {
    for (JsonNode f : Fixtures.json("sendgrid/field-definitions.json").path("custom_fields")) {
      fields.put(f.path("name").asText(), (ObjectNode) f);
    }
    for (JsonNode s : Fixtures.json("sendgrid/segments.json").path("results")) {
      segments.put(s.path("name").asText(), "SELECT contact_id, updated_at FROM contact_data");
    }
  }

  List<RecordedRequest> upserts() {
    return requests.stream()
        .filter(r -> r.getMethod().equals("PUT") && r.getTarget().equals("/v3/marketing/contacts"))
        .toList();
  }

  /** The requests as {@code "METHOD target"}, in order. */
  @Override
  public List<String> targets() {
    return requests.stream().map(r -> r.getMethod() + " " + r.getTarget()).toList();
  }

  /** The value of custom field {@code name} on the contact, as SendGrid stores it. */
  @Nullable String field(String email, String name) {
    ObjectNode c = contacts.get(email);
    ObjectNode def = fields.get(name);
    if (c == null || def == null) {
      return null;
    }
    JsonNode v = c.path("custom_fields").path(def.path("id").asText());
    return v.isMissingNode() ? null : v.asText();
  }

  /** Who is in the segment, evaluating {@code <field> LIKE '%,<audience>,%'}. */
  List<String> segmentMembers(String name) {
    String query = segments.get(name);
    String field = query.replaceAll(".* WHERE (\\w+) LIKE .*", "$1");
    String token = query.replaceAll(".*LIKE '%(.*)%'$", "$1").replace("%%", "%");
    List<String> members = new ArrayList<>();
    contacts.forEach(
        (email, c) -> {
          String value = field(email, field);
          if (value != null && value.contains(token)) {
            members.add(email);
          }
        });
    members.sort(null);
    return members;
  }

  @Override
  protected MockResponse answer(RecordedRequest request) {
    if (!("Bearer " + KEY).equals(request.getHeaders().get("Authorization"))) {
      return json(401, Fixtures.text("sendgrid/error-401.json"));
    }
    String target = request.getMethod() + " " + request.getUrl().encodedPath();
    return switch (target) {
      case "GET /v3/marketing/field_definitions" -> fieldDefinitions();
      case "POST /v3/marketing/field_definitions" -> createField(body(request));
      case "GET /v3/marketing/segments/2.0" -> listSegments();
      case "POST /v3/marketing/segments/2.0" -> createSegment(body(request));
      case "PUT /v3/marketing/contacts" -> upsert(request);
      default -> {
        if (target.startsWith("GET /v3/marketing/contacts/imports/")) {
          yield importStatus(target.substring(target.lastIndexOf('/') + 1));
        }
        yield json(404, "{\"errors\":[{\"field\":null,\"message\":\"not found\"}]}");
      }
    };
  }

  private MockResponse fieldDefinitions() {
    ObjectNode body = Fixtures.object("sendgrid/field-definitions.json");
    ArrayNode custom = body.putArray("custom_fields");
    fields.values().forEach(custom::add);
    return json(200, body.toString());
  }

  private synchronized MockResponse createField(JsonNode body) {
    String name = body.path("name").asText();
    String id = "e" + (10 + ids.incrementAndGet()) + "_T";
    ObjectNode created =
        (ObjectNode)
            Fixtures.parse(
                Fixtures.text("sendgrid/field-created.json")
                    .replace("FIELD_ID", id)
                    .replace("FIELD_NAME", name));
    created.put("field_type", body.path("field_type").asText());
    fields.put(name, created);
    return json(200, created.toString());
  }

  private MockResponse listSegments() {
    ObjectNode body = Fixtures.object("sendgrid/segments.json");
    ArrayNode results = body.putArray("results");
    segments.keySet().forEach(n -> results.addObject().put("id", "seg-" + n).put("name", n));
    return json(200, body.toString());
  }

  private MockResponse createSegment(JsonNode body) {
    String name = body.path("name").asText();
    if (segments.containsKey(name)) {
      return json(400, "{\"errors\":[{\"field\":\"name\",\"message\":\"name already exists\"}]}");
    }
    segments.put(name, body.path("query_dsl").asText());
    ObjectNode created = Fixtures.object("sendgrid/segment-created.json");
    created
        .put("id", "seg-" + name)
        .put("name", name)
        .put("query_dsl", body.path("query_dsl").asText());
    return json(201, created.toString());
  }

  private MockResponse upsert(RecordedRequest request) {
    byte[] raw = request.getBody() == null ? new byte[0] : request.getBody().toByteArray();
    JsonNode list = Fixtures.parse(new String(raw, StandardCharsets.UTF_8)).path("contacts");
    upsertSizes.add(list.size());
    if (list.size() > 30_000 || raw.length > 6_000_000) {
      return json(413, "{\"errors\":[{\"field\":null,\"message\":\"request too large\"}]}");
    }
    ArrayNode errors = Fixtures.parse("{\"errors\":[]}").withArray("errors");
    for (int i = 0; i < list.size(); i++) {
      if (!list.get(i).path("email").asText("").contains("@")
          || list.get(i).path("email").asText("").contains(" ")) {
        errors
            .addObject()
            .put("field", "contacts[" + i + "].email")
            .put("message", "must be a valid email address");
      }
    }
    if (!errors.isEmpty()) {
      return json(400, "{\"errors\":" + errors + "}");
    }
    for (JsonNode c : list) {
      String email = c.path("email").asText().toLowerCase(java.util.Locale.ROOT);
      ObjectNode stored =
          contacts.computeIfAbsent(email, e -> JsonNodeFactory.instance.objectNode());
      c.fields()
          .forEachRemaining(
              e -> {
                if (e.getKey().equals("custom_fields")) {
                  ObjectNode custom = stored.with("custom_fields");
                  e.getValue().fields().forEachRemaining(f -> custom.set(f.getKey(), f.getValue()));
                } else {
                  stored.set(e.getKey(), e.getValue());
                }
              });
    }
    String job = "job-" + ids.incrementAndGet();
    jobStatus.put(job, "pending");
    return json(202, Fixtures.text("sendgrid/upsert-accepted.json").replace("JOB_ID", job));
  }

  private MockResponse importStatus(String job) {
    String status = jobStatus.get(job);
    if (status == null) {
      return json(404, "{\"errors\":[{\"field\":null,\"message\":\"job not found\"}]}");
    }
    String body =
        Fixtures.text("sendgrid/import-status.json")
            .replace("JOB_ID", job)
            .replace("STATUS", status);
    if (status.equals("completed")) {
      body = body.replace("\"errored_count\": 1", "\"errored_count\": 0");
    }
    return json(200, body);
  }

  private static JsonNode body(RecordedRequest request) {
    return Fixtures.parse(request.getBody() == null ? "{}" : request.getBody().utf8());
  }
}
