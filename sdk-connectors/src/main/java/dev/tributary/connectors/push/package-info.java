/**
 * The push pattern, server side: {@link dev.tributary.connectors.push.PersonalizationPushConnector}
 * builds the JSON document a browser-side personalization tag fetches for the current visitor.
 */
@NullMarked
package dev.tributary.connectors.push;

import org.jspecify.annotations.NullMarked;
