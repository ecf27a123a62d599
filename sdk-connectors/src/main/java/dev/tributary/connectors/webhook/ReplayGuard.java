package dev.tributary.connectors.webhook;

import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Remembers the signatures and event IDs of recently accepted webhooks, for a time window and up to
 * a number of entries, so that a replayed or re-sent webhook is answered without being stored
 * twice. Memory is bounded by {@code capacity}; the oldest entries go first. Thread-safe.
 */
final class ReplayGuard {
  private final int capacity;
  private final Duration window;
  private final LinkedHashMap<String, Instant> seen = new LinkedHashMap<>();

  ReplayGuard(int capacity, Duration window) {
    this.capacity = capacity;
    this.window = window;
  }

  /** Whether any of {@code keys} was remembered within the window before {@code now}. */
  synchronized boolean seenAny(Iterable<String> keys, Instant now) {
    expire(now);
    for (String key : keys) {
      if (seen.containsKey(key)) {
        return true;
      }
    }
    return false;
  }

  /** Remembers {@code keys} as accepted at {@code now}. */
  synchronized void remember(Iterable<String> keys, Instant now) {
    if (capacity == 0) {
      return;
    }
    for (String key : keys) {
      seen.remove(key);
      seen.put(key, now);
    }
    while (seen.size() > capacity) {
      Iterator<String> eldest = seen.keySet().iterator();
      eldest.next();
      eldest.remove();
    }
  }

  private void expire(Instant now) {
    Instant cutoff = now.minus(window);
    Iterator<Map.Entry<String, Instant>> it = seen.entrySet().iterator();
    while (it.hasNext() && it.next().getValue().isBefore(cutoff)) {
      it.remove();
    }
  }
}
