package dev.tributary.connectors.rest;

import static dev.tributary.connectors.rest.RestImportConnector.*;

import dev.tributary.connectors.http.HttpSettings;
import dev.tributary.core.connector.ConfigField;
import dev.tributary.core.connector.ConfigFieldType;
import dev.tributary.core.connector.ConnectorDescriptor;
import dev.tributary.core.connector.Frequency;
import dev.tributary.core.connector.IntegrationPattern;
import dev.tributary.core.connector.IntegrationType;
import dev.tributary.core.connector.ResultingData;
import dev.tributary.core.connector.Technique;

/** The REST import's descriptor and settings. */
final class ImportDescriptor {
  static final ConnectorDescriptor DESCRIPTOR = build();

  private ImportDescriptor() {}

  private static ConfigField optional(String name, String description, String defaultValue) {
    return ConfigField.optional(name, ConfigFieldType.STRING, description, defaultValue);
  }

  private static ConnectorDescriptor build() {
    ConnectorDescriptor.Builder b =
        ConnectorDescriptor.builder("rest-import")
            .name("REST import")
            .description(
                "Reads users, activity or other records from a JSON API, page by page (offset,"
                    + " page token, cursor or Link header), incrementally by a change cursor with"
                    + " checkpoints: once, continuously on a cadence, or at a time of day.")
            .type(IntegrationType.SERVER_TO_SERVER)
            .patterns(IntegrationPattern.IMPORT)
            .techniques(Technique.REST_API)
            .frequencies(Frequency.ONE_TIME, Frequency.CONTINUOUS, Frequency.SCHEDULED)
            .resultingData(
                ResultingData.PROFILES, ResultingData.USER_FIELDS, ResultingData.RAW_EVENTS)
            .config(HttpSettings.endpoint("The URL of the first page."))
            .config(HttpSettings.headers())
            .config(optional(PAGINATION, "none, offset, page_token, cursor or link.", "none"))
            .config(
                ConfigField.optional(
                    RECORDS_POINTER,
                    ConfigFieldType.STRING,
                    "JSON pointer to the records array in each page, such as /data; unset when"
                        + " the page is the array.",
                    null))
            .config(
                ConfigField.optional(
                    PAGE_SIZE, ConfigFieldType.INTEGER, "Records asked for per page.", "100"))
            .config(
                ConfigField.optional(
                    PAGE_SIZE_PARAM,
                    ConfigFieldType.STRING,
                    "The query parameter that sets the page size, such as limit; unset sends"
                        + " none (then only an empty page ends offset and cursor paging).",
                    null))
            .config(optional(OFFSET_PARAM, "The offset query parameter (offset paging).", "offset"))
            .config(
                optional(
                    TOKEN_PARAM,
                    "The page-token query parameter (page_token paging).",
                    "page_token"))
            .config(
                optional(
                    NEXT_TOKEN_POINTER,
                    "JSON pointer to the next page's token in a page (page_token paging).",
                    "/next_page_token"))
            .config(
                optional(
                    CURSOR_PARAM,
                    "The query parameter taking the last record's key (cursor paging).",
                    "starting_after"))
            .config(
                ConfigField.optional(
                    HAS_MORE_POINTER,
                    ConfigFieldType.STRING,
                    "JSON pointer to a boolean that is false on the last page, such as /has_more.",
                    null))
            .config(
                optional(KEY_FIELD, "The field (or JSON pointer) that identifies a record.", "id"))
            .config(
                ConfigField.optional(
                    INCREMENTAL_FIELD,
                    ConfigFieldType.STRING,
                    "The records' change cursor (field or JSON pointer), such as updated_at; the"
                        + " API must sort by it ascending. Unset for a full read each run.",
                    null))
            .config(
                ConfigField.optional(
                    INCREMENTAL_PARAM,
                    ConfigFieldType.STRING,
                    "The query parameter asking for records whose change cursor is at or after a"
                        + " value, such as updated_since.",
                    null));
    HttpSettings.rateLimit().forEach(b::config);
    return HttpSettings.acceptHttpAuthorizations(b).build();
  }
}
