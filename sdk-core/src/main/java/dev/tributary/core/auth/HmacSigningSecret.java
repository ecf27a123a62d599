package dev.tributary.core.auth;

/** The shared secret that signs outgoing and verifies incoming webhooks (HMAC-SHA256). */
public record HmacSigningSecret(Secret secret) implements Authorization {
  public HmacSigningSecret {
    Require.nonEmpty(secret, "secret");
  }

  @Override
  public String kind() {
    return "HMAC signing secret";
  }
}
