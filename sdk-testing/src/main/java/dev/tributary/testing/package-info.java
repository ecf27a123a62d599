/**
 * What a host's own tests need: {@link dev.tributary.testing.RequiresProgram} for tests that run an
 * outside program (gpg, sqop, sshd, go); {@link dev.tributary.testing.EmbeddedSftpServer} (with
 * {@link dev.tributary.testing.EmbeddedSftpServerExtension}) and {@link
 * dev.tributary.testing.OpenSshServer} for SFTP; fixed SSH keys in {@link
 * dev.tributary.testing.SshTestKeys}; {@link dev.tributary.testing.TestSources} and {@link
 * dev.tributary.testing.ImportPass} for jobs' sources and import paging; and, as later modules
 * arrive, mock third-party APIs, PGP test keys and a connector compatibility kit.
 */
@NullMarked
package dev.tributary.testing;

import org.jspecify.annotations.NullMarked;
