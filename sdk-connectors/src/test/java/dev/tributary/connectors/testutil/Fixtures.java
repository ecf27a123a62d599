package dev.tributary.connectors.testutil;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Fixture files under {@code src/test/resources/dev/tributary/connectors/}. */
public final class Fixtures {
  private static final ObjectMapper JSON = new ObjectMapper();

  private Fixtures() {}

  /** The text of {@code name}, such as {@code mailchimp/member.json}. */
  public static String text(String name) {
    try (InputStream in = Fixtures.class.getResourceAsStream("/dev/tributary/connectors/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The JSON object in {@code name}, as a fresh tree the test may change. */
  public static ObjectNode object(String name) {
    return (ObjectNode) json(name);
  }

  public static JsonNode json(String name) {
    try {
      return JSON.readTree(text(name));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code node} as JSON text. */
  public static String write(JsonNode node) {
    return node.toString();
  }

  public static JsonNode parse(String json) {
    try {
      return JSON.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
