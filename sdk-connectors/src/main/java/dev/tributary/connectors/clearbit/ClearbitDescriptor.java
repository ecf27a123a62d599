package dev.tributary.connectors.clearbit;

import static dev.tributary.connectors.clearbit.ClearbitEnrichmentConnector.*;

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

/** The Clearbit enrichment's descriptor and settings. */
final class ClearbitDescriptor {
  static final ConnectorDescriptor DESCRIPTOR = build();

  private ClearbitDescriptor() {}

  private static ConnectorDescriptor build() {
    ConnectorDescriptor.Builder b =
        ConnectorDescriptor.builder("clearbit-enrichment")
            .name("Clearbit Enrichment")
            .description(
                "Looks known users up in Clearbit by e-mail (person and company, or person only)"
                    + " or their company by domain, and merges what it knows into their profiles;"
                    + " queued (202) lookups are asked again later, within Clearbit's rate limit"
                    + " (600 a minute by default). Uncertain: Clearbit is now part of HubSpot and"
                    + " offers its standalone APIs to existing customers only; this follows the v2"
                    + " documentation, whose 402 (over quota) is treated as a configuration"
                    + " error and whose advice on 202 (\"a few minutes\") sets the retry delay.")
            .type(IntegrationType.SERVER_TO_SERVER)
            .patterns(IntegrationPattern.ENRICHMENT)
            .techniques(Technique.REST_API)
            .frequencies(Frequency.ONE_TIME, Frequency.CONTINUOUS, Frequency.SCHEDULED)
            .resultingData(ResultingData.USER_FIELDS, ResultingData.PROFILES)
            .field(FieldSpec.reads("email", "Looked up by the combined and person lookups."))
            .field(FieldSpec.reads("domain", "Looked up by the company lookup."));
    Lookup.COMBINED
        .defaultFields()
        .forEach(
            (target, pointer) ->
                b.field(
                    FieldSpec.writes(
                        target, "From " + pointer + " (combined) unless \"fields\".")));
    b.config(
            ConfigField.optional(
                LOOKUP,
                ConfigFieldType.STRING,
                "combined (person and company by e-mail), person (by e-mail) or company (by the"
                    + " domain identity).",
                "combined"))
        .config(
            ConfigField.optional(
                API_URL,
                ConfigFieldType.URL,
                "A base URL instead of Clearbit's hosts, for a proxy or a test server.",
                null))
        .config(
            ConfigField.optional(
                FIELDS,
                ConfigFieldType.LIST,
                "The user fields filled, as target=/json/pointer into the answer (such as"
                    + " title=/person/employment/title); empty for the lookup's default mapping.",
                null))
        .config(
            ConfigField.optional(
                QUEUED_RETRY_AFTER,
                ConfigFieldType.DURATION,
                "How long to wait before asking again about a queued (202) lookup when Clearbit"
                    + " does not say.",
                "2m"))
        .config(HttpSettings.headers())
        .configAll(HttpSettings.rateLimit(600, "1m")); // Clearbit's documented Enrichment limit
    return b.accepts(BearerToken.class).build();
  }
}
