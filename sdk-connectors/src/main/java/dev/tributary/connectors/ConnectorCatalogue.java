package dev.tributary.connectors;

import dev.tributary.connectors.amplitude.AmplitudeCohortImportConnector;
import dev.tributary.connectors.bigquery.BigQueryExportConnector;
import dev.tributary.connectors.clearbit.ClearbitEnrichmentConnector;
import dev.tributary.connectors.enrichment.HttpEnrichmentConnector;
import dev.tributary.connectors.facebook.FacebookInsightsConnector;
import dev.tributary.connectors.file.FileExportConnector;
import dev.tributary.connectors.file.FileImportConnector;
import dev.tributary.connectors.fullcontact.FullContactEnrichmentConnector;
import dev.tributary.connectors.mailchimp.MailchimpCampaignContentImportConnector;
import dev.tributary.connectors.mailchimp.MailchimpMembersImportConnector;
import dev.tributary.connectors.metrics.MetricsExportConnector;
import dev.tributary.connectors.newrelic.NewRelicEventConnector;
import dev.tributary.connectors.personalization.PersonalizationTagConnector;
import dev.tributary.connectors.pull.DataLayerPullConnector;
import dev.tributary.connectors.push.PersonalizationPushConnector;
import dev.tributary.connectors.rest.RestExportConnector;
import dev.tributary.connectors.rest.RestImportConnector;
import dev.tributary.connectors.sendgrid.SendGridExportConnector;
import dev.tributary.connectors.tagmanager.TagManagerPullConnector;
import dev.tributary.connectors.webhook.WebhookExportConnector;
import dev.tributary.connectors.webhook.WebhookInConnector;
import dev.tributary.core.connector.ConnectorDescriptor;
import java.util.List;
import java.util.Optional;

/**
 * Every connector this module ships, by its descriptor: what a host lists in a "choose an
 * integration" screen, and what the user guide's connector catalogue is generated from.
 *
 * <p>The generic connectors come first, then the vendor connectors built on them, each group in a
 * stable order. Descriptors are constants, so listing them creates no connector, client or
 * connection.
 */
public final class ConnectorCatalogue {
  private static final List<ConnectorDescriptor> GENERIC =
      List.of(
          FileExportConnector.DESCRIPTOR_SFTP,
          FileExportConnector.DESCRIPTOR_DIRECTORY,
          FileExportConnector.DESCRIPTOR_EMAIL,
          FileImportConnector.DESCRIPTOR,
          RestExportConnector.DESCRIPTOR_PROFILES,
          RestExportConnector.DESCRIPTOR_CHANGES,
          RestImportConnector.DESCRIPTOR,
          HttpEnrichmentConnector.DESCRIPTOR,
          WebhookExportConnector.DESCRIPTOR,
          WebhookInConnector.DESCRIPTOR,
          MetricsExportConnector.DESCRIPTOR,
          PersonalizationPushConnector.DESCRIPTOR,
          DataLayerPullConnector.DESCRIPTOR);

  /** In the order of the vendor table; the CSV e-mail export is the generic one. */
  private static final List<ConnectorDescriptor> VENDORS =
      List.of(
          SendGridExportConnector.DESCRIPTOR_PROFILES,
          SendGridExportConnector.DESCRIPTOR_CHANGES,
          AmplitudeCohortImportConnector.DESCRIPTOR,
          FullContactEnrichmentConnector.DESCRIPTOR,
          ClearbitEnrichmentConnector.DESCRIPTOR,
          MailchimpMembersImportConnector.DESCRIPTOR,
          MailchimpCampaignContentImportConnector.DESCRIPTOR,
          NewRelicEventConnector.DESCRIPTOR,
          BigQueryExportConnector.DESCRIPTOR,
          FacebookInsightsConnector.DESCRIPTOR,
          TagManagerPullConnector.DESCRIPTOR,
          PersonalizationTagConnector.DESCRIPTOR);

  private ConnectorCatalogue() {}

  /** The generic connectors: one per integration pattern and technique. */
  public static List<ConnectorDescriptor> generic() {
    return GENERIC;
  }

  /** The connectors for named third-party tools, built on the generic ones. */
  public static List<ConnectorDescriptor> vendors() {
    return VENDORS;
  }

  /** Every connector: {@link #generic()}, then {@link #vendors()}. */
  public static List<ConnectorDescriptor> all() {
    return java.util.stream.Stream.concat(GENERIC.stream(), VENDORS.stream()).toList();
  }

  /** The connector with this {@link ConnectorDescriptor#id() id}, if the module ships one. */
  public static Optional<ConnectorDescriptor> find(String id) {
    return all().stream().filter(d -> d.id().equals(id)).findFirst();
  }
}
