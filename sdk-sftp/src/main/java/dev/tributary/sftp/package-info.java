/**
 * SFTP for file-based integrations, on sshj: {@link dev.tributary.sftp.SftpClient} (streaming,
 * atomic and resumable transfers, listing by glob, strict host-key checking with {@link
 * dev.tributary.sftp.HostKeyPolicy}) and {@link dev.tributary.sftp.FileImport} (each arriving file
 * imported once, never while it is still being written). sshj types never appear here; the
 * implementation lives in {@code dev.tributary.sftp.internal}.
 */
@NullMarked
package dev.tributary.sftp;

import org.jspecify.annotations.NullMarked;
