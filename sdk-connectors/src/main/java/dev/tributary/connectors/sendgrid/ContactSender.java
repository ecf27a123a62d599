package dev.tributary.connectors.sendgrid;

import dev.tributary.connectors.http.HttpRequest;
import dev.tributary.connectors.http.HttpResponse;
import dev.tributary.connectors.http.HttpTransport;
import dev.tributary.core.ErrorClass;
import dev.tributary.core.TransientException;
import dev.tributary.core.TributaryException;
import dev.tributary.core.ValidationException;
import dev.tributary.core.connector.ConnectorContext;
import dev.tributary.core.connector.ItemResult;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * Sends a batch's merged contacts to {@code PUT /v3/marketing/contacts}: sets the account up,
 * writes each contact, packs them into requests within the limits, and records each item's outcome
 * (see {@link SendGridExportConnector} for the rules). Thread-safe: it holds no per-batch state.
 */
final class ContactSender {
  private final HttpTransport transport;
  private final AccountSetup setup;
  private final SendGridJobs jobs;

  ContactSender(HttpTransport transport, AccountSetup setup, SendGridJobs jobs) {
    this.transport = transport;
    this.setup = setup;
    this.jobs = jobs;
  }

  /** Sends {@code drafts}; fills {@code out} for their items that failed. */
  void send(
      ConnectorContext context, SendGridSettings s, List<ContactDraft> drafts, ItemResult[] out) {
    Set<String> audiences = new TreeSet<>();
    drafts.forEach(d -> audiences.addAll(d.memberships()));
    AccountSetup.Account account = setup.prepare(context, s, audiences);
    Map<ContactDraft, byte[]> bodies = new LinkedHashMap<>();
    for (ContactDraft d : drafts) {
      try {
        byte[] body = Upsert.contact(d, s, account, transport.objectMapper());
        if (Upsert.alone(body) > s.maxRequestBytes()) {
          throw new ValidationException(
              "the contact is larger than a SendGrid request may be ("
                  + s.maxRequestBytes()
                  + " bytes)");
        }
        bodies.put(d, body);
      } catch (ValidationException e) {
        fail(d, e, out);
      }
    }
    Deque<Upsert.Request> queue = new ArrayDeque<>(pack(bodies.keySet(), bodies, s));
    while (!queue.isEmpty()) {
      Upsert.Request request = queue.poll();
      List<ContactDraft> resend = new ArrayList<>();
      TributaryException stop = put(context, s, request, out, resend);
      if (stop != null) {
        queue.forEach(later -> later.contacts().forEach(d -> fail(d, notSent(stop), out)));
        return;
      }
      List<Upsert.Request> again = pack(resend, bodies, s);
      for (int i = again.size() - 1; i >= 0; i--) {
        queue.addFirst(again.get(i));
      }
    }
  }

  private static List<Upsert.Request> pack(
      Collection<ContactDraft> drafts, Map<ContactDraft, byte[]> bodies, SendGridSettings s) {
    List<ContactDraft> contacts = List.copyOf(drafts);
    return Upsert.pack(contacts, contacts.stream().map(bodies::get).toList(), s.maxRequestBytes());
  }

  /**
   * Sends one request. A 400 that blames some of its contacts rejects those and puts the others in
   * {@code resend} (each round drops at least one contact, so resending ends). Returns the
   * retryable failure that should stop the batch, if any.
   */
  private @Nullable TributaryException put(
      ConnectorContext context,
      SendGridSettings s,
      Upsert.Request request,
      ItemResult[] out,
      List<ContactDraft> resend) {
    HttpResponse response =
        transport.exchange(
            context,
            HttpRequest.builder("PUT", s.url("/v3/marketing/contacts"))
                .body(request.body(), "application/json")
                .build());
    if (response.isSuccessful()) {
      String jobId = response.bodyLength() == 0 ? "" : response.json().path("job_id").asText("");
      if (!jobId.isEmpty()) {
        jobs.submitted(context, s, jobId, request.contacts().size());
      }
      return null;
    }
    TributaryException error = SendGridErrors.classify(response, context.clock());
    if (error.errorClass() == ErrorClass.VALIDATION) {
      rejectBlamed(context, s, request, response, error, out, resend);
      return null;
    }
    if (error.errorClass() != ErrorClass.TRANSIENT) {
      throw error;
    }
    request.contacts().forEach(d -> fail(d, error, out));
    return error;
  }

  /**
   * Rejects the contacts a 400 names and puts the others in {@code resend}; throws {@code error} if
   * it names none of the request's contacts (the runtime then splits the batch).
   */
  private void rejectBlamed(
      ConnectorContext context,
      SendGridSettings s,
      Upsert.Request request,
      HttpResponse response,
      TributaryException error,
      ItemResult[] out,
      List<ContactDraft> resend) {
    List<ContactDraft> contacts = request.contacts();
    Map<Integer, String> blamed = SendGridErrors.blamedContacts(response);
    blamed.keySet().removeIf(i -> i >= contacts.size());
    if (blamed.isEmpty()) {
      setup.forget(context, s); // a field or segment removed meanwhile? look again next time
      throw error;
    }
    for (int i = 0; i < contacts.size(); i++) {
      String why = blamed.get(i);
      if (why == null) {
        resend.add(contacts.get(i));
      } else {
        fail(contacts.get(i), new ValidationException("SendGrid refused the contact: " + why), out);
      }
    }
  }

  private static TransientException notSent(TributaryException cause) {
    return new TransientException(
        "not sent: an earlier request of the batch failed (" + cause.getMessage() + ")",
        cause.retryAfter().orElse(null),
        cause);
  }

  private static void fail(ContactDraft d, TributaryException e, ItemResult[] out) {
    for (int item : d.items()) {
      out[item] = ItemResult.failed(item, e);
    }
  }
}
