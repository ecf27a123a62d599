/**
 * The implementation of {@code dev.tributary.sftp} on sshj. Nothing here is API: it may change in
 * any release, and sshj types stay inside this package.
 */
@NullMarked
package dev.tributary.sftp.internal;

import org.jspecify.annotations.NullMarked;
