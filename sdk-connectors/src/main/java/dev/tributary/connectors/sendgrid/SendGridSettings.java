package dev.tributary.connectors.sendgrid;

import dev.tributary.connectors.http.HttpSettings;
import dev.tributary.connectors.internal.ApiUrls;
import dev.tributary.core.ConfigException;
import dev.tributary.core.connector.ConfigField;
import dev.tributary.core.connector.ConfigFieldType;
import dev.tributary.core.connector.ConnectorConfig;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The settings of {@link SendGridExportConnector}, read and checked. */
record SendGridSettings(
    URI endpoint,
    String emailIdentity,
    Optional<String> externalIdIdentity,
    Map<String, String> fields,
    String membershipField,
    Set<String> audiences,
    boolean createField,
    boolean segments,
    String segmentName,
    String segmentQuery,
    int maxRequestBytes,
    Duration jobPollDelay,
    int maxJobPolls) {

  static final String EMAIL_IDENTITY = "email_identity";
  static final String EXTERNAL_ID_IDENTITY = "external_id_identity";
  static final String FIELDS = "fields";
  static final String MEMBERSHIP_FIELD = "membership_field";
  static final String AUDIENCES = "audiences";
  static final String CREATE_FIELD = "create_field";
  static final String SEGMENTS = "segments";
  static final String SEGMENT_NAME = "segment_name";
  static final String SEGMENT_QUERY = "segment_query";
  static final String MAX_REQUEST_BYTES = "max_request_bytes";
  static final String JOB_POLL_DELAY = "job_poll_delay";
  static final String MAX_JOB_POLLS = "max_job_polls";

  /** SendGrid's documented limit: 6 MB per request (counted as 6,000,000 bytes to be safe). */
  static final int DOCUMENTED_MAX_BYTES = 6_000_000;

  static final String DEFAULT_QUERY =
      "SELECT contact_id, updated_at FROM contact_data WHERE {field} LIKE '%,{audience},%'";

  /** The reserved contact fields SendGrid takes at the top level of a contact. */
  static final Set<String> RESERVED =
      Set.of(
          "first_name",
          "last_name",
          "address_line_1",
          "address_line_2",
          "alternate_emails",
          "city",
          "state_province_region",
          "postal_code",
          "country",
          "phone_number",
          "whatsapp",
          "line",
          "facebook",
          "unique_name");

  static List<ConfigField> configFields() {
    return List.of(
        ConfigField.optional(
            HttpSettings.ENDPOINT,
            ConfigFieldType.URL,
            "SendGrid's API host: https://api.sendgrid.com, or https://api.eu.sendgrid.com for an"
                + " EU regional account.",
            "https://api.sendgrid.com"),
        ConfigField.optional(
            EMAIL_IDENTITY,
            ConfigFieldType.STRING,
            "The identity kind holding the contact's e-mail address, SendGrid's key.",
            "email"),
        ConfigField.optional(
            EXTERNAL_ID_IDENTITY,
            ConfigFieldType.STRING,
            "An identity kind sent as the contact's external_id. Default: none.",
            null),
        ConfigField.optional(
            FIELDS,
            ConfigFieldType.LIST,
            "Contact fields to set, as sendgrid_field=profile_field (or one name for both): a"
                + " reserved field such as first_name, or the name of a custom field.",
            null),
        ConfigField.optional(
            MEMBERSHIP_FIELD,
            ConfigFieldType.STRING,
            "The Text custom field that lists the contact's current audiences, as ,a,b, .",
            "tributary_audiences"),
        ConfigField.optional(
            AUDIENCES,
            ConfigFieldType.LIST,
            "The audiences kept in the membership field and given segments. Default: every"
                + " audience of the profile.",
            null),
        ConfigField.optional(
            CREATE_FIELD,
            ConfigFieldType.BOOLEAN,
            "Whether to create the membership field when it does not exist.",
            "true"),
        ConfigField.optional(
            SEGMENTS,
            ConfigFieldType.BOOLEAN,
            "Whether to create a segment per exported audience, defined on the membership field.",
            "true"),
        ConfigField.optional(
            SEGMENT_NAME,
            ConfigFieldType.STRING,
            "The name of an audience's segment; {audience} stands for the audience.",
            "{audience}"),
        ConfigField.optional(
            SEGMENT_QUERY,
            ConfigFieldType.STRING,
            "The segment's query (Segmentation v2 SQL); {field} is the membership field,"
                + " {audience} the audience, escaped for a string literal.",
            DEFAULT_QUERY),
        ConfigField.optional(
            MAX_REQUEST_BYTES,
            ConfigFieldType.INTEGER,
            "The largest request body; batches are split below it. SendGrid takes at most 6 MB.",
            Integer.toString(DOCUMENTED_MAX_BYTES)),
        ConfigField.optional(
            JOB_POLL_DELAY,
            ConfigFieldType.DURATION,
            "How long after an upsert its job's outcome is looked up, at the next batch.",
            "30s"),
        ConfigField.optional(
            MAX_JOB_POLLS,
            ConfigFieldType.INTEGER,
            "Upsert jobs looked up per batch at most; 0 to never look them up.",
            "5"),
        ConfigField.optional(
            HttpSettings.RATE_LIMIT_REQUESTS,
            ConfigFieldType.INTEGER,
            "Batches allowed per rate_limit_interval for this credential; 0 for no limit (SendGrid"
                + " answers too many with 429 and the time its limit resets).",
            "0"),
        ConfigField.optional(
            HttpSettings.RATE_LIMIT_INTERVAL,
            ConfigFieldType.DURATION,
            "The interval rate_limit_requests is counted over.",
            "1s"),
        ConfigField.optional(
            HttpSettings.MAX_CONCURRENCY,
            ConfigFieldType.INTEGER,
            "Batches at the same time for this credential; 0 for no limit.",
            "0"));
  }

  static SendGridSettings of(ConnectorConfig c) {
    String membership = c.string(MEMBERSHIP_FIELD).strip();
    if (!membership.matches("[A-Za-z_][A-Za-z0-9_]{0,99}")) {
      throw new ConfigException(
          MEMBERSHIP_FIELD,
          "\"membership_field\" must be letters, digits and underscores, starting with a letter or"
              + " an underscore (SendGrid's rule for custom field names)",
          null);
    }
    String name = c.string(SEGMENT_NAME);
    String query = c.string(SEGMENT_QUERY);
    if (!name.contains("{audience}") || !query.contains("{audience}")) {
      throw new ConfigException(
          name.contains("{audience}") ? SEGMENT_QUERY : SEGMENT_NAME,
          "\"segment_name\" and \"segment_query\" must contain {audience}",
          null);
    }
    long bytes = c.integer(MAX_REQUEST_BYTES);
    if (bytes < 1024 || bytes > DOCUMENTED_MAX_BYTES) {
      throw new ConfigException(
          MAX_REQUEST_BYTES,
          "\"max_request_bytes\" must be 1024 to " + DOCUMENTED_MAX_BYTES + ", not " + bytes,
          null);
    }
    long polls = c.integer(MAX_JOB_POLLS);
    if (polls < 0 || polls > 100) {
      throw new ConfigException(MAX_JOB_POLLS, "\"max_job_polls\" must be 0 to 100", null);
    }
    return new SendGridSettings(
        HttpSettings.endpoint(c),
        c.string(EMAIL_IDENTITY).strip(),
        c.optionalString(EXTERNAL_ID_IDENTITY).map(String::strip).filter(s -> !s.isEmpty()),
        fieldMap(c.list(FIELDS), membership),
        membership,
        new LinkedHashSet<>(c.list(AUDIENCES)),
        c.bool(CREATE_FIELD),
        c.bool(SEGMENTS),
        name,
        query,
        (int) bytes,
        c.duration(JOB_POLL_DELAY),
        (int) polls);
  }

  private static Map<String, String> fieldMap(List<String> entries, String membership) {
    Map<String, String> map = new LinkedHashMap<>();
    for (String entry : entries) {
      int eq = entry.indexOf('=');
      String target = (eq < 0 ? entry : entry.substring(0, eq)).strip();
      String source = (eq < 0 ? entry : entry.substring(eq + 1)).strip();
      if (target.isEmpty() || source.isEmpty()) {
        throw new ConfigException(
            FIELDS, "\"fields\" entries are sendgrid_field=profile_field, not " + entry, null);
      }
      if (target.equalsIgnoreCase(membership) || target.equals("email")) {
        throw new ConfigException(
            FIELDS, "\"fields\" must not set " + target + ": the connector sets it itself", null);
      }
      map.put(target, source);
    }
    return map;
  }

  /** {@code path} under the endpoint: {@code /v3/marketing/contacts}. */
  URI url(String path) {
    return ApiUrls.under(endpoint, path);
  }

  /** Whether {@code audience} is one this export keeps. */
  boolean exports(String audience) {
    return audiences.isEmpty() || audiences.contains(audience);
  }
}
