/**
 * File transfer: exports of an audience as one CSV or JSON Lines file per run — optionally gzipped
 * and PGP-encrypted — to an SFTP server, a local directory or e-mail recipients ({@link
 * dev.tributary.connectors.file.FileExportConnector}, run by {@link
 * dev.tributary.connectors.file.FileExportTask}); and imports of the files that arrive in an SFTP
 * directory — decrypted, gunzipped, parsed, mapped and resolved into profiles ({@link
 * dev.tributary.connectors.file.FileImportConnector}, {@link
 * dev.tributary.connectors.file.FileImportTask}, {@link
 * dev.tributary.connectors.file.RowsToProfiles}).
 */
@NullMarked
package dev.tributary.connectors.file;

import org.jspecify.annotations.NullMarked;
