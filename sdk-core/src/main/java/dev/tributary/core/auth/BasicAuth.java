package dev.tributary.core.auth;

/** HTTP basic authentication: a user name and a password. */
public record BasicAuth(String username, Secret password) implements Authorization {
  public BasicAuth {
    Require.nonBlank(username, "username");
    Require.nonEmpty(password, "password");
  }

  @Override
  public String kind() {
    return "basic authentication";
  }
}
