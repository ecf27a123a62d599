/**
 * The pull pattern, server side: {@link dev.tributary.connectors.pull.DataLayerPullConnector} turns
 * data-layer objects that a page posts (a tag manager's {@code dataLayer} pushes) into events.
 */
@NullMarked
package dev.tributary.connectors.pull;

import org.jspecify.annotations.NullMarked;
