package dev.tributary.core.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A sensitive value — a password, token, private key or passphrase — that never shows itself:
 * {@link #toString()} is {@value #REDACTED} whatever the value, so a secret inside a record, a log
 * line or an exception message stays hidden. Code that must use the value calls {@link #reveal()}
 * at the last moment and passes the result straight to the library that needs it.
 *
 * <p>Immutable and thread-safe. {@link #equals(Object)} compares in constant time; {@link
 * #hashCode()} is the same for every secret so that it cannot leak anything either.
 */
public final class Secret {
  /** What every secret prints as. */
  public static final String REDACTED = "****";

  private static final Secret EMPTY = new Secret("");

  private final String value;

  private Secret(String value) {
    this.value = value;
  }

  /** Wraps a sensitive value. */
  public static Secret of(String value) {
    return new Secret(Objects.requireNonNull(value, "value"));
  }

  /** Wraps a sensitive value held in a char array; the array is copied, not kept. */
  public static Secret of(char[] value) {
    return new Secret(new String(Objects.requireNonNull(value, "value")));
  }

  /** The empty secret: for instance the passphrase of a private key that is not protected. */
  public static Secret empty() {
    return EMPTY;
  }

  /** The value itself. Never log it, never put it in a message. */
  public String reveal() {
    return value;
  }

  public boolean isEmpty() {
    return value.isEmpty();
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof Secret other
        && MessageDigest.isEqual(
            value.getBytes(StandardCharsets.UTF_8), other.value.getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public int hashCode() {
    return 0;
  }

  @Override
  public String toString() {
    return REDACTED;
  }
}
