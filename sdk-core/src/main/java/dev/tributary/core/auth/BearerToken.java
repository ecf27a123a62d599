package dev.tributary.core.auth;

/** A static bearer token, sent as {@code Authorization: Bearer <token>}. */
public record BearerToken(Secret token) implements Authorization {
  public BearerToken {
    Require.nonEmpty(token, "token");
  }

  @Override
  public String kind() {
    return "bearer token";
  }
}
