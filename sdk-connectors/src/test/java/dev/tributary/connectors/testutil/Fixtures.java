package dev.tributary.connectors.testutil;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import mockwebserver3.MockResponse;

/** Vendor fixtures stored next to the test class (src/test/resources/<its package>/). */
public final class Fixtures {
  private Fixtures() {}

  /** The text of resource {@code name} in {@code owner}'s package. */
  public static String text(Class<?> owner, String name) {
    try (InputStream in = owner.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture " + name + " next to " + owner.getName());
      }
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
}
