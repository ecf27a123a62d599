package dev.tributary.connectors.sendgrid;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hears how SendGrid's asynchronous upserts ended. SendGrid accepts an upsert at once (202) and
 * processes it later, so contacts it then rejects cannot be items of the batch's result; the
 * connector looks the jobs up later (see {@link SendGridExportConnector}) and tells this listener.
 * A host records failures here (an alert, a report with {@link SendGridJob#errorsUrl()}).
 *
 * <p>Called on the thread of a connector call; must be quick, thread-safe and must not throw.
 */
@FunctionalInterface
public interface SendGridJobListener {
  void jobFinished(SendGridJob job);

  /**
   * The default: a job with failures is logged at WARN (the failure reaches no caller), others at
   * DEBUG. Job ID and counts only: the errors file may hold personal data.
   */
  static SendGridJobListener logging() {
    return LoggingListener.INSTANCE;
  }
}

/** {@link SendGridJobListener#logging()}. */
enum LoggingListener implements SendGridJobListener {
  INSTANCE;

  private static final Logger log = LoggerFactory.getLogger(SendGridJobListener.class);

  @Override
  public void jobFinished(SendGridJob job) {
    if (job.hasFailures()) {
      log.warn(
          "SendGrid upsert job {} {}: {} of {} contacts failed; its errors file lists them",
          job.id(),
          job.status(),
          job.errored(),
          job.requested());
    } else {
      log.debug("SendGrid upsert job {} completed: {} contacts", job.id(), job.requested());
    }
  }
}
