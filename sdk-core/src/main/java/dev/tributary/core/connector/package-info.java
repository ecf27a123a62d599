/**
 * The connector SPI: what every integration implements ({@link
 * dev.tributary.core.connector.Connector}), how it describes itself in the domain's words ({@link
 * dev.tributary.core.connector.ConnectorDescriptor}), and one sub-interface per integration
 * pattern: {@link dev.tributary.core.connector.ImportConnector}, {@link
 * dev.tributary.core.connector.ExportConnector}, {@link
 * dev.tributary.core.connector.EnrichmentConnector}, {@link
 * dev.tributary.core.connector.PushConnector} and {@link
 * dev.tributary.core.connector.PullConnector}.
 */
@NullMarked
package dev.tributary.core.connector;

import org.jspecify.annotations.NullMarked;
