package dev.tributary.core.identity;

import java.util.Objects;

/**
 * One kind of identifier that identity resolution matches on ({@code email}, {@code user_id},
 * {@code customer_id}), with how its values are normalised before comparing. The order of the keys
 * given to {@link IdentityResolver} is their priority.
 *
 * @param name the identity kind, as in {@link dev.tributary.core.model.Profile#identities()}
 * @param normalizer how values are normalised
 */
public record IdentityKey(String name, Normalizer normalizer) {
  public IdentityKey {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(normalizer, "normalizer");
    if (name.isBlank()) {
      throw new IllegalArgumentException("name must not be blank");
    }
  }

  /** An e-mail key: trimmed and lower-cased. */
  public static IdentityKey email(String name) {
    return new IdentityKey(name, Normalizer.email());
  }

  /** A key compared after trimming white space: IDs. */
  public static IdentityKey trimmed(String name) {
    return new IdentityKey(name, Normalizer.trim());
  }

  /** A phone key: digits and a leading plus only. */
  public static IdentityKey phone(String name) {
    return new IdentityKey(name, Normalizer.phone());
  }

  @Override
  public String toString() {
    return name;
  }
}
