package dev.tributary.connectors.tagmanager;

import static dev.tributary.connectors.tagmanager.TagManagerPullConnector.*;

import dev.tributary.core.connector.ConfigField;
import dev.tributary.core.connector.ConfigFieldType;
import dev.tributary.core.connector.ConnectorDescriptor;
import dev.tributary.core.connector.Frequency;
import dev.tributary.core.connector.IntegrationPattern;
import dev.tributary.core.connector.IntegrationType;
import dev.tributary.core.connector.ResultingData;
import dev.tributary.core.connector.Technique;
import org.jspecify.annotations.Nullable;

/** The tag-manager connector's descriptor. */
final class TagManagerDescriptor {
  static final ConnectorDescriptor DESCRIPTOR =
      ConnectorDescriptor.builder("tag-manager-pull")
          .name("Tag manager data layer pull")
          .description(
              "Collects the data-layer pushes a page posts from Google Tag Manager (or Tealium's"
                  + " utag_data) as events with GA4's standard names, the user's identities and"
                  + " typed e-commerce fields (value, currency, transaction, items); tag-manager"
                  + " system events are dropped and every other key is kept raw. Uncertain:"
                  + " neither vendor documents a data-layer schema beyond conventions (GA4's"
                  + " recommended events, Tealium's common UDO variables), so sites vary; the"
                  + " defaults follow those conventions, unknown keys are kept raw rather than"
                  + " guessed, and identities from browsers are unauthenticated claims.")
          .type(IntegrationType.CLIENT_SIDE)
          .patterns(IntegrationPattern.PULL)
          .techniques(Technique.WEBHOOK)
          .frequencies(Frequency.REAL_TIME)
          .resultingData(ResultingData.RAW_EVENTS)
          .config(
              text(
                  FLAVOR,
                  "gtm (Google Tag Manager dataLayer pushes) or tealium (flat utag_data objects).",
                  "gtm"))
          .config(
              list(
                  IDENTITIES,
                  "Identities as kind=path; unset, the flavor's (user_id, user_data.email, ...).",
                  null))
          .config(
              list(
                  FIELDS,
                  "More typed fields as name=path[:type]; one named like a default replaces it.",
                  ""))
          .config(
              list(IGNORE_EVENTS, "Data-layer event names to drop; unset, gtm.* for GTM.", null))
          .config(
              text(
                  DEFAULT_EVENT_NAME,
                  "The name of pushes without one; unset, GTM state pushes are no events and"
                      + " Tealium's are page_view.",
                  null))
          .config(
              list(
                  COLLECT_EVENTS,
                  "Only these event names (after renaming) are collected; ga4_ecommerce stands"
                      + " for GA4's e-commerce events; empty collects all.",
                  ""))
          .config(
              flag(
                  RENAME_EVENTS,
                  "Whether Tealium's usual event names become GA4's (cart_add: add_to_cart).",
                  "true"))
          .config(
              flag(
                  CARRY_IDENTITIES,
                  "Whether identities set by earlier pushes of a posted array fill later events.",
                  "true"))
          .config(
              text(
                  TIMESTAMP_PATH,
                  "Where an event's time is (ISO-8601 or epoch milliseconds); unset, the time of"
                      + " receipt.",
                  null))
          .config(
              ConfigField.optional(
                  MAX_BODY_BYTES,
                  ConfigFieldType.INTEGER,
                  "The largest posted body pullJson takes.",
                  "65536"))
          .build();

  private TagManagerDescriptor() {}

  private static ConfigField text(String name, String description, @Nullable String value) {
    return ConfigField.optional(name, ConfigFieldType.STRING, description, value);
  }

  private static ConfigField list(String name, String description, @Nullable String value) {
    return ConfigField.optional(name, ConfigFieldType.LIST, description, value);
  }

  private static ConfigField flag(String name, String description, String value) {
    return ConfigField.optional(name, ConfigFieldType.BOOLEAN, description, value);
  }
}
