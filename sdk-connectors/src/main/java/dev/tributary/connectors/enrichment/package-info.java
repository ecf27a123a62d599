/**
 * Enrichment: {@link dev.tributary.connectors.enrichment.HttpEnrichmentConnector} asks a data
 * provider about known users (per user or in batches), {@link
 * dev.tributary.connectors.enrichment.EnrichmentCache} remembers the answers (bounded, with TTLs
 * and negative caching), and {@link dev.tributary.connectors.enrichment.EnrichmentTask} enriches an
 * audience under the {@code JobRunner}, merging the returned fields into profiles through identity
 * resolution, with progress, checkpoints and re-asking of queued users.
 */
@NullMarked
package dev.tributary.connectors.enrichment;

import org.jspecify.annotations.NullMarked;
