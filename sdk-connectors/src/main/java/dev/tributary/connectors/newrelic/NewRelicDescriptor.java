package dev.tributary.connectors.newrelic;

import static dev.tributary.connectors.newrelic.NewRelicEventConnector.*;

import dev.tributary.connectors.http.HttpSettings;
import dev.tributary.core.auth.ApiKey;
import dev.tributary.core.connector.ConfigField;
import dev.tributary.core.connector.ConfigFieldType;
import dev.tributary.core.connector.ConnectorDescriptor;
import dev.tributary.core.connector.Frequency;
import dev.tributary.core.connector.IntegrationPattern;
import dev.tributary.core.connector.IntegrationType;
import dev.tributary.core.connector.ResultingData;
import dev.tributary.core.connector.Technique;

/** The New Relic export's descriptor and settings. */
final class NewRelicDescriptor {
  static final ConnectorDescriptor DESCRIPTOR = build();

  private NewRelicDescriptor() {}

  private static ConnectorDescriptor build() {
    return ConnectorDescriptor.builder("newrelic-events")
        .name("New Relic Event API")
        .description(
            "Sends run metrics and monitoring events (failed runs, rejected items) to New Relic as"
                + " custom events, gzipped, split to New Relic's 1 MB payload limit, with its"
                + " attribute limits checked before sending; 403 stops the run, 408, 429 and 503"
                + " are retried. Uncertain: New Relic answers 200 before it parses a payload and"
                + " drops bad events later (as NrIntegrationError), so a sent event is not"
                + " proof of a stored one; the limits are therefore checked here.")
        .type(IntegrationType.SERVER_TO_SERVER)
        .patterns(IntegrationPattern.EXPORT)
        .techniques(Technique.REST_API)
        .frequencies(Frequency.NEAR_REAL_TIME, Frequency.CONTINUOUS)
        .resultingData(ResultingData.METRICS)
        .config(
            ConfigField.required(
                ACCOUNT_ID, ConfigFieldType.STRING, "The New Relic account number events go to."))
        .config(
            ConfigField.optional(
                REGION,
                ConfigFieldType.STRING,
                "The account's data center: US, EU or FEDRAMP.",
                "US"))
        .config(
            ConfigField.optional(
                API_URL,
                ConfigFieldType.URL,
                "A base URL instead of the region's collector, for a proxy or a test server.",
                null))
        .config(
            ConfigField.optional(
                METRIC_EVENT_TYPE,
                ConfigFieldType.STRING,
                "The event type metrics are sent as (NRQL: FROM TributaryMetric).",
                "TributaryMetric"))
        .config(
            ConfigField.optional(
                EVENT_EVENT_TYPE,
                ConfigFieldType.STRING,
                "The event type monitoring events are sent as.",
                "TributaryEvent"))
        .config(
            ConfigField.optional(
                SOURCE,
                ConfigFieldType.STRING,
                "The \"source\" attribute of every event, to tell installations apart.",
                "tributary"))
        .config(HttpSettings.headers())
        .configAll(HttpSettings.rateLimit(100_000, "1m")) // the Event API's POSTs per account
        .accepts(ApiKey.class)
        .build();
  }
}
