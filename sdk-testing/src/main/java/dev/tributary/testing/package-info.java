/**
 * What a host's own tests need: {@link dev.tributary.testing.RequiresProgram} for tests that run an
 * outside program (gpg, sqop, sshd, go), and, as later modules arrive, an embedded SFTP server,
 * mock third-party APIs, fixed test keys and a connector compatibility kit.
 */
@NullMarked
package dev.tributary.testing;

import org.jspecify.annotations.NullMarked;
