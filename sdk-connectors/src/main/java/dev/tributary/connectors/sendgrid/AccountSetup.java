package dev.tributary.connectors.sendgrid;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tributary.connectors.http.HttpRequest;
import dev.tributary.connectors.http.HttpResponse;
import dev.tributary.connectors.http.HttpTransport;
import dev.tributary.core.ConfigException;
import dev.tributary.core.ErrorClass;
import dev.tributary.core.TributaryException;
import dev.tributary.core.auth.Authorization;
import dev.tributary.core.connector.ConnectorContext;
import java.net.URI;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What an export needs to exist in the SendGrid account before contacts are sent: the membership
 * custom field (created as Text when missing and allowed), the custom fields named in {@code
 * fields}, and a segment per audience. What was found or made is cached per endpoint and
 * credential, so a batch costs no extra requests once the account is set up; {@link #forget} drops
 * it when SendGrid refuses a request in a way a stale cache explains.
 *
 * <p>Thread-safe: one account's setup runs one batch at a time.
 */
final class AccountSetup {
  private static final Logger log = LoggerFactory.getLogger(AccountSetup.class);

  /** A custom field definition. */
  record Field(String id, String name, String type) {}

  /** The account's fields and segments as known. */
  static final class Account {
    private final Map<String, Field> fields = new HashMap<>(); // by lower-case name
    private final Set<String> segments = new HashSet<>();
    private boolean fieldsLoaded;
    private boolean segmentsLoaded;

    synchronized @Nullable Field field(String name) {
      return fields.get(name.toLowerCase(Locale.ROOT));
    }
  }

  private record Key(URI endpoint, Authorization authorization) {}

  private final HttpTransport transport;
  private final Map<Key, Account> accounts = new ConcurrentHashMap<>();

  AccountSetup(HttpTransport transport) {
    this.transport = transport;
  }

  /**
   * The account with the membership field, the mapped fields and the segments of {@code audiences}.
   */
  Account prepare(ConnectorContext context, SendGridSettings s, Set<String> audiences) {
    Account account =
        accounts.computeIfAbsent(
            new Key(s.endpoint(), context.authorization()), k -> new Account());
    synchronized (account) {
      if (!account.fieldsLoaded) {
        loadFields(context, s, account);
      }
      if (account.field(s.membershipField()) == null) {
        createMembershipField(context, s, account);
      }
      for (String name : s.fields().keySet()) {
        if (!SendGridSettings.RESERVED.contains(name) && account.field(name) == null) {
          throw new ConfigException(
              SendGridSettings.FIELDS,
              "SendGrid has no custom field \""
                  + name
                  + "\" (from \"fields\"): create it in SendGrid (Marketing › Custom Fields) or"
                  + " map a reserved field",
              null);
        }
      }
      if (s.segments()) {
        for (String audience : audiences) {
          ensureSegment(context, s, account, audience);
        }
      }
    }
    return account;
  }

  void forget(ConnectorContext context, SendGridSettings s) {
    accounts.remove(new Key(s.endpoint(), context.authorization()));
  }

  private void loadFields(ConnectorContext context, SendGridSettings s, Account account) {
    JsonNode body =
        transport
            .execute(context, HttpRequest.get(s.url("/v3/marketing/field_definitions")).build())
            .json();
    for (JsonNode f : body.path("custom_fields")) {
      Field field =
          new Field(f.path("id").asText(), f.path("name").asText(), f.path("field_type").asText());
      account.fields.put(field.name().toLowerCase(Locale.ROOT), field);
    }
    account.fieldsLoaded = true;
  }

  private void createMembershipField(ConnectorContext context, SendGridSettings s, Account a) {
    if (!s.createField()) {
      throw new ConfigException(
          SendGridSettings.MEMBERSHIP_FIELD,
          "SendGrid has no custom field \""
              + s.membershipField()
              + "\": create it as a Text field, or set \"create_field\" to true",
          null);
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("name", s.membershipField());
    body.put("field_type", "Text");
    JsonNode created =
        post(
                context,
                s.url("/v3/marketing/field_definitions"),
                body,
                SendGridSettings.MEMBERSHIP_FIELD)
            .json();
    Field field =
        new Field(
            created.path("id").asText(),
            created.path("name").asText(s.membershipField()),
            created.path("field_type").asText("Text"));
    log.debug("created the SendGrid custom field {} ({})", field.name(), field.id());
    a.fields.put(field.name().toLowerCase(Locale.ROOT), field);
  }

  private void ensureSegment(
      ConnectorContext context, SendGridSettings s, Account account, String audience) {
    String name = s.segmentName().replace("{audience}", audience);
    if (!account.segmentsLoaded) {
      loadSegments(context, s, account);
    }
    if (account.segments.contains(name)) {
      return;
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("name", name);
    body.put(
        "query_dsl",
        s.segmentQuery()
            .replace("{field}", s.membershipField())
            .replace("{audience}", literal(audience)));
    try {
      post(context, s.url("/v3/marketing/segments/2.0"), body, SendGridSettings.SEGMENT_QUERY);
      log.debug("created the SendGrid segment {}", name);
    } catch (ConfigException e) {
      loadSegments(context, s, account); // made meanwhile by another process?
      if (!account.segments.contains(name)) {
        throw e;
      }
    }
    account.segments.add(name);
  }

  private void loadSegments(ConnectorContext context, SendGridSettings s, Account account) {
    JsonNode body =
        transport
            .execute(context, HttpRequest.get(s.url("/v3/marketing/segments/2.0")).build())
            .json();
    for (JsonNode segment : body.path("results")) {
      account.segments.add(segment.path("name").asText());
    }
    account.segmentsLoaded = true;
  }

  /**
   * POSTs a definition; a refusal (4xx other than credentials and rate limits) is a {@code CONFIG}
   * error naming {@code setting}: the account cannot be set up as configured.
   */
  private HttpResponse post(
      ConnectorContext context, URI url, Map<String, Object> body, String setting) {
    try {
      return SendGridErrors.execute(transport, context, HttpRequest.post(url).json(body).build());
    } catch (TributaryException e) {
      if (e.errorClass() != ErrorClass.VALIDATION) {
        throw e;
      }
      throw new ConfigException(
          setting, "SendGrid refused to create " + body.get("name") + ": " + e.getMessage(), e);
    }
  }

  /** {@code text} as the inside of a Segmentation string literal (and a LIKE pattern). */
  static String literal(String text) {
    return text.replace("\\", "\\\\").replace("'", "\\'").replace("%", "%%");
  }
}
