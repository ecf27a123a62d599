package dev.tributary.core.auth;

import java.util.Objects;

/**
 * An API key, sent in an HTTP header (such as {@code X-Api-Key}) or a query parameter (such as
 * {@code api_key}) named {@link #name()}.
 */
public record ApiKey(String name, Placement placement, Secret key) implements Authorization {
  /** Where the key goes in a request. */
  public enum Placement {
    HEADER,
    QUERY
  }

  public ApiKey {
    Require.nonBlank(name, "name");
    Objects.requireNonNull(placement, "placement");
    Require.nonEmpty(key, "key");
  }

  @Override
  public String kind() {
    return "API key";
  }
}
