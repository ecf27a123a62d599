package dev.tributary.core.connector;

/**
 * An integration with a third-party tool. Every connector describes itself ({@link #descriptor()})
 * the way an integration's documentation page does, and can {@link #check} its configuration and
 * authorization before a run. What it does is given by the pattern interfaces it also implements:
 * {@link ImportConnector}, {@link ExportConnector}, {@link EnrichmentConnector}, {@link
 * PushConnector}, {@link PullConnector}.
 *
 * <p>Implementations must be thread-safe: the runtime may call one instance from several jobs at
 * once, each with its own {@link ConnectorContext}. They keep no per-job state in fields; state
 * that must survive a run goes in a checkpoint.
 */
public interface Connector {
  /** What this connector is, in the domain's words. Cheap and constant. */
  ConnectorDescriptor descriptor();

  /**
   * Validates the configuration and the authorization before a run: settings that depend on each
   * other, a credential of an accepted kind, and — where the third party offers a cheap call for it
   * — that the credential works. Never moves data.
   *
   * <p>The default checks that the authorization is of a kind the descriptor accepts.
   */
  default CheckResult check(ConnectorContext context) {
    if (!descriptor().accepts(context.authorization())) {
      return CheckResult.problem(
          "authorization",
          descriptor().name() + " does not accept a " + context.authorization().kind());
    }
    return CheckResult.ok();
  }

  /**
   * How fast the third party lets one credential call it, as configured: requests per interval and
   * concurrent connections. The runtime enforces it across every job that uses this connector with
   * the same credential, so connectors never count requests themselves; a job may override it.
   *
   * <p>The default is {@link RateLimit#unlimited()}.
   */
  default RateLimit rateLimit(ConnectorConfig config) {
    return RateLimit.unlimited();
  }
}
