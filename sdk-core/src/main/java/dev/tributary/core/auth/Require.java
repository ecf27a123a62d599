package dev.tributary.core.auth;

import java.util.Objects;

/** Argument checks shared by the authorization records. */
final class Require {
  private Require() {}

  static String nonBlank(String value, String name) {
    Objects.requireNonNull(value, name);
    if (value.isBlank()) {
      throw new IllegalArgumentException(name + " must not be blank");
    }
    return value;
  }

  static Secret nonEmpty(Secret secret, String name) {
    Objects.requireNonNull(secret, name);
    if (secret.isEmpty()) {
      throw new IllegalArgumentException(name + " must not be empty");
    }
    return secret;
  }
}
