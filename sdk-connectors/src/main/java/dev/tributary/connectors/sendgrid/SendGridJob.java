package dev.tributary.connectors.sendgrid;

import java.net.URI;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The outcome of one asynchronous upsert, as SendGrid's "Import Contacts Status" ({@code GET
 * /v3/marketing/contacts/imports/{id}}) reports it. SendGrid tells how many contacts failed, not
 * which: the details are in the file at {@link #errorsUrl()}.
 *
 * @param id the job ID the upsert answered
 * @param status the job's state
 * @param contacts contacts sent in the upsert
 * @param submittedAt when the upsert was accepted
 * @param requested contacts SendGrid counted ({@code requested_count})
 * @param created contacts created
 * @param updated contacts updated
 * @param errored contacts that failed ({@code errored_count})
 * @param errorsUrl where SendGrid lists the failures, or {@code null}
 */
public record SendGridJob(
    String id,
    Status status,
    int contacts,
    Instant submittedAt,
    long requested,
    long created,
    long updated,
    long errored,
    @Nullable URI errorsUrl) {

  /** A job's state. */
  public enum Status {
    /** Not started yet. */
    PENDING,
    /** Finished without errors. */
    COMPLETED,
    /** Finished with some errors. */
    ERRORED,
    /** Finished with all errors, or not processable at all. */
    FAILED;

    static Status parse(String text) {
      try {
        return valueOf(text.strip().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        return PENDING; // an undocumented state: not finished as far as we know
      }
    }
  }

  public SendGridJob {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(submittedAt, "submittedAt");
  }

  /** Whether SendGrid finished the job, well or not. */
  public boolean finished() {
    return status != Status.PENDING;
  }

  /** Whether any contact of the job failed. */
  public boolean hasFailures() {
    return status == Status.FAILED || errored > 0;
  }

  public Optional<URI> errorsUrlValue() {
    return Optional.ofNullable(errorsUrl);
  }
}
