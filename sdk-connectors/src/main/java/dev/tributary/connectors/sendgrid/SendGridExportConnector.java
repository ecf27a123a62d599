package dev.tributary.connectors.sendgrid;

import dev.tributary.connectors.http.HttpSettings;
import dev.tributary.connectors.http.HttpTransport;
import dev.tributary.connectors.internal.ConfigProblems;
import dev.tributary.core.ValidationException;
import dev.tributary.core.auth.BearerToken;
import dev.tributary.core.connector.BatchResult;
import dev.tributary.core.connector.CheckResult;
import dev.tributary.core.connector.ConnectorConfig;
import dev.tributary.core.connector.ConnectorContext;
import dev.tributary.core.connector.ConnectorDescriptor;
import dev.tributary.core.connector.ExportConnector;
import dev.tributary.core.connector.ItemResult;
import dev.tributary.core.connector.RateLimit;
import dev.tributary.core.model.AudienceChange;
import dev.tributary.core.model.Profile;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiFunction;

/**
 * Exports contacts to SendGrid's Marketing Campaigns (Marketing Contacts API v3): {@link
 * #profiles()} for scheduled or one-time exports of an audience ({@code Job.exporting}), {@link
 * #audienceChanges()} for real-time exports from a {@code TriggeredJob}, with an optional backfill.
 *
 * <p><b>What a batch does.</b> Items are merged per e-mail address (SendGrid's key), then sent with
 * {@code PUT /v3/marketing/contacts} — split so that no request exceeds the documented 30,000
 * contacts or 6 MB. Every contact carries the <em>membership field</em>, a Text custom field
 * (SendGrid has no multi-value type) listing the contact's current audiences between commas, {@code
 * ,churn_risk,vip,} ({@code ,} for none; the delimiters on both sides let a query ask for {@code
 * ,vip,} without matching {@code vip2}). Each exported audience gets a SendGrid <em>segment</em>
 * defined on that field ({@code … WHERE tributary_audiences LIKE '%,vip,%'}), so an exit is the
 * same upsert with the audience removed from the field, and SendGrid drops the contact from the
 * segment when it next evaluates it.
 *
 * <p><b>Why segments, not lists.</b> A segment per audience follows the field by itself: exits need
 * no second call, the order of entries and exits for a contact is the order of the upserts (one
 * write path), and a contact that exits right after it entered needs no ID. Lists would need each
 * exit to look the contact's ID up ({@code POST /contacts/search/emails}), which an upsert still
 * queued does not have yet, and a second asynchronous job ({@code DELETE /lists/{id}/contacts}).
 * The price: SendGrid re-evaluates segments on its own schedule (documented as hourly, 15 minutes
 * for existing contacts), so membership in SendGrid lags the field.
 *
 * <p><b>Asynchronous upserts.</b> SendGrid answers 202 with a {@code job_id} and processes later.
 * Validation errors it finds at once come as a 400 naming the contact ({@code contacts[3].email}):
 * that item is rejected ({@code VALIDATION}) and the others are sent again at once; a 400 that
 * blames no contact rejects the batch whole, which the runtime splits. Jobs are followed up later:
 * at the start of a batch, at most {@value SendGridSettings#MAX_JOB_POLLS} jobs older than {@value
 * SendGridSettings#JOB_POLL_DELAY} are looked up ({@code GET /v3/marketing/contacts/imports/{id}})
 * and finished ones go to the {@link SendGridJobListener} ({@link #pollJobs} does it on demand).
 *
 * <p><b>Limits.</b> A 429 waits until {@code X-RateLimit-Reset} when SendGrid sends no {@code
 * Retry-After}; 401/403 are {@code CONFIG}. The API key is a {@link BearerToken}.
 *
 * <p><b>Uncertain in SendGrid's documentation, handled conservatively:</b> whether the v2
 * segmentation language takes {@code LIKE} on custom fields ({@value
 * SendGridSettings#SEGMENT_QUERY} can be changed), the largest value of a Text field (a contact
 * whose field SendGrid refuses is reported by the job), the date format of Date custom fields (sent
 * as MM/DD/YYYY, as for imports), and whether an empty text clears a field (hence {@code ,}).
 *
 * <p>Thread-safe. It caches the account's field IDs and segments per endpoint and credential, and
 * holds the jobs still to follow up (at most 1,000, for a day); nothing else.
 *
 * @param <T> {@link Profile} or {@link AudienceChange}
 */
public final class SendGridExportConnector<T> implements ExportConnector<T> {
  /** The descriptor of {@link #profiles()}: scheduled or one-time exports of profiles. */
  public static final ConnectorDescriptor DESCRIPTOR_PROFILES = SendGridDescriptors.PROFILES;

  /** The descriptor of {@link #audienceChanges()}: audience trigger with an optional backfill. */
  public static final ConnectorDescriptor DESCRIPTOR_CHANGES = SendGridDescriptors.CHANGES;

  private final ConnectorDescriptor descriptor;
  private final BiFunction<T, SendGridSettings, ContactDraft.Contribution> contribution;
  private final HttpTransport transport;
  private final SendGridJobs jobs;
  private final ContactSender sender;
  private final int maxBatchSize;

