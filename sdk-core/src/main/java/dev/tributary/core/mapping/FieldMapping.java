package dev.tributary.core.mapping;

import dev.tributary.core.ValidationException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A declarative mapping from raw records to identities, typed user fields and raw event fields.
 *
 * <pre>{@code
 * FieldMapping mapping = FieldMapping.builder()
 *     .identity("email", "Email", Transform.TRIM, Transform.LOWERCASE)
 *     .identity("customer_id", "Customer No")
 *     .field(FieldRule.of("plan").from("Plan"))
 *     .field(FieldRule.of("age").from("Age").as(FieldType.INTEGER))
 *     .field(FieldRule.of("email_sha256").from("Email")
 *         .transform(Transform.TRIM, Transform.LOWERCASE, Transform.SHA256))
 *     .timestamp("Updated At")
 *     .build();
 * MappedRecord record = mapping.apply(row);
 * }</pre>
 *
 * <p>Source fields that no rule reads are never dropped: they are {@link MappedRecord#unmapped()},
 * for a raw event. A value that cannot be coerced rejects the record with a {@link
 * ValidationException} whose {@link ValidationException#field() field} is the target field and
 * whose message names the source field and shows the bad value — except for personal data
 * (identities, SHA-256 rules and rules marked {@link FieldRule#pii()}), where it shows only the
 * value's length: error reports get stored and mailed, and must not leak what hashing was meant to
 * hide. Shown values are cut at 40 characters.
 *
 * <p>Immutable and thread-safe.
 */
public final class FieldMapping {
  private static final int SHOWN = 40;

  private final List<FieldRule> identities;
  private final List<FieldRule> fields;
  private final @Nullable String timestampSource;
  private final Set<String> used;

  private FieldMapping(Builder b) {
    this.identities = List.copyOf(b.identities);
    this.fields = List.copyOf(b.fields);
    this.timestampSource = b.timestampSource;
    Set<String> sources = new HashSet<>();
    identities.forEach(r -> sources.add(r.source()));
    fields.forEach(r -> sources.add(r.source()));
    if (timestampSource != null) {
      sources.add(timestampSource);
    }
    this.used = Set.copyOf(sources);
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * Maps one raw record.
   *
   * @throws ValidationException naming the field when a value cannot be coerced or a required value
   *     is missing
   */
  public MappedRecord apply(Map<String, ? extends @Nullable Object> raw) {
    Objects.requireNonNull(raw, "raw");
    Map<String, String> ids = new LinkedHashMap<>();
    for (FieldRule rule : identities) {
      Object value = value(rule, raw);
      if (value != null) {
        ids.put(rule.target(), (String) value);
      }
    }
    Map<String, Object> typed = new LinkedHashMap<>();
    for (FieldRule rule : fields) {
      Object value = value(rule, raw);
      if (value != null) {
        typed.put(rule.target(), value);
      }
    }
    Map<String, @Nullable Object> unmapped = new LinkedHashMap<>();
    raw.forEach(
        (k, v) -> {
          if (!used.contains(k)) {
            unmapped.put(k, v);
          }
        });
    return new MappedRecord(ids, typed, unmapped, timestamp(raw));
  }

  private @Nullable Instant timestamp(Map<String, ? extends @Nullable Object> raw) {
    if (timestampSource == null) {
      return null;
    }
    FieldRule rule = FieldRule.of(timestampSource).as(FieldType.TIMESTAMP);
    return (Instant) value(rule, raw);
  }

  private static @Nullable Object value(
      FieldRule rule, Map<String, ? extends @Nullable Object> raw) {
    Object value = raw.get(rule.source());
    if (value != null && !rule.transforms().isEmpty()) {
      String text = value instanceof String s ? s : String.valueOf(value);
      for (Transform t : rule.transforms()) {
        text = t.apply(text);
      }
      value = text;
    }
    if (value == null || (value instanceof String s && s.isBlank())) {
      if (rule.defaultValue().isPresent()) {
        return rule.defaultValue().get();
      }
      if (rule.isRequired()) {
        throw new ValidationException(
            "field \""
                + rule.target()
                + "\" (from \""
                + rule.source()
                + "\") is required but missing",
            rule.target(),
            -1,
            null);
      }
      return null;
    }
    try {
      return Coercion.coerce(rule.type(), value);
    } catch (IllegalArgumentException e) {
      throw new ValidationException(
          "field \""
              + rule.target()
              + "\" (from \""
              + rule.source()
              + "\"): "
              + shown(value, rule.isPii())
              + " "
              + e.getMessage(),
          rule.target(),
          -1,
          null);
    }
  }

  /** The value as an error message may show it. */
  static String shown(Object value, boolean pii) {
    String text = String.valueOf(value);
    if (pii) {
      return "the value (personal data, " + text.length() + " characters, not shown)";
    }
    StringBuilder out = new StringBuilder();
    text.codePoints()
        .limit(SHOWN)
        .forEach(
            c -> {
              if (Character.isISOControl(c)) {
                out.append(String.format("\\u%04x", c));
              } else {
                out.appendCodePoint(c);
              }
            });
    String cut = text.codePointCount(0, text.length()) > SHOWN ? "…" : "";
    return value instanceof String ? "\"" + out + cut + "\"" : out + cut;
  }

  @Override
  public String toString() {
    return "FieldMapping[identities=" + identities + ", fields=" + fields + "]";
  }

  /** Builds a {@link FieldMapping}. Not thread-safe. */
  public static final class Builder {
    private final List<FieldRule> identities = new ArrayList<>();
    private final List<FieldRule> fields = new ArrayList<>();
    private @Nullable String timestampSource;
    private final Set<String> targets = new HashSet<>();

    private Builder() {}

    /**
     * Maps source field {@code source} to identity {@code kind}, as text after {@code transforms}.
     * Identities are personal data.
     */
    public Builder identity(String kind, String source, Transform... transforms) {
      FieldRule rule = FieldRule.of(kind).from(source).transform(transforms).pii();
      claim("identity " + kind);
      identities.add(rule);
      return this;
    }

    /**
     * Adds a user-field rule.
     *
     * @throws IllegalArgumentException if another rule already maps to the same field, or its
     *     default cannot be coerced to its type
     */
    public Builder field(FieldRule rule) {
      Objects.requireNonNull(rule, "rule");
      claim("field " + rule.target());
      fields.add(rule.checked());
      return this;
    }

    /**
     * The source field holding the record's own time (ISO-8601 or epoch milliseconds), which
     * identity resolution's "latest wins" compares. Default: none, the import time is used.
     */
    public Builder timestamp(String source) {
      this.timestampSource = Objects.requireNonNull(source, "source");
      return this;
    }

    private void claim(String target) {
      if (!targets.add(target)) {
        throw new IllegalArgumentException("two rules map to " + target);
      }
    }

    public FieldMapping build() {
      return new FieldMapping(this);
    }
  }
}
