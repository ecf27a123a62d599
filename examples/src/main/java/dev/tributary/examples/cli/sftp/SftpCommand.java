package dev.tributary.examples.cli.sftp;

import picocli.CommandLine.Command;

/**
 * {@code sftp put|get|ls|serve}: moves files with the SDK's SFTP client, or runs the embedded SFTP
 * server for a quick try.
 */
@Command(
    name = "sftp",
    description = {
      "Moves files over SFTP with strict host-key checking, or runs an embedded SFTP server.",
      "Log in with --identity KEYFILE or --password-file FILE; trust the server with"
          + " --fingerprint SHA256:... or --known-hosts FILE (default ~/.ssh/known_hosts)."
    },
    mixinStandardHelpOptions = true,
    subcommands = {PutCommand.class, GetCommand.class, LsCommand.class, ServeCommand.class})
public final class SftpCommand {}
