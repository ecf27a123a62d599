package dev.tributary.core.identity;

import dev.tributary.core.ValidationException;
import dev.tributary.core.model.Profile;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Resolves imported records into profiles.
 *
 * <ol>
 *   <li>The record's identifiers of each {@link IdentityKey} are normalised; a record with none is
 *       rejected ({@code VALIDATION}). Identifiers of other kinds are kept on the profile as
 *       written but never matched on.
 *   <li>Each normalised identifier is looked up. No match: a new profile. One profile: it is
 *       updated. Several: they are merged into the one matched by the highest-priority key (the
 *       first in key order), the others' fields, identities and audiences folded in.
 *   <li>Every field and identity value goes through the {@link ConflictRule} (default: latest
 *       timestamp wins) against the value already there, so an old record never overwrites newer
 *       data but fills what is missing. A profile holds one value per identity kind; an identity
 *       that loses its value stops pointing at the profile.
 * </ol>
 *
 * <p>Thread-safe: resolutions are serialised, since each one reads, decides and writes. Use one
 * resolver per store.
 */
public final class IdentityResolver {
  private final ProfileStore store;
  private final List<IdentityKey> keys;
  private final ConflictRule rule;
  private final Supplier<String> ids;

  private IdentityResolver(Builder b) {
    this.store = b.store;
    this.keys = List.copyOf(b.keys);
    this.rule = b.rule;
    this.ids = b.ids;
  }

  public static Builder builder(ProfileStore store) {
    return new Builder(store);
  }

  public List<IdentityKey> keys() {
    return keys;
  }

  /**
   * Resolves {@code record} into the store.
   *
   * @throws ValidationException if the record has no usable identifier of any key
   */
  public synchronized Resolution resolve(SourceRecord record) {
    Objects.requireNonNull(record, "record");
    Map<String, String> identities = normalised(record);
    List<String> matched = new ArrayList<>();
    for (IdentityKey key : keys) {
      String value = identities.get(key.name());
      if (value != null) {
        store.find(key.name(), value).filter(id -> !matched.contains(id)).ifPresent(matched::add);
      }
    }
    FieldStamp stamp = new FieldStamp(record.timestamp(), record.source());
    if (matched.isEmpty()) {
      Draft draft = new Draft(ids.get());
      draft.apply(identities, record.fields(), stamp);
      store.write(draft.build(), Set.of());
      return new Resolution(draft.id, Resolution.Outcome.CREATED, Set.of());
    }
    Draft draft = new Draft(matched.get(0));
    draft.load(store.get(matched.get(0)).orElseThrow(() -> vanished(matched.get(0))));
    Set<String> mergedAway = new LinkedHashSet<>();
    for (String other : matched.subList(1, matched.size())) {
      StoredProfile absorbed = store.get(other).orElseThrow(() -> vanished(other));
      draft.absorb(absorbed);
      mergedAway.add(other);
    }
    draft.apply(identities, record.fields(), stamp);
    store.write(draft.build(), mergedAway);
    return new Resolution(
        draft.id,
        mergedAway.isEmpty() ? Resolution.Outcome.UPDATED : Resolution.Outcome.MERGED,
        mergedAway);
  }

  private static IllegalStateException vanished(String id) {
    return new IllegalStateException(
        "the profile store indexes profile " + id + " but does not hold it: the store is corrupt");
  }

  private Map<String, String> normalised(SourceRecord record) {
    Map<String, String> out = new LinkedHashMap<>();
    Map<String, IdentityKey> byName = new HashMap<>();
    keys.forEach(k -> byName.put(k.name(), k));
    boolean usable = false;
    for (Map.Entry<String, String> e : record.identities().entrySet()) {
      IdentityKey key = byName.get(e.getKey());
      String value = key == null ? e.getValue() : key.normalizer().normalize(e.getValue());
      if (value != null) {
        out.put(e.getKey(), value);
        usable |= key != null;
      }
    }
    if (!usable) {
      throw new ValidationException(
          "the record has no usable identifier: it needs one of "
              + keys.stream().map(IdentityKey::name).collect(Collectors.joining(", ")),
          keys.get(0).name(),
          -1,
          null);
    }
    return out;
  }

