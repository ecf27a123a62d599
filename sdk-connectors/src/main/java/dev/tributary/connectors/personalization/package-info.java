/**
 * A personalization tag's server side: {@link
 * dev.tributary.connectors.personalization.PersonalizationTagConnector} answers the versioned JSON
 * document a browser-side tag fetches (fields, audience memberships, a rendered alert), built on
 * the generic {@link dev.tributary.connectors.push.PersonalizationPushConnector}; {@link
 * dev.tributary.connectors.personalization.PersonalizationTagHandler} is a framework-agnostic
 * request handler that finds the visitor's profile in the host's {@code ProfileStore} and answers
 * with CORS and cache headers.
 */
@NullMarked
package dev.tributary.connectors.personalization;

import org.jspecify.annotations.NullMarked;
