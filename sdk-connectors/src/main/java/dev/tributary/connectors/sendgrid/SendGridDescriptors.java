package dev.tributary.connectors.sendgrid;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tributary.connectors.http.HttpRequest;
import dev.tributary.connectors.http.HttpTransport;
import dev.tributary.core.ErrorClass;
import dev.tributary.core.TributaryException;
import dev.tributary.core.auth.BearerToken;
import dev.tributary.core.connector.CheckResult;
import dev.tributary.core.connector.ConnectorContext;
import dev.tributary.core.connector.ConnectorDescriptor;
import dev.tributary.core.connector.FieldSpec;
import dev.tributary.core.connector.Frequency;
import dev.tributary.core.connector.IntegrationPattern;
import dev.tributary.core.connector.IntegrationType;
import dev.tributary.core.connector.ResultingData;
import dev.tributary.core.connector.Technique;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The descriptors of {@link SendGridExportConnector}'s two shapes, and its account check. */
final class SendGridDescriptors {
  private static final String UNCERTAIN =
      "Upserts are asynchronous (202 with a job ID; contacts SendGrid rejects later are reported"
          + " to a job listener, not as items). Uncertain in SendGrid's documentation: whether"
          + " Segmentation v2 takes LIKE on a custom field (segment_query can be changed), the"
          + " longest value of a Text field, the date format of Date fields (sent as MM/DD/YYYY),"
          + " and whether an empty text clears a field (no audience is sent as \",\"); segments"
          + " are re-evaluated on SendGrid's schedule, so segment membership lags the field.";

  static final ConnectorDescriptor PROFILES =
      base("sendgrid-contacts-export", "SendGrid contacts export")
          .description(
              "Upserts an audience's profiles as SendGrid Marketing Campaigns contacts, with a"
                  + " custom field of their current audiences and one segment per audience; once,"
                  + " on a cadence or at a time of day. "
                  + UNCERTAIN)
          .techniques(Technique.REST_API)
          .frequencies(Frequency.ONE_TIME, Frequency.CONTINUOUS, Frequency.SCHEDULED)
          .build();

  static final ConnectorDescriptor CHANGES =
      base("sendgrid-audience-export", "SendGrid audience sync")
          .description(
              "Keeps SendGrid Marketing Campaigns contacts in step with audience entries and"
                  + " exits, micro-batched in near real time, after an optional backfill: a"
                  + " custom field of current audiences and one segment per audience. "
                  + UNCERTAIN)
          .techniques(Technique.REST_API, Technique.AUDIENCE_TRIGGER)
          .frequencies(Frequency.NEAR_REAL_TIME, Frequency.BACKFILL)
          .build();

  private SendGridDescriptors() {}

  private static ConnectorDescriptor.Builder base(String id, String name) {
    return ConnectorDescriptor.builder(id)
        .name(name)
        .type(IntegrationType.SERVER_TO_SERVER)
        .patterns(IntegrationPattern.EXPORT)
        .resultingData(ResultingData.PROFILES, ResultingData.USER_FIELDS)
        .field(
            FieldSpec.reads("email", "Identity (email_identity): the contact's key in SendGrid."))
        .field(
            FieldSpec.reads(
                "<fields>",
                "The profile fields named in \"fields\", as reserved or custom fields."))
        .field(
            FieldSpec.writes(
                "tributary_audiences",
                "SendGrid custom field (membership_field): the contact's audiences, as ,a,b,."))
        .configAll(SendGridSettings.configFields())
        .accepts(BearerToken.class);
  }

  /** The account part of the check: the field definitions can be read and hold what is needed. */
  static CheckResult checkFields(
      HttpTransport transport, ConnectorContext context, SendGridSettings s) {
    JsonNode body;
    try {
      body =
          transport
              .execute(context, HttpRequest.get(s.url("/v3/marketing/field_definitions")).build())
              .json();
    } catch (TributaryException e) {
      String setting = e.errorClass() == ErrorClass.CONFIG ? "authorization" : "endpoint";
      return CheckResult.problem(setting, e.getMessage());
    }
    Map<String, String> types = new HashMap<>();
    for (JsonNode f : body.path("custom_fields")) {
      types.put(f.path("name").asText().toLowerCase(Locale.ROOT), f.path("field_type").asText());
    }
    List<CheckResult.Problem> problems = new ArrayList<>();
    String membership = types.get(s.membershipField().toLowerCase(Locale.ROOT));
    if (membership == null && !s.createField()) {
      problems.add(
          new CheckResult.Problem(
              SendGridSettings.MEMBERSHIP_FIELD,
              "SendGrid has no custom field \""
                  + s.membershipField()
                  + "\"; create it as Text or set create_field to true"));
    } else if (membership != null && !membership.equals("Text")) {
      problems.add(
          new CheckResult.Problem(
              SendGridSettings.MEMBERSHIP_FIELD,
              "the custom field \""
                  + s.membershipField()
                  + "\" is a "
                  + membership
                  + " field; the membership field must be Text"));
    }
    for (String name : s.fields().keySet()) {
      if (!SendGridSettings.RESERVED.contains(name)
          && !types.containsKey(name.toLowerCase(Locale.ROOT))) {
        problems.add(
            new CheckResult.Problem(
                SendGridSettings.FIELDS, "SendGrid has no custom field \"" + name + "\""));
      }
    }
    return new CheckResult(problems);
  }
}
