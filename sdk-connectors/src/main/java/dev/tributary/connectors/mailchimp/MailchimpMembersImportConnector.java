package dev.tributary.connectors.mailchimp;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tributary.connectors.http.HttpResponse;
import dev.tributary.connectors.http.HttpSettings;
import dev.tributary.connectors.http.HttpTransport;
import dev.tributary.connectors.internal.json.JsonCodec;
import dev.tributary.core.ConfigException;
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
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Imports the members of a Mailchimp audience (a "list"): {@code GET /lists/{list_id}/members},
 * sorted by {@code last_changed}, incremental by {@code since_last_changed}. Each record is the
 * member as Mailchimp sent it (without {@code _links}); {@link MailchimpMembers} maps members into
 * profiles through identity resolution.
 *
 * <p>Paging and checkpoints follow {@link KeysetPager}: each query asks from a second before the
 * highest {@code last_changed} committed (Mailchimp's "changed after" does not say whether that
 * second is included), records before it are skipped and those at it by their {@code id} (the
 * cursor-boundary rule); offsets only step over members changed in the same second. A restarted job
 * goes on from its last committed page; a run on a cadence reads only what changed since.
 *
 * <p>Uncertain in Mailchimp's documentation, and handled conservatively: whether {@code
 * since_last_changed} includes its own second (the query overlaps by a second), and whether changes
 * become visible in {@code last_changed} order (a change that shows up late with an older time than
 * one already committed would be read only on its next change).
 *
 * <p>Immutable and thread-safe.
 */
public final class MailchimpMembersImportConnector
    implements ImportConnector<Map<String, @Nullable Object>> {
  public static final String LIST_ID = "list_id";
  public static final String STATUS = "status";
  public static final String FIELDS = "fields";

  private static final Set<String> STATUSES =
      Set.of("subscribed", "unsubscribed", "cleaned", "pending", "transactional", "archived");

  /** This connector's descriptor, for the connector catalogue. */
  public static final ConnectorDescriptor DESCRIPTOR = descriptorBuilder().build();

  private final HttpTransport transport;
  private final KeysetPager pager = new KeysetPager("last_changed", "id");

  private MailchimpMembersImportConnector(HttpTransport transport) {
    this.transport = transport;
  }

  /** An import on a transport of its own. */
  public static MailchimpMembersImportConnector create() {
    return new MailchimpMembersImportConnector(HttpTransport.create());
  }

  /** An import on {@code transport} (shared client and {@code ObjectMapper}). */
  public static MailchimpMembersImportConnector create(HttpTransport transport) {
    return new MailchimpMembersImportConnector(Objects.requireNonNull(transport, "transport"));
  }

  private static ConnectorDescriptor.Builder descriptorBuilder() {
    ConnectorDescriptor.Builder b =
        ConnectorDescriptor.builder("mailchimp-members-import")
            .name("Mailchimp audience members import")
            .description(
                "Imports the members of a Mailchimp audience as user profiles, paged and"
                    + " incremental by their last change, for identity resolution. Uncertain in"
                    + " Mailchimp's documentation: whether since_last_changed includes its own"
                    + " second (the query overlaps by a second), and whether changes become"
                    + " visible in last_changed order (one that shows up late with an older time"
                    + " is read on its next change).")
            .type(IntegrationType.SERVER_TO_SERVER)
            .patterns(IntegrationPattern.IMPORT)
            .techniques(Technique.REST_API)
            .frequencies(Frequency.ONE_TIME, Frequency.CONTINUOUS, Frequency.SCHEDULED)
            .resultingData(ResultingData.PROFILES, ResultingData.USER_FIELDS)
            .config(
                ConfigField.required(
                    LIST_ID,
                    ConfigFieldType.STRING,
                    "The audience (list) ID, from the audience's settings, such as a1b2c3d4e5."))
            .config(
                ConfigField.optional(
                    STATUS,
                    ConfigFieldType.STRING,
                    "Only members of this status: subscribed, unsubscribed, cleaned, pending,"
                        + " transactional or archived. Default: every status Mailchimp lists.",
                    null))
            .config(
                ConfigField.optional(
                    FIELDS,
                    ConfigFieldType.LIST,
                    "Member fields to fetch (Mailchimp's fields parameter, such as email_address,"
                        + " merge_fields, status); id and last_changed are always fetched."
                        + " Default: all.",
                    null))
            .configAll(MailchimpApi.fields("500"));
    MailchimpMembers.FIELDS.forEach(b::field);
    return MailchimpApi.accepts(b);
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
  public Page<Map<String, @Nullable Object>> read(ConnectorContext context, Checkpoint from) {
    ConnectorConfig config = context.config();
    URI base = MailchimpApi.baseUrl(config, context.authorization());
    String list = MailchimpApi.segment(config, LIST_ID);
    int size = MailchimpApi.pageSize(config);
    KeysetPosition pos = KeysetPosition.decode(from.cursor());
    HttpResponse response =
        MailchimpApi.get(
            transport,
            context,
            base,
            "/lists/" + list + "/members",
            query(config, pos, size),
            LIST_ID);
    JsonNode members = MailchimpApi.array(response, "members");
    KeysetPager.Result page = pager.page(pos, from.seenAtCursor(), members, size);
    List<Map<String, @Nullable Object>> records = new ArrayList<>(page.records().size());
    page.records().forEach(m -> records.add(withoutLinks(m)));
    return new Page<>(records, page.next(), page.last());
  }

  static Map<String, @Nullable Object> withoutLinks(JsonNode node) {
    Map<String, @Nullable Object> map = JsonCodec.objectOrWrapped(node);
    map.remove("_links");
    return map;
  }

  private static Map<String, String> query(ConnectorConfig config, KeysetPosition pos, int size) {
    Map<String, String> q = new LinkedHashMap<>();
    q.put("count", Integer.toString(size));
    q.put("offset", Long.toString(pos.offset()));
    q.put("sort_field", "last_changed");
    q.put("sort_dir", "ASC");
    if (pos.since() != null) {
      q.put("since_last_changed", KeysetPosition.queryValue(pos.since()));
    }
    config.optionalString(STATUS).map(String::strip).ifPresent(s -> q.put("status", status(s)));
    List<String> fields = config.list(FIELDS);
    if (!fields.isEmpty()) {
      Set<String> wanted = new LinkedHashSet<>(List.of("members.id", "members.last_changed"));
      fields.forEach(f -> wanted.add(f.startsWith("members.") ? f : "members." + f));
      q.put("fields", String.join(",", wanted));
    }
    return q;
  }

  private static String status(String status) {
    if (!STATUSES.contains(status)) {
      throw new ConfigException(
          STATUS,
          "\"status\" must be one of " + String.join(", ", STATUSES.stream().sorted().toList()),
          null);
    }
    return status;
  }

  /**
   * Checks the credential and settings, then that the key works ({@code GET /ping}) and the
   * audience exists ({@code GET /lists/{list_id}}). Moves no data.
   */
  @Override
  public CheckResult check(ConnectorContext context) {
    CheckResult result;
    try {
      context.config().optionalString(STATUS).map(String::strip).ifPresent(s -> status(s));
      String list = MailchimpApi.segment(context.config(), LIST_ID);
      result = MailchimpApi.check(this, transport, context, "/lists/" + list, LIST_ID);
    } catch (ConfigException e) {
      result = CheckResult.problem(e.setting().orElse(LIST_ID), e.getMessage());
    }
    return result;
  }

  @Override
  public String toString() {
    return "MailchimpMembersImportConnector";
  }
}
