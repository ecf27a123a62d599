/**
 * Tag managers: {@link dev.tributary.connectors.tagmanager.TagManagerPullConnector} collects Google
 * Tag Manager {@code dataLayer} pushes (and Tealium {@code utag_data} objects) as events with the
 * vendors' standard names, identities and typed e-commerce fields, built on the generic {@link
 * dev.tributary.connectors.pull.DataLayerPullConnector}.
 */
@NullMarked
package dev.tributary.connectors.tagmanager;

import org.jspecify.annotations.NullMarked;
