package dev.tributary.connectors.testutil;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import mockwebserver3.MockResponse;

/**
 * Vendor fixtures: files under {@code src/test/resources/dev/tributary/connectors/}, named either
 * from that root ({@code mailchimp/member.json}) or next to a test class (its package).
 */
public final class Fixtures {
  private static final ObjectMapper JSON = new ObjectMapper();

  private Fixtures() {}

  /** The text of {@code name}, such as {@code mailchimp/member.json}. */
  public static String text(String name) {
    return read(Fixtures.class.getResourceAsStream("/dev/tributary/connectors/" + name), name);
  }

  /** The text of resource {@code name} in {@code owner}'s package. */
  public static String text(Class<?> owner, String name) {
    return read(owner.getResourceAsStream(name), name + " next to " + owner.getName());
  }

  private static String read(InputStream resource, String what) {
    if (resource == null) {
      throw new IllegalArgumentException("no fixture " + what);
    }
    try (InputStream in = resource) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A JSON answer with {@code status} and the fixture {@code name} as its body. */
  public static MockResponse json(Class<?> owner, int status, String name) {
    return jsonBody(status, text(owner, name));
  }

  /** A JSON answer with {@code status} and {@code body}. */
  public static MockResponse jsonBody(int status, String body) {
    return new MockResponse.Builder()
        .code(status)
        .addHeader("Content-Type", "application/json; charset=utf-8")
        .body(body)
        .build();
  }

  /** The JSON object in {@code name}, as a fresh tree the test may change. */
  public static ObjectNode object(String name) {
    return (ObjectNode) json(name);
  }

  /** The JSON in {@code name}. */
  public static JsonNode json(String name) {
    return parse(text(name));
  }

  /** {@code node} as JSON text. */
  public static String write(JsonNode node) {
    return node.toString();
  }

  /** {@code json} parsed. */
  public static JsonNode parse(String json) {
    try {
      return JSON.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
