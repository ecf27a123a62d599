/**
 * Clearbit enrichment: {@link dev.tributary.connectors.clearbit.ClearbitEnrichmentConnector} looks
 * known users up with the Enrichment API (person, company or both combined) on top of the generic
 * {@code HttpEnrichmentConnector}, re-asking "queued" (202) lookups later within Clearbit's rate
 * limit.
 */
@NullMarked
package dev.tributary.connectors.clearbit;

import org.jspecify.annotations.NullMarked;
