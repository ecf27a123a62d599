/**
 * FullContact enrichment: {@link
 * dev.tributary.connectors.fullcontact.FullContactEnrichmentConnector} looks known users up with
 * the Person Enrich API ({@code POST /v3/person.enrich}) by e-mail and phone and maps the returned
 * person fields and Insights Bundles to user fields. Run it under {@code EnrichmentTask}, with an
 * {@code EnrichmentCache} in front so that nobody is paid for twice.
 */
@NullMarked
package dev.tributary.connectors.fullcontact;

import org.jspecify.annotations.NullMarked;
