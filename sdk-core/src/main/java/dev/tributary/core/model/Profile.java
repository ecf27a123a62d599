package dev.tributary.core.model;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A user profile: one person as the customer data platform knows them.
 *
 * <ul>
 *   <li>{@link #identities()}: the identifiers that point at this person, keyed by identity kind
 *       ({@code email}, {@code user_id}, {@code customer_id}, ...). Identity resolution merges
 *       records that share one.
 *   <li>{@link #fields()}: user fields ({@code first_name}, {@code plan}, ...), whose values are
 *       strings, numbers, booleans, instants, lists or maps; never null (an absent field is simply
 *       missing).
 *   <li>{@link #audiences()}: the audiences the profile is currently a member of.
 * </ul>
 *
 * Immutable and thread-safe; {@link #toBuilder()} copies and changes it. {@link #toString()} names
 * identity kinds and field names but never their values: profiles hold personal data.
 */
public final class Profile {
  private final String id;
  private final Map<String, String> identities;
  private final Map<String, Object> fields;
  private final Set<String> audiences;
  private final @Nullable Instant updatedAt;

  private Profile(Builder b) {
    this.id = Objects.requireNonNull(b.id, "id");
    if (id.isBlank()) {
      throw new IllegalArgumentException("id must not be blank");
    }
    this.identities = Values.orderedCopy(b.identities, "identities");
    this.fields = Values.orderedCopy(b.fields, "fields");
    this.audiences = Collections.unmodifiableSet(new LinkedHashSet<>(b.audiences));
    this.updatedAt = b.updatedAt;
  }

  /** A builder for a profile with the given ID (the profile store's key for this person). */
  public static Builder builder(String id) {
    return new Builder(id);
  }

  public Builder toBuilder() {
    Builder b = new Builder(id);
    b.identities.putAll(identities);
    b.fields.putAll(fields);
    b.audiences.addAll(audiences);
    b.updatedAt = updatedAt;
    return b;
  }

  public String id() {
    return id;
  }

  public Map<String, String> identities() {
    return identities;
  }

  /** The value of identity {@code kind} ({@code email}, {@code user_id}, ...), if known. */
  public Optional<String> identity(String kind) {
    return Optional.ofNullable(identities.get(kind));
  }

  public Map<String, Object> fields() {
    return fields;
  }

  /** The value of user field {@code name}, if present. */
  public Optional<Object> field(String name) {
    return Optional.ofNullable(fields.get(name));
  }

  public Set<String> audiences() {
    return audiences;
  }

  /** When the profile last changed, if known: the "latest wins" merge rule compares these. */
  public Optional<Instant> updatedAt() {
    return Optional.ofNullable(updatedAt);
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof Profile p
        && id.equals(p.id)
        && identities.equals(p.identities)
        && fields.equals(p.fields)
        && audiences.equals(p.audiences)
        && Objects.equals(updatedAt, p.updatedAt);
  }

  @Override
  public int hashCode() {
    return Objects.hash(id, identities, fields, audiences, updatedAt);
  }

  @Override
  public String toString() {
    return "Profile[id="
        + id
        + ", identities="
        + identities.keySet()
        + ", fields="
        + fields.keySet()
        + ", audiences="
        + audiences
        + "]";
  }

  /** Builds a {@link Profile}. Not thread-safe. */
  public static final class Builder {
    private final String id;
    private final Map<String, String> identities = new LinkedHashMap<>();
    private final Map<String, Object> fields = new LinkedHashMap<>();
    private final Set<String> audiences = new LinkedHashSet<>();
    private @Nullable Instant updatedAt;

    private Builder(String id) {
      this.id = Objects.requireNonNull(id, "id");
    }

    public Builder identity(String kind, String value) {
      identities.put(Objects.requireNonNull(kind, "kind"), Objects.requireNonNull(value, "value"));
      return this;
    }

    public Builder field(String name, Object value) {
      fields.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
      return this;
    }

    public Builder fields(Map<String, ?> values) {
      values.forEach(this::field);
      return this;
    }

    public Builder removeField(String name) {
      fields.remove(name);
      return this;
    }

    public Builder audience(String audience) {
      audiences.add(Objects.requireNonNull(audience, "audience"));
      return this;
    }

    public Builder removeAudience(String audience) {
      audiences.remove(audience);
      return this;
    }

    public Builder updatedAt(@Nullable Instant updatedAt) {
      this.updatedAt = updatedAt;
      return this;
    }

    public Profile build() {
      return new Profile(this);
    }
  }
}
