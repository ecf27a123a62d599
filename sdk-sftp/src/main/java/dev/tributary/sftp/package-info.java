/** SFTP transfer with strict host-key checking, atomic upload and resume. */
@NullMarked
package dev.tributary.sftp;

import org.jspecify.annotations.NullMarked;
