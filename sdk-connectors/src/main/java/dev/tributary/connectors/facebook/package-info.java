/**
 * Facebook / Meta: {@link dev.tributary.connectors.facebook.FacebookInsightsConnector} imports ad
 * insights (Marketing API {@code /act_<id>/insights}) as metrics, day by day with checkpoints,
 * through async report runs or synchronous pages, classifying the Graph API's error codes and
 * throttling headers ({@link dev.tributary.connectors.facebook.GraphError}).
 */
@NullMarked
package dev.tributary.connectors.facebook;

import org.jspecify.annotations.NullMarked;
