package dev.tributary.connectors.enrichment;

import static dev.tributary.connectors.enrichment.HttpEnrichmentConnector.*;

import dev.tributary.connectors.http.HttpSettings;
import dev.tributary.core.connector.ConfigField;
import dev.tributary.core.connector.ConfigFieldType;
import dev.tributary.core.connector.ConnectorDescriptor;
import dev.tributary.core.connector.FieldSpec;
import dev.tributary.core.connector.Frequency;
import dev.tributary.core.connector.IntegrationPattern;
import dev.tributary.core.connector.IntegrationType;
import dev.tributary.core.connector.ResultingData;
import dev.tributary.core.connector.Technique;

/** The HTTP enrichment's descriptor and settings. */
final class EnrichmentDescriptor {
  static final ConnectorDescriptor DESCRIPTOR = build();

  private EnrichmentDescriptor() {}

  private static ConnectorDescriptor build() {
    ConnectorDescriptor.Builder b =
        ConnectorDescriptor.builder("http-enrichment")
            .name("HTTP enrichment")
            .description(
                "Sends identifiers of known users (an audience) to a data provider and merges the"
                    + " fields it returns into their profiles, with caching, rate limits and"
                    + " \"queued, ask later\" answers.")
            .type(IntegrationType.SERVER_TO_SERVER)
            .patterns(IntegrationPattern.ENRICHMENT)
            .techniques(Technique.REST_API)
            .frequencies(Frequency.ONE_TIME, Frequency.CONTINUOUS, Frequency.SCHEDULED)
            .resultingData(ResultingData.USER_FIELDS, ResultingData.PROFILES)
            .field(FieldSpec.reads("identifiers", "The identities named in \"identifiers\"."))
            .field(FieldSpec.writes("fields", "The fields named in \"fields\", or all returned."))
            .config(HttpSettings.endpoint("The provider's lookup URL."))
            .config(
                ConfigField.required(
                    IDENTIFIERS,
                    ConfigFieldType.LIST,
                    "The identity kinds sent, such as email or email, phone."))
            .config(
                ConfigField.optional(
                    IDENTIFIER_PARAMS,
                    ConfigFieldType.LIST,
                    "Names the provider uses for them, as kind=name: email=email_address.",
                    null))
            .config(
                ConfigField.optional(
                    FIELDS,
                    ConfigFieldType.LIST,
                    "The fields kept, as target=/json/pointer into the person (a bare name keeps"
                        + " that top-level field); empty keeps every top-level field.",
                    null))
            .config(
                ConfigField.optional(
                    RESULT_POINTER,
                    ConfigFieldType.STRING,
                    "JSON pointer to the person in an answer (per user; default: the whole"
                        + " answer) or to the results array (batched; default /results).",
                    null))
            .config(
                ConfigField.optional(
                    QUEUED_RETRY_AFTER,
                    ConfigFieldType.DURATION,
                    "How long to wait before asking again about a queued user when the provider"
                        + " does not say.",
                    "30s"))
            .config(HttpSettings.headers())
            .config(HttpSettings.checkUrl());
    HttpSettings.rateLimit().forEach(b::config);
    return HttpSettings.acceptHttpAuthorizations(b).build();
  }
}
