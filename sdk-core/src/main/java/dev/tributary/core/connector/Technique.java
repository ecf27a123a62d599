package dev.tributary.core.connector;

/** How an integration talks to the third party. */
public enum Technique {
  /** Calls to the third party's REST API. */
  REST_API,
  /** Driven by audience enter/exit changes (and, optionally, field changes). */
  AUDIENCE_TRIGGER,
  /** Files moved by SFTP, a directory or an e-mail attachment. */
  FILE_TRANSFER,
  /** Inbound collection of, or outbound user-level, webhooks. */
  WEBHOOK
}
