package dev.tributary.connectors.mailchimp;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tributary.connectors.http.HttpError;
import dev.tributary.connectors.http.HttpRequest;
import dev.tributary.connectors.http.HttpResponse;
import dev.tributary.connectors.http.HttpSettings;
import dev.tributary.connectors.http.HttpTransport;
import dev.tributary.connectors.internal.ApiUrls;
import dev.tributary.core.ConfigException;
import dev.tributary.core.TributaryException;
import dev.tributary.core.connector.CheckResult;
import dev.tributary.core.connector.Checkpoint;
import dev.tributary.core.connector.ConfigField;
import dev.tributary.core.connector.ConfigFieldType;
import dev.tributary.core.connector.ConnectorConfig;
import dev.tributary.core.connector.ConnectorContext;
import dev.tributary.core.connector.ConnectorDescriptor;
import dev.tributary.core.connector.Frequency;
import dev.tributary.core.connector.ImportConnector;
import dev.tributary.core.connector.IntegrationPattern;
import dev.tributary.core.connector.IntegrationType;
import dev.tributary.core.connector.Page;
import dev.tributary.core.connector.RateLimit;
import dev.tributary.core.connector.ResultingData;
import dev.tributary.core.connector.Technique;
import dev.tributary.core.model.Content;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Imports sent Mailchimp campaigns as {@link Content}, for content affinity: {@code GET /campaigns}
 * ({@code status=sent}, sorted by {@code send_time}, incremental by {@code since_send_time}) and,
 * for each campaign, {@code GET /campaigns/{id}/content}. A content item's ID is the campaign's,
 * its type {@code campaign}, its title the subject line (else the campaign's title), its body the
 * plain text (or the HTML, as {@value #BODY} says), its URL the public archive page, its time the
 * send time; the campaign object itself (without {@code _links}) is kept in {@link
 * Content#fields()}.
 *
 * <p>Paging, checkpoints and the cursor-boundary rule are {@link KeysetPager}'s, on {@code
 * send_time} and the campaign ID. One page makes one request for the list and one per campaign; if
 * any fails, the runtime retries the page whole (reading is idempotent). A campaign deleted between
 * the two requests (404 on its content) is imported without a body.
 *
 * <p>Immutable and thread-safe.
 */
public final class MailchimpCampaignContentImportConnector implements ImportConnector<Content> {
  public static final String LIST_ID = "list_id";
  public static final String CAMPAIGN_TYPE = "campaign_type";
  public static final String BODY = "body";

  private static final Logger log =
      LoggerFactory.getLogger(MailchimpCampaignContentImportConnector.class);
  private static final Set<String> BODIES = Set.of("plain_text", "html", "archive_html", "none");

  /** This connector's descriptor, for the connector catalogue. */
  public static final ConnectorDescriptor DESCRIPTOR =
      MailchimpApi.accepts(
              ConnectorDescriptor.builder("mailchimp-campaign-content-import")
                  .name("Mailchimp campaign content import")
                  .description(
                      "Imports the subject, text and archive link of sent Mailchimp campaigns as"
                          + " content items for content affinity, incremental by send time."
                          + " Uncertain in Mailchimp's documentation: whether since_send_time"
                          + " includes its own second (the query overlaps by a second and skips"
                          + " what it already read).")
                  .type(IntegrationType.SERVER_TO_SERVER)
                  .patterns(IntegrationPattern.IMPORT)
                  .techniques(Technique.REST_API)
                  .frequencies(Frequency.ONE_TIME, Frequency.CONTINUOUS, Frequency.SCHEDULED)
                  .resultingData(ResultingData.CONTENT)
                  .config(
                      ConfigField.optional(
                          LIST_ID,
                          ConfigFieldType.STRING,
                          "Only campaigns sent to this audience (list) ID. Default: all.",
                          null))
                  .config(
                      ConfigField.optional(
                          CAMPAIGN_TYPE,
                          ConfigFieldType.STRING,
                          "Only campaigns of this type: regular, plaintext, absplit, rss or"
                              + " variate. Default: all.",
                          null))
                  .config(
                      ConfigField.optional(
                          BODY,
                          ConfigFieldType.STRING,
                          "What becomes the content's body: plain_text, html, archive_html or"
                              + " none (no content request per campaign).",
                          "plain_text"))
                  .configAll(MailchimpApi.fields("50")))
          .build();

  private final HttpTransport transport;
  private final KeysetPager pager = new KeysetPager("send_time", "id");

  private MailchimpCampaignContentImportConnector(HttpTransport transport) {
    this.transport = transport;
  }

  /** An import on a transport of its own. */
  public static MailchimpCampaignContentImportConnector create() {
    return new MailchimpCampaignContentImportConnector(HttpTransport.create());
  }

  /** An import on {@code transport} (shared client and {@code ObjectMapper}). */
  public static MailchimpCampaignContentImportConnector create(HttpTransport transport) {
    return new MailchimpCampaignContentImportConnector(
        Objects.requireNonNull(transport, "transport"));
  }

  @Override
  public ConnectorDescriptor descriptor() {
    return DESCRIPTOR;
  }

  @Override
  public RateLimit rateLimit(ConnectorConfig config) {
    return HttpSettings.rateLimit(config);
  }

  @Override
  public Page<Content> read(ConnectorContext context, Checkpoint from) {
    ConnectorConfig config = context.config();
    URI base = MailchimpApi.baseUrl(config, context.authorization());
    int size = MailchimpApi.pageSize(config);
    String body = body(config);
    KeysetPosition pos = KeysetPosition.decode(from.cursor());
    HttpResponse response =
        MailchimpApi.get(transport, context, base, "/campaigns", query(config, pos, size), LIST_ID);
    JsonNode campaigns = MailchimpApi.array(response, "campaigns");
    KeysetPager.Result page = pager.page(pos, from.seenAtCursor(), campaigns, size);
    List<Content> out = new ArrayList<>(page.records().size());
    for (JsonNode campaign : page.records()) {
      out.add(content(campaign, body.equals("none") ? null : body(context, base, campaign, body)));
    }
    return new Page<>(out, page.next(), page.last());
  }

  private static Map<String, String> query(ConnectorConfig config, KeysetPosition pos, int size) {
    Map<String, String> q = new LinkedHashMap<>();
    q.put("count", Integer.toString(size));
    q.put("offset", Long.toString(pos.offset()));
    q.put("status", "sent");
    q.put("sort_field", "send_time");
    q.put("sort_dir", "ASC");
    if (pos.since() != null) {
      q.put("since_send_time", KeysetPosition.queryValue(pos.since()));
    }
    if (config.optionalString(LIST_ID).isPresent()) {
      q.put("list_id", MailchimpApi.segment(config, LIST_ID));
    }
    if (config.optionalString(CAMPAIGN_TYPE).isPresent()) {
      q.put("type", MailchimpApi.segment(config, CAMPAIGN_TYPE));
    }
    return q;
  }

  private static String body(ConnectorConfig config) {
    String body = config.string(BODY).strip();
    if (!BODIES.contains(body)) {
      throw new ConfigException(
          BODY, "\"body\" must be plain_text, html, archive_html or none, not " + body, null);
    }
    return body;
  }

  private @Nullable String body(
      ConnectorContext context, URI base, JsonNode campaign, String which) {
    String id = KeysetPager.text(campaign, "id");
    if (id == null || !id.matches("[A-Za-z0-9_-]{1,64}")) {
      log.debug("a campaign without a usable id; imported without its content");
      return null;
    }
    try {
      URI url = ApiUrls.under(base, "/campaigns/" + id + "/content");
      JsonNode content = transport.execute(context, HttpRequest.get(url).build()).json();
      JsonNode text = content.path(which);
      return text.isTextual() ? text.textValue() : null;
    } catch (TributaryException e) {
      if (e instanceof HttpError http && http.status() == 404) {
        log.debug("campaign {} has no content any more (404); imported without a body", id);
        return null;
      }
      throw e;
    }
  }

  private static Content content(JsonNode campaign, @Nullable String body) {
    Map<String, @Nullable Object> fields = MailchimpMembersImportConnector.withoutLinks(campaign);
    JsonNode settings = campaign.path("settings");
    String title = KeysetPager.text(settings, "subject_line");
    if (title == null || title.isBlank()) {
      title = KeysetPager.text(settings, "title");
    }
    String url = KeysetPager.text(campaign, "long_archive_url");
    if (url == null || url.isBlank()) {
      url = KeysetPager.text(campaign, "archive_url");
    }
    return new Content(
        Objects.requireNonNullElse(KeysetPager.text(campaign, "id"), ""),
        "campaign",
        title,
        body,
        uri(url),
        KeysetPosition.parseTime(KeysetPager.text(campaign, "send_time")),
        fields);
  }

  private static @Nullable URI uri(@Nullable String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return URI.create(text.strip());
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /**
   * Checks the credential and settings, then that the key works ({@code GET /ping}) and, when
   * {@value #LIST_ID} is set, that the audience exists. Moves no data.
   */
  @Override
  public CheckResult check(ConnectorContext context) {
    try {
      body(context.config());
      String probe =
          context.config().optionalString(LIST_ID).isPresent()
              ? "/lists/" + MailchimpApi.segment(context.config(), LIST_ID)
              : "/campaigns";
      return MailchimpApi.check(this, transport, context, probe, LIST_ID);
    } catch (ConfigException e) {
      return CheckResult.problem(e.setting().orElse(BODY), e.getMessage());
    }
  }

  @Override
  public String toString() {
    return "MailchimpCampaignContentImportConnector";
  }
}
