package dev.tributary.core.connector;

/** Which way data moves, and what for. */
public enum IntegrationPattern {
  /** Surface profile fields and audience memberships to a third party on a page. */
  PUSH,
  /** Collect a third party's data-layer data from a page. */
  PULL,
  /** Bring users, activity, content or metrics in from a third party. */
  IMPORT,
  /** Send audiences, profiles or events out to a third party. */
  EXPORT,
  /** Send identifiers of known users and receive more fields about them. */
  ENRICHMENT
}
