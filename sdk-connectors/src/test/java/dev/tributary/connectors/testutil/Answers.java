package dev.tributary.connectors.testutil;

import mockwebserver3.MockResponse;

/** MockWebServer answers that many fake third parties give. */
public final class Answers {
  private Answers() {}

  /** A JSON answer with {@code code} and {@code body}, typed {@code application/json}. */
  public static MockResponse json(int code, String body) {
    return new MockResponse.Builder()
        .code(code)
        .addHeader("Content-Type", "application/json")
        .body(body)
        .build();
  }
}