  /** A profile being changed: values with their stamps, settled by the conflict rule. */
  private final class Draft {
    final String id;
    final Map<String, Object> fields = new LinkedHashMap<>();
    final Map<String, FieldStamp> fieldStamps = new HashMap<>();
    final Map<String, String> identities = new LinkedHashMap<>();
    final Map<String, FieldStamp> identityStamps = new HashMap<>();
    final Set<String> audiences = new LinkedHashSet<>();

    Draft(String id) {
      this.id = id;
    }

    void load(StoredProfile p) {
      fields.putAll(p.profile().fields());
      fieldStamps.putAll(p.fieldStamps());
      identities.putAll(p.profile().identities());
      identityStamps.putAll(p.identityStamps());
      audiences.addAll(p.profile().audiences());
    }

    void absorb(StoredProfile other) {
      other
          .profile()
          .fields()
          .forEach(
              (k, v) -> settle(fields, fieldStamps, k, v, stampOf(other.fieldStamps(), k, other)));
      other
          .profile()
          .identities()
          .forEach(
              (k, v) ->
                  settle(
                      identities, identityStamps, k, v, stampOf(other.identityStamps(), k, other)));
      audiences.addAll(other.profile().audiences());
    }

    void apply(Map<String, String> ids, Map<String, Object> values, FieldStamp stamp) {
      ids.forEach((k, v) -> settle(identities, identityStamps, k, v, stamp));
      values.forEach((k, v) -> settle(fields, fieldStamps, k, v, stamp));
    }

    <V> void settle(
        Map<String, V> values, Map<String, FieldStamp> stamps, String key, V value, FieldStamp in) {
      FieldStamp current = stamps.get(key);
      if (current == null || !values.containsKey(key) || rule.incomingWins(current, in)) {
        values.put(key, value);
        stamps.put(key, in);
      }
    }

    StoredProfile build() {
      Instant latest = null;
      for (FieldStamp s : fieldStamps.values()) {
        latest = latest == null || s.at().isAfter(latest) ? s.at() : latest;
      }
      for (FieldStamp s : identityStamps.values()) {
        latest = latest == null || s.at().isAfter(latest) ? s.at() : latest;
      }
      Profile.Builder b = Profile.builder(id).fields(fields).updatedAt(latest);
      identities.forEach(b::identity);
      audiences.forEach(b::audience);
      return new StoredProfile(b.build(), fieldStamps, identityStamps);
    }
  }

  private static FieldStamp stampOf(Map<String, FieldStamp> stamps, String key, StoredProfile p) {
    FieldStamp s = stamps.get(key);
    return s != null ? s : new FieldStamp(p.profile().updatedAt().orElse(Instant.EPOCH), "unknown");
  }

  /** Builds an {@link IdentityResolver}. Not thread-safe. */
  public static final class Builder {
    private final ProfileStore store;
    private final List<IdentityKey> keys = new ArrayList<>();
    private ConflictRule rule = ConflictRule.latestWins();
    private Supplier<String> ids = () -> UUID.randomUUID().toString();

    private Builder(ProfileStore store) {
      this.store = Objects.requireNonNull(store, "store");
    }

    /**
     * The identity keys, highest priority first, such as {@code email}, {@code user_id}, {@code
     * customer_id}. Required.
     *
     * @throws IllegalArgumentException if a key name repeats
     */
    public Builder keys(IdentityKey... keys) {
      for (IdentityKey key : keys) {
        Objects.requireNonNull(key, "key");
        if (this.keys.stream().anyMatch(k -> k.name().equals(key.name()))) {
          throw new IllegalArgumentException("duplicate identity key: " + key.name());
        }
        this.keys.add(key);
      }
      return this;
    }

    /** How field conflicts are settled. Default: {@link ConflictRule#latestWins()}. */
    public Builder conflictRule(ConflictRule rule) {
      this.rule = Objects.requireNonNull(rule, "rule");
      return this;
    }

    /** Makes IDs for new profiles. Default: random UUIDs. */
    public Builder profileIds(Supplier<String> ids) {
      this.ids = Objects.requireNonNull(ids, "ids");
      return this;
    }

    /**
     * @throws IllegalStateException if no identity key was given
     */
    public IdentityResolver build() {
      if (keys.isEmpty()) {
        throw new IllegalStateException("identity resolution needs at least one identity key");
      }
      return new IdentityResolver(this);
    }
  }
}
