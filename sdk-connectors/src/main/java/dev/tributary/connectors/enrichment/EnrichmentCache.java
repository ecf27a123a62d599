package dev.tributary.connectors.enrichment;

import dev.tributary.core.connector.EnrichmentConnector;
import dev.tributary.core.connector.EnrichmentResult;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Remembers what an enrichment provider answered, so that a user is not looked up (and paid for)
 * again: found users for {@link Builder#ttl}, users the provider does not know for the shorter
 * {@link Builder#notFoundTtl} (negative caching), at most {@link Builder#maxEntries} users, the
 * least recently used dropped first. Queued and failed lookups are never cached.
 *
 * <p>{@link #wrap} puts the cache in front of any {@link EnrichmentConnector}. A cache belongs to
 * one provider and configuration: wrap each provider with a cache of its own. Entries are keyed by
 * all the identities of a user. Thread-safe; it lives in memory, as long as the object.
 */
public final class EnrichmentCache {
  private final int maxEntries;
  private final Duration ttl;
  private final Duration notFoundTtl;
  private final LinkedHashMap<String, Entry> entries;
  private long hits;
  private long misses;

  private record Entry(EnrichmentResult result, Instant expires) {}

  /** How well the cache did so far. */
  public record Stats(long hits, long misses, int size) {}

  private EnrichmentCache(Builder b) {
    this.maxEntries = b.maxEntries;
    this.ttl = b.ttl;
    this.notFoundTtl = b.notFoundTtl;
    this.entries = new LinkedHashMap<>(16, 0.75f, true);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** {@code connector} answering from this cache when it can. */
  public EnrichmentConnector wrap(EnrichmentConnector connector) {
    return new CachedEnrichment(Objects.requireNonNull(connector, "connector"), this);
  }

  /** The answer cached for {@code identities}, if any and not expired at {@code now}. */
  synchronized Optional<EnrichmentResult> get(Map<String, String> identities, Instant now) {
    String key = key(identities);
    Entry e = entries.get(key);
    if (e == null || !now.isBefore(e.expires())) {
      if (e != null) {
        entries.remove(key);
      }
      misses++;
      return Optional.empty();
    }
    hits++;
    return Optional.of(e.result());
  }

  /** Remembers {@code result} if it is worth remembering. */
  synchronized void put(Map<String, String> identities, EnrichmentResult result, Instant now) {
    Duration keep =
        switch (result.status()) {
          case ENRICHED -> ttl;
          case NOT_FOUND -> notFoundTtl;
          case QUEUED, FAILED -> Duration.ZERO;
        };
    if (keep.isZero()) {
      return;
    }
    entries.put(key(identities), new Entry(result, now.plus(keep)));
    while (entries.size() > maxEntries) {
      entries.remove(entries.keySet().iterator().next());
    }
  }

  public synchronized Stats stats() {
    return new Stats(hits, misses, entries.size());
  }

  private static String key(Map<String, String> identities) {
    StringBuilder key = new StringBuilder();
    new TreeMap<>(identities)
        .forEach((k, v) -> key.append(k).append('\u0000').append(v).append('\u0001'));
    return key.toString();
  }

  @Override
  public String toString() {
    return "EnrichmentCache[maxEntries="
        + maxEntries
        + ", ttl="
        + ttl
        + ", notFoundTtl="
        + notFoundTtl
        + "]";
  }

  /** Builds an {@link EnrichmentCache}. Not thread-safe. */
  public static final class Builder {
    private int maxEntries = 100_000;
    private Duration ttl = Duration.ofDays(7);
    private Duration notFoundTtl = Duration.ofDays(1);

    private Builder() {}

    /**
     * The most users remembered; memory grows with this times the size of a user's fields. Default:
     * 100,000.
     */
    public Builder maxEntries(int maxEntries) {
      if (maxEntries < 1) {
        throw new IllegalArgumentException("maxEntries must be at least 1: " + maxEntries);
      }
      this.maxEntries = maxEntries;
      return this;
    }

    /** How long a found user's fields are reused. Default: 7 days. */
    public Builder ttl(Duration ttl) {
      this.ttl = nonNegative(ttl, "ttl");
      return this;
    }

    /**
     * How long "not found" is believed; shorter than {@link #ttl}, as providers learn about people.
     * Default: 1 day. Zero turns negative caching off.
     */
    public Builder notFoundTtl(Duration notFoundTtl) {
      this.notFoundTtl = nonNegative(notFoundTtl, "notFoundTtl");
      return this;
    }

    private static Duration nonNegative(Duration d, String name) {
      Objects.requireNonNull(d, name);
      if (d.isNegative()) {
        throw new IllegalArgumentException(name + " must not be negative: " + d);
      }
      return d;
    }

    public EnrichmentCache build() {
      return new EnrichmentCache(this);
    }
  }
}
