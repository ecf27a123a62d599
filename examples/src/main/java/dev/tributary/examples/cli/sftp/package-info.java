/** The {@code sftp} command of the runner: put, get, ls and serve. */
@NullMarked
package dev.tributary.examples.cli.sftp;

import org.jspecify.annotations.NullMarked;