  private SendGridExportConnector(Builder<T> b) {
    this.descriptor = b.descriptor;
    this.contribution = b.contribution;
    this.transport = b.transport;
    this.jobs = new SendGridJobs(b.transport, b.listener);
    this.sender = new ContactSender(b.transport, new AccountSetup(b.transport), jobs);
    this.maxBatchSize = b.maxBatchSize;
  }

  /** An export of profiles: {@code Job.exporting} on a schedule or once. */
  public static Builder<Profile> profiles() {
    return new Builder<>(DESCRIPTOR_PROFILES, ContactDraft::of);
  }

  /** An export of audience changes: a {@code TriggeredJob}, with an optional backfill. */
  public static Builder<AudienceChange> audienceChanges() {
    return new Builder<>(DESCRIPTOR_CHANGES, ContactDraft::of);
  }

  @Override
  public ConnectorDescriptor descriptor() {
    return descriptor;
  }

  @Override
  public int maxBatchSize() {
    return maxBatchSize;
  }

  @Override
  public RateLimit rateLimit(ConnectorConfig config) {
    return HttpSettings.rateLimit(config);
  }

  @Override
  public BatchResult write(ConnectorContext context, List<T> batch) {
    SendGridSettings s = SendGridSettings.of(context.config());
    jobs.poll(context, s, s.maxJobPolls(), s.jobPollDelay());
    ItemResult[] results = new ItemResult[batch.size()];
    Map<String, ContactDraft> contacts = new LinkedHashMap<>();
    for (int i = 0; i < batch.size(); i++) {
      try {
        ContactDraft.Contribution c = contribution.apply(batch.get(i), s);
        contacts.computeIfAbsent(c.email(), ContactDraft::new).add(i, c);
      } catch (ValidationException e) {
        results[i] = ItemResult.failed(i, e);
      }
    }
    if (!contacts.isEmpty()) {
      sender.send(context, s, new ArrayList<>(contacts.values()), results);
    }
    for (int i = 0; i < results.length; i++) {
      if (results[i] == null) {
        results[i] = ItemResult.ok(i);
      }
    }
    return new BatchResult(Arrays.asList(results));
  }

  /**
   * Looks up every upsert job of this context's credential still pending, whatever its age; hands
   * the finished ones to the listener and returns them. For a host that wants the outcome of a
   * backfill before it reports it done, say. Never throws for a lookup that fails.
   */
  public List<SendGridJob> pollJobs(ConnectorContext context) {
    return jobs.poll(
        context,
        SendGridSettings.of(context.config()),
        SendGridJobs.MAX_PENDING,
        java.time.Duration.ZERO);
  }

  /** Upsert jobs accepted and not yet reported. */
  public int pendingJobs() {
    return jobs.size();
  }

  /**
   * Checks the credential and the settings, then that the key may read the account's custom field
   * definitions ({@code GET /v3/marketing/field_definitions}, which proves the Marketing scope),
   * that the membership field exists or may be created, and that the mapped custom fields exist.
   * Creates nothing, moves no data.
   */
  @Override
  public CheckResult check(ConnectorContext context) {
    List<CheckResult.Problem> problems = new ArrayList<>();
    SendGridSettings s =
        ConfigProblems.collect(
            problems, "configuration", () -> SendGridSettings.of(context.config()));
    CheckResult basics = HttpSettings.check(this, transport, context, problems);
    if (!basics.isOk() || s == null) {
      return basics;
    }
    return SendGridDescriptors.checkFields(transport, context, s);
  }

  @Override
  public String toString() {
    return "SendGridExportConnector[" + descriptor.id() + "]";
  }

  /** Builds a {@link SendGridExportConnector}. Not thread-safe. */
  public static final class Builder<T> {
    private final ConnectorDescriptor descriptor;
    private final BiFunction<T, SendGridSettings, ContactDraft.Contribution> contribution;
    private HttpTransport transport = HttpTransport.create();
    private SendGridJobListener listener = SendGridJobListener.logging();
    private int maxBatchSize = 1000;

    private Builder(
        ConnectorDescriptor descriptor,
        BiFunction<T, SendGridSettings, ContactDraft.Contribution> contribution) {
      this.descriptor = descriptor;
      this.contribution = contribution;
    }

    /** The HTTP transport. Default: {@link HttpTransport#create()}. */
    public Builder<T> transport(HttpTransport transport) {
      this.transport = Objects.requireNonNull(transport, "transport");
      return this;
    }

    /** Hears how upsert jobs ended. Default: {@link SendGridJobListener#logging()}. */
    public Builder<T> jobListener(SendGridJobListener listener) {
      this.listener = Objects.requireNonNull(listener, "listener");
      return this;
    }

    /**
     * The most items per batch. Default: 1,000, which keeps retries of a batch cheap; SendGrid
     * takes up to 30,000 contacts per request, and larger batches are split by size anyway.
     */
    public Builder<T> maxBatchSize(int maxBatchSize) {
      if (maxBatchSize < 1 || maxBatchSize > Upsert.MAX_CONTACTS) {
        throw new IllegalArgumentException(
            "maxBatchSize must be 1 to " + Upsert.MAX_CONTACTS + ": " + maxBatchSize);
      }
      this.maxBatchSize = maxBatchSize;
      return this;
    }

    public SendGridExportConnector<T> build() {
      return new SendGridExportConnector<>(this);
    }
  }
}
