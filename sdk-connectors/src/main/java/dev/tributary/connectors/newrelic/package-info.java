/**
 * New Relic: {@link dev.tributary.connectors.newrelic.NewRelicEventConnector} sends run metrics and
 * monitoring events ({@code Telemetry}, as {@code MetricsReporter} produces them from finished
 * runs) to New Relic's Event API as custom events, gzipped and within its documented payload and
 * attribute limits.
 */
@NullMarked
package dev.tributary.connectors.newrelic;

import org.jspecify.annotations.NullMarked;
