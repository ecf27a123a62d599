/**
 * REST export and import: {@link dev.tributary.connectors.rest.RestExportConnector} sends profiles
 * or audience changes in JSON batches to a configurable endpoint with per-item results; {@link
 * dev.tributary.connectors.rest.RestImportConnector} pages through a REST API by cursor, offset,
 * page token or {@code Link} header, incrementally by a cursor field with checkpoints. Both are
 * built on {@link dev.tributary.connectors.http.HttpTransport}.
 */
@NullMarked
package dev.tributary.connectors.rest;

import org.jspecify.annotations.NullMarked;
