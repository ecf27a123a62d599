package dev.tributary.connectors.sendgrid;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tributary.connectors.http.HttpRequest;
import dev.tributary.connectors.http.HttpResponse;
import dev.tributary.connectors.http.HttpTransport;
import dev.tributary.core.TributaryException;
import dev.tributary.core.auth.Authorization;
import dev.tributary.core.connector.ConnectorContext;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentLinkedDeque;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The upsert jobs SendGrid accepted and has not reported on yet, oldest first, and their follow-up:
 * a job is looked up with the credential and endpoint it was sent with, once it is old enough, and
 * handed to the listener when finished. Bounded ({@value #MAX_PENDING} jobs, a day each): a job
 * that cannot be followed up is dropped with a DEBUG line, never failing an export.
 *
 * <p>Thread-safe.
 */
final class SendGridJobs {
  static final int MAX_PENDING = 1000;
  static final Duration GIVE_UP = Duration.ofDays(1);
  private static final Logger log = LoggerFactory.getLogger(SendGridJobs.class);

  private record Pending(
      String id, URI endpoint, Authorization authorization, int contacts, Instant submittedAt) {}

  private final ConcurrentLinkedDeque<Pending> pending = new ConcurrentLinkedDeque<>();
  private final HttpTransport transport;
  private final SendGridJobListener listener;

  SendGridJobs(HttpTransport transport, SendGridJobListener listener) {
    this.transport = transport;
    this.listener = listener;
  }

  void submitted(ConnectorContext context, SendGridSettings s, String jobId, int contacts) {
    pending.addLast(
        new Pending(
            jobId, s.endpoint(), context.authorization(), contacts, context.clock().instant()));
    while (pending.size() > MAX_PENDING) {
      Pending dropped = pending.pollFirst();
      if (dropped != null) {
        log.debug("too many SendGrid jobs to follow up; job {} is not", dropped.id());
      }
    }
  }

  int size() {
    return pending.size();
  }

  /**
   * Looks up at most {@code max} jobs of this context's credential that are at least {@code minAge}
   * old, reports the finished ones to the listener and returns them. Never throws: a failed lookup
   * leaves the job for later.
   */
  List<SendGridJob> poll(ConnectorContext context, SendGridSettings s, int max, Duration minAge) {
    Instant now = context.clock().instant();
    List<SendGridJob> finished = new ArrayList<>();
    int looked = 0;
    for (Iterator<Pending> it = pending.iterator(); it.hasNext() && looked < max; ) {
      Pending p = it.next();
      if (!p.endpoint().equals(s.endpoint())
          || !p.authorization().equals(context.authorization())) {
        continue;
      }
      if (p.submittedAt().plus(GIVE_UP).isBefore(now)) {
        log.debug("SendGrid job {} still unfinished after a day; no longer followed", p.id());
        pending.remove(p);
        continue;
      }
      if (p.submittedAt().plus(minAge).isAfter(now)) {
        break; // the rest are younger still
      }
      looked++;
      SendGridJob job;
      try {
        job = lookUp(context, s, p);
      } catch (TributaryException e) {
        log.debug("could not look SendGrid job {} up: {}", p.id(), e.getMessage());
        break; // rate-limited or down: later
      }
      if (job == null || job.finished()) {
        pending.remove(p);
      }
      if (job != null && job.finished()) {
        finished.add(job);
        listener.jobFinished(job);
      }
    }
    return finished;
  }

  /** The job's state, or null if SendGrid does not know it (404). */
  private @Nullable SendGridJob lookUp(ConnectorContext context, SendGridSettings s, Pending p) {
    HttpResponse response =
        transport.exchange(
            context, HttpRequest.get(s.url("/v3/marketing/contacts/imports/" + p.id())).build());
    if (response.status() == 404) {
      log.debug("SendGrid knows no job {}", p.id());
      return null;
    }
    if (response.status() >= 400) {
      throw SendGridErrors.classify(response, context.clock());
    }
    JsonNode body = response.json();
    JsonNode results = body.path("results");
    String errorsUrl = results.path("errors_url").asText("");
    return new SendGridJob(
        Objects.requireNonNullElse(body.path("id").textValue(), p.id()),
        SendGridJob.Status.parse(body.path("status").asText("pending")),
        p.contacts(),
        p.submittedAt(),
        results.path("requested_count").asLong(0),
        results.path("created_count").asLong(0),
        results.path("updated_count").asLong(0),
        results.path("errored_count").asLong(0),
        errorsUrl.isBlank() ? null : uri(errorsUrl));
  }

  private static @Nullable URI uri(String text) {
    try {
      return URI.create(text.strip());
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
