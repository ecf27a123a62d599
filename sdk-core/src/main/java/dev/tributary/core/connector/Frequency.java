package dev.tributary.core.connector;

/** How often an integration moves data. */
public enum Frequency {
  /** As changes happen: triggers and webhooks. */
  REAL_TIME,
  /** Real time, micro-batched to respect the third party's rate limits. */
  NEAR_REAL_TIME,
  /** A single run. */
  ONE_TIME,
  /** Continuous update on a fixed cadence: hourly, daily, ... */
  CONTINUOUS,
  /** At a time of day in a time zone, or on a cron expression. */
  SCHEDULED,
  /** A one-time delivery of the whole existing audience before triggers take over. */
  BACKFILL
}
