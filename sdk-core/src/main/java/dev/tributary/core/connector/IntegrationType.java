package dev.tributary.core.connector;

/** Where an integration runs. */
public enum IntegrationType {
  /** Next to a browser session, in real time: push and pull patterns. */
  CLIENT_SIDE,
  /** A job between servers: import, export and enrichment. */
  SERVER_TO_SERVER
}
