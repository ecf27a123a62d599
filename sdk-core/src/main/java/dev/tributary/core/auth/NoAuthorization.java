package dev.tributary.core.auth;

/** No credential: a local directory, an open endpoint, a mock in a test. */
public final class NoAuthorization implements Authorization {
  static final NoAuthorization INSTANCE = new NoAuthorization();

  private NoAuthorization() {}

  @Override
  public String kind() {
    return "no authorization";
  }

  @Override
  public String toString() {
    return "NoAuthorization";
  }
}
