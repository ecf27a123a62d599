package dev.tributary.core.connector;

/** What an integration produces in, or sends from, the customer data platform. */
public enum ResultingData {
  /** User profiles, merged by identity resolution. */
  PROFILES,
  /** Fields on existing profiles. */
  USER_FIELDS,
  /** Raw events, with unmapped fields kept as they came. */
  RAW_EVENTS,
  /** Content items, for content affinity. */
  CONTENT,
  /** Metrics. */
  METRICS
}
