/**
 * Metrics export: {@link dev.tributary.connectors.metrics.MetricsExportConnector} posts {@link
 * dev.tributary.connectors.metrics.Telemetry} (metrics and {@link
 * dev.tributary.connectors.metrics.MonitoringEvent}s) as JSON to a monitoring endpoint; {@link
 * dev.tributary.connectors.metrics.MetricsReporter} is the {@code RunListener} that turns every
 * finished run into {@link dev.tributary.connectors.metrics.RunMetrics} and sends them batched.
 */
@NullMarked
package dev.tributary.connectors.metrics;

import org.jspecify.annotations.NullMarked;
