package dev.tributary.connectors.amplitude;

import dev.tributary.connectors.internal.ResolvingSink;
import dev.tributary.core.connector.BatchResult;
import dev.tributary.core.identity.IdentityResolver;
import dev.tributary.core.identity.SourceRecord;
import dev.tributary.core.job.Sink;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Resolves {@link CohortMember}s into the host's profiles: identities {@code user_id} (when the
 * file has one) and {@code amplitude_id}, the membership field ({@code
 * amplitude_cohort_<cohort_id>} by default) {@code true} for members and {@code false} for users
 * who left, and the user properties in the file as fields ({@code amplitude_<property>}), all
 * stamped with the snapshot's time, so that an older snapshot never overwrites a newer one.
 *
 * <pre>{@code
 * runner.add(Job.importing("vip-cohort", amplitude, config, Authorization.basic(apiKey, secretKey),
 *         CohortMembers.builder(resolver).build())
 *     .schedule(Schedule.parse("daily 06:00 Europe/Berlin"))
 *     .retry(AmplitudeCohortImportConnector.retryOptions(config))
 *     .build());
 * }</pre>
 *
 * A membership field rather than an audience: identity resolution merges fields with their
 * timestamps and conflict rule, which is what a snapshot taken at a point in time needs; hosts
 * derive audiences from the field. A user with neither identity is rejected alone ({@code
 * VALIDATION}). Immutable and thread-safe.
 */
public final class CohortMembers implements Sink<CohortMember> {
  private final @Nullable String membershipField;
  private final String userIdIdentity;
  private final String amplitudeIdIdentity;
  private final @Nullable String propertyPrefix;
  private final String source;
  private final ResolvingSink<CohortMember> sink;

  private CohortMembers(Builder b) {
    this.membershipField = b.membershipField;
    this.userIdIdentity = b.userIdIdentity;
    this.amplitudeIdIdentity = b.amplitudeIdIdentity;
    this.propertyPrefix = b.propertyPrefix;
    this.source = b.source;
    this.sink = new ResolvingSink<>(b.resolver, this::toSourceRecord);
  }

  public static Builder builder(IdentityResolver resolver) {
    return new Builder(resolver);
  }

  /** The membership field of {@code cohortId}: the set name or {@code amplitude_cohort_<id>}. */
  public String membershipField(String cohortId) {
    return membershipField != null ? membershipField : "amplitude_cohort_" + cohortId;
  }

  /** {@code member} as identity resolution takes it. */
  public SourceRecord toSourceRecord(CohortMember member) {
    Map<String, String> identities = new LinkedHashMap<>();
    if (member.userId() != null) {
      identities.put(userIdIdentity, member.userId());
    }
    identities.put(amplitudeIdIdentity, member.amplitudeId());
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put(membershipField(member.cohortId()), member.member());
    if (propertyPrefix != null) {
      member.properties().forEach((k, v) -> fields.put(propertyPrefix + k, v));
    }
    return new SourceRecord(identities, fields, member.snapshotAt(), source);
  }

  @Override
  public BatchResult commit(List<? extends CohortMember> records) {
    return sink.commit(records);
  }

  @Override
  public String toString() {
    return "CohortMembers[" + source + "]";
  }

  /** Builds {@link CohortMembers}. Not thread-safe. */
  public static final class Builder {
    private final IdentityResolver resolver;
    private @Nullable String membershipField;
    private String userIdIdentity = "user_id";
    private String amplitudeIdIdentity = "amplitude_id";
    private @Nullable String propertyPrefix = "amplitude_";
    private String source = "amplitude";

    private Builder(IdentityResolver resolver) {
      this.resolver = Objects.requireNonNull(resolver, "resolver");
    }

    /** The boolean field that says membership. Default: {@code amplitude_cohort_<cohort_id>}. */
    public Builder membershipField(String name) {
      this.membershipField = nonBlank(name, "name");
      return this;
    }

    /** The identity kind of Amplitude's {@code user_id}. Default: {@code user_id}. */
    public Builder userIdIdentity(String kind) {
      this.userIdIdentity = nonBlank(kind, "kind");
      return this;
    }

    /** The identity kind of {@code amplitude_id}. Default: {@code amplitude_id}. */
    public Builder amplitudeIdIdentity(String kind) {
      this.amplitudeIdIdentity = nonBlank(kind, "kind");
      return this;
    }

    /**
     * The prefix of fields made from user properties in the file, or {@code null} to leave them
     * out. Default: {@code amplitude_}.
     */
    public Builder propertyPrefix(@Nullable String prefix) {
      this.propertyPrefix = prefix;
      return this;
    }

    /** The source name, for a source-priority conflict rule. Default: {@code amplitude}. */
    public Builder source(String source) {
      this.source = nonBlank(source, "source");
      return this;
    }

    public CohortMembers build() {
      if (userIdIdentity.equals(amplitudeIdIdentity)) {
        throw new IllegalStateException(
            "userIdIdentity and amplitudeIdIdentity must differ: " + userIdIdentity);
      }
      return new CohortMembers(this);
    }

    private static String nonBlank(String value, String name) {
      Objects.requireNonNull(value, name);
      if (value.isBlank()) {
        throw new IllegalArgumentException(name + " must not be blank");
      }
      return value;
    }
  }
}
