package dev.tributary.connectors.fullcontact;

import static dev.tributary.connectors.fullcontact.FullContactEnrichmentConnector.*;

import dev.tributary.connectors.http.HttpSettings;
import dev.tributary.core.auth.BearerToken;
import dev.tributary.core.connector.ConfigField;
import dev.tributary.core.connector.ConfigFieldType;
import dev.tributary.core.connector.ConnectorDescriptor;
import dev.tributary.core.connector.FieldSpec;
import dev.tributary.core.connector.Frequency;
import dev.tributary.core.connector.IntegrationPattern;
import dev.tributary.core.connector.IntegrationType;
import dev.tributary.core.connector.ResultingData;
import dev.tributary.core.connector.Technique;

/** The FullContact enrichment's descriptor and settings. */
final class FullContactDescriptor {
  static final String ENDPOINT = "https://api.fullcontact.com/v3/person.enrich";
  static final ConnectorDescriptor DESCRIPTOR = build();

  private FullContactDescriptor() {}

  private static ConnectorDescriptor build() {
    ConnectorDescriptor.Builder b =
        ConnectorDescriptor.builder("fullcontact-enrichment")
            .name("FullContact Person Enrich")
            .description(
                "Looks known users up in FullContact by e-mail and phone (Person Enrich) and merges"
                    + " the person fields and Insights Bundles it returns into their profiles;"
                    + " \"queued\" (202) answers are asked again later, 401/403 stop the run,"
                    + " 429 and 5xx are retried. Uncertain: FullContact documents no per-plan rate"
                    + " limit headers that can be trusted (X-Rate-Limit-* are static), so the"
                    + " 6,000 requests a minute default may be above a plan's limit; a 403 is"
                    + " taken as a refused key or used-up quota, as the docs do not tell them"
                    + " apart.")
            .type(IntegrationType.SERVER_TO_SERVER)
            .patterns(IntegrationPattern.ENRICHMENT)
            .techniques(Technique.REST_API)
            .frequencies(Frequency.ONE_TIME, Frequency.CONTINUOUS, Frequency.SCHEDULED)
            .resultingData(ResultingData.USER_FIELDS, ResultingData.PROFILES)
            .field(FieldSpec.reads("email", "Sent as emails[] when \"identifiers\" names it."))
            .field(FieldSpec.reads("phone", "Sent as phones[] (E.164, with the country code)."));
    DEFAULT_FIELDS.forEach(
        (target, pointer) ->
            b.field(FieldSpec.writes(target, "From " + pointer + " unless \"fields\" is set.")));
    b.config(
            ConfigField.optional(
                HttpSettings.ENDPOINT,
                ConfigFieldType.URL,
                "The Person Enrich URL; change it only for a proxy or a test server.",
                ENDPOINT))
        .config(
            ConfigField.optional(
                IDENTIFIERS,
                ConfigFieldType.LIST,
                "The identity kinds sent: email, phone or both.",
                "email, phone"))
        .config(
            ConfigField.optional(
                FIELDS,
                ConfigFieldType.LIST,
                "The user fields filled, as target=/json/pointer into the answer (such as"
                    + " employer=/details/employment/0/name or household=/details/household);"
                    + " empty for the default mapping.",
                null))
        .config(
            ConfigField.optional(
                DATA_FILTER,
                ConfigFieldType.LIST,
                "The Insights Bundles asked for (FullContact's dataFilter, such as individual,"
                    + " demographic_insights); empty for every bundle the plan includes, each"
                    + " billed.",
                null))
        .config(
            ConfigField.optional(
                CONFIDENCE_LEVEL,
                ConfigFieldType.STRING,
                "The least match confidence accepted: LOW, MED, HIGH or MAX; FullContact's default"
                    + " is HIGH.",
                null))
        .config(
            ConfigField.optional(
                QUEUED_RETRY_AFTER,
                ConfigFieldType.DURATION,
                "How long to wait before asking again about a user FullContact is still searching"
                    + " for (202), when it does not say.",
                "2m"))
        .config(HttpSettings.headers());
    b.configAll(HttpSettings.rateLimit(6000, "1m")); // FullContact's documented default plan
    return b.accepts(BearerToken.class).build();
  }
}
