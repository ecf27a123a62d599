package dev.tributary.core.connector;

import dev.tributary.core.auth.Authorization;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * How a connector describes itself, in the words of an integration's documentation page:
 * integration type, patterns, techniques, frequencies, resulting data, the user fields it reads or
 * writes, its configuration and the authorizations it accepts. A host lists the catalogue of
 * descriptors and renders it; {@link ConnectorConfig#parse} checks configuration against it.
 *
 * <p>Immutable and thread-safe; build one with {@link #builder(String)}.
 */
public final class ConnectorDescriptor {
  private final String id;
  private final String name;
  private final String description;
  private final IntegrationType type;
  private final Set<IntegrationPattern> patterns;
  private final Set<Technique> techniques;
  private final Set<Frequency> frequencies;
  private final Set<ResultingData> resultingData;
  private final List<FieldSpec> fields;
  private final List<ConfigField> configuration;
  private final Set<Class<? extends Authorization>> authorizations;

  private ConnectorDescriptor(Builder b) {
    this.id = b.id;
    this.name = present(b.name, "a name", b.id);
    this.description = b.description;
    this.type = present(b.type, "an integration type", b.id);
    this.patterns = immutable(b.patterns, "pattern", b.id);
    this.techniques = immutable(b.techniques, "technique", b.id);
    this.frequencies = immutable(b.frequencies, "frequency", b.id);
    this.resultingData = Collections.unmodifiableSet(EnumSet.copyOf(b.resultingData));
    this.fields = List.copyOf(b.fields);
    this.configuration = List.copyOf(b.configuration);
    this.authorizations = Collections.unmodifiableSet(new LinkedHashSet<>(b.authorizations));
  }

  private static <T> T present(@Nullable T value, String what, String id) {
    if (value == null) {
      throw new IllegalStateException("connector " + id + " must have " + what);
    }
    return value;
  }

  private static <E extends Enum<E>> Set<E> immutable(EnumSet<E> set, String what, String id) {
    if (set.isEmpty()) {
      throw new IllegalStateException("connector " + id + " must name at least one " + what);
    }
    return Collections.unmodifiableSet(EnumSet.copyOf(set));
  }

  /**
   * A builder for the connector with {@code id}, a stable lower-case key such as {@code
   * sftp-file-export} that configuration files refer to.
   */
  public static Builder builder(String id) {
    return new Builder(id);
  }

  public String id() {
    return id;
  }

  public String name() {
    return name;
  }

  public String description() {
    return description;
  }

  public IntegrationType type() {
    return type;
  }

  public Set<IntegrationPattern> patterns() {
    return patterns;
  }

  public Set<Technique> techniques() {
    return techniques;
  }

  public Set<Frequency> frequencies() {
    return frequencies;
  }

  public Set<ResultingData> resultingData() {
    return resultingData;
  }

  public List<FieldSpec> fields() {
    return fields;
  }

  public List<ConfigField> configuration() {
    return configuration;
  }

  /** The configuration field called {@code name}, if the connector has one. */
  public Optional<ConfigField> configField(String name) {
    return configuration.stream().filter(f -> f.name().equals(name)).findFirst();
  }

  /** The kinds of authorization the connector accepts; empty when it needs none. */
  public Set<Class<? extends Authorization>> authorizations() {
    return authorizations;
  }

  /** Whether the connector accepts {@code authorization}. */
  public boolean accepts(Authorization authorization) {
    if (authorizations.isEmpty()) {
      return authorization.equals(Authorization.none());
    }
    return authorizations.stream().anyMatch(k -> k.isInstance(authorization));
  }

  @Override
  public String toString() {
    return "ConnectorDescriptor[" + id + ": " + type + " " + patterns + " via " + techniques + "]";
  }

  /** Builds a {@link ConnectorDescriptor}. Not thread-safe. */
  public static final class Builder {
    private final String id;
    private @Nullable String name;
    private String description = "";
    private @Nullable IntegrationType type;
    private final EnumSet<IntegrationPattern> patterns = EnumSet.noneOf(IntegrationPattern.class);
    private final EnumSet<Technique> techniques = EnumSet.noneOf(Technique.class);
    private final EnumSet<Frequency> frequencies = EnumSet.noneOf(Frequency.class);
    private final EnumSet<ResultingData> resultingData = EnumSet.noneOf(ResultingData.class);
    private final List<FieldSpec> fields = new ArrayList<>();
    private final List<ConfigField> configuration = new ArrayList<>();
    private final Set<Class<? extends Authorization>> authorizations = new LinkedHashSet<>();

    private Builder(String id) {
      Objects.requireNonNull(id, "id");
      if (!id.matches("[a-z][a-z0-9-]*")) {
        throw new IllegalArgumentException("id must be lower-kebab-case (a-z, 0-9 and -): " + id);
      }
      this.id = id;
    }

    /** The name users know the integration by, such as "SFTP file export". */
    public Builder name(String name) {
      this.name = Objects.requireNonNull(name, "name");
      return this;
    }

    /** A paragraph for the catalogue page. Default: empty. */
    public Builder description(String description) {
      this.description = Objects.requireNonNull(description, "description");
      return this;
    }

    public Builder type(IntegrationType type) {
      this.type = Objects.requireNonNull(type, "type");
      return this;
    }

    public Builder patterns(IntegrationPattern... values) {
      patterns.addAll(List.of(values));
      return this;
    }

    public Builder techniques(Technique... values) {
      techniques.addAll(List.of(values));
      return this;
    }

    public Builder frequencies(Frequency... values) {
      frequencies.addAll(List.of(values));
      return this;
    }

    public Builder resultingData(ResultingData... values) {
      resultingData.addAll(List.of(values));
      return this;
    }

    public Builder field(FieldSpec field) {
      fields.add(Objects.requireNonNull(field, "field"));
      return this;
    }

    /**
     * Adds a configuration field.
     *
     * @throws IllegalArgumentException if a field of that name was already added
     */
    public Builder config(ConfigField field) {
      Objects.requireNonNull(field, "field");
      if (configuration.stream().anyMatch(f -> f.name().equals(field.name()))) {
        throw new IllegalArgumentException("duplicate configuration field: " + field.name());
      }
      configuration.add(field);
      return this;
    }

    /**
     * Adds several configuration fields, as {@link #config(ConfigField)} does each: for a group of
     * settings that several connectors share.
     */
    public Builder configAll(Collection<ConfigField> fields) {
      fields.forEach(this::config);
      return this;
    }

    /** Adds an accepted kind of authorization. Default: none, meaning no credential. */
    public Builder accepts(Class<? extends Authorization> kind) {
      authorizations.add(Objects.requireNonNull(kind, "kind"));
      return this;
    }

    /**
     * Builds the descriptor.
     *
     * @throws IllegalStateException if the name, the type, a pattern, a technique or a frequency is
     *     missing
     */
    public ConnectorDescriptor build() {
      return new ConnectorDescriptor(this);
    }
  }
}
