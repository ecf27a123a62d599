package dev.tributary.examples.cli.sftp;

import dev.tributary.core.ConfigException;
import dev.tributary.core.auth.Authorization;
import dev.tributary.core.auth.Secret;
import dev.tributary.sftp.HostKeyPolicy;
import dev.tributary.sftp.SftpClient;
import dev.tributary.sftp.SftpClientBuilder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

/** The options every {@code sftp} client command shares: where, who, and which host key. */
final class ConnectionOptions {
  @Option(names = "--host", required = true, paramLabel = "HOST", description = "The server.")
  String host;

  @Option(
      names = "--port",
      defaultValue = "22",
      paramLabel = "PORT",
      description = "The SSH port. Default: ${DEFAULT-VALUE}.")
  int port;

  @Option(names = "--user", required = true, paramLabel = "USER", description = "The login.")
  String user;

  @ArgGroup(exclusive = true, multiplicity = "1")
  Credentials credentials;

  static final class Credentials {
    @Option(
        names = "--identity",
        paramLabel = "KEYFILE",
        description = "A private key file (OpenSSH or PEM).")
    @Nullable Path identity;

    @Option(
        names = "--password-file",
        paramLabel = "FILE",
        description = "A file whose first line is the password.")
    @Nullable Path passwordFile;
  }

  @Option(
      names = "--passphrase-file",
      paramLabel = "FILE",
      description = "A file whose first line is the private key's passphrase.")
  @Nullable Path passphraseFile;

  @ArgGroup(exclusive = true)
  @Nullable HostKeys hostKeys;

  static final class HostKeys {
    @Option(
        names = "--known-hosts",
        paramLabel = "FILE",
        description =
            "Trust the host keys this known_hosts file lists. Default:" + " ~/.ssh/known_hosts.")
    @Nullable Path knownHosts;

    @Option(
        names = "--fingerprint",
        paramLabel = "SHA256:...",
        description = "Trust only the host key with this fingerprint (repeatable).")
    @Nullable List<String> fingerprints;

    @Option(
        names = "--insecure-accept-any-host-key",
        description = "Trust any host key: for throwaway test servers only.")
    boolean acceptAny;
  }

  @Option(
      names = "--base-dir",
      defaultValue = "",
      paramLabel = "DIR",
      description = "Remote paths are relative to this directory. Default: the login directory.")
  String baseDirectory;

  SftpClient connect() {
    SftpClientBuilder builder = SftpClient.builder(host).port(port).baseDirectory(baseDirectory);
    Path identity = credentials.identity;
    if (identity != null) {
      Secret passphrase =
          passphraseFile == null
              ? Secret.empty()
              : Secret.of(firstLine(passphraseFile, "--passphrase-file"));
      builder.authorization(
          Authorization.sftpPrivateKey(user, Secret.of(read(identity, "--identity")), passphrase));
    } else {
      builder.authorization(
          Authorization.sftpPassword(
              user, Secret.of(firstLine(credentials.passwordFile, "--password-file"))));
    }
    HostKeys keys = hostKeys;
    if (keys != null && keys.acceptAny) {
      builder.hostKeys(HostKeyPolicy.acceptAnyHostKeyInsecurely());
    } else if (keys != null && keys.fingerprints != null) {
      builder.hostKeys(HostKeyPolicy.fingerprints(keys.fingerprints));
    } else if (keys != null && keys.knownHosts != null) {
      builder.hostKeys(HostKeyPolicy.knownHosts(keys.knownHosts));
    }
    return builder.build();
  }

  static String firstLine(@Nullable Path file, String option) {
    String text = read(file, option);
    int end = text.indexOf('\n');
    String line = end < 0 ? text : text.substring(0, end);
    return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
  }

  static String read(@Nullable Path file, String option) {
    if (file == null) {
      throw new ConfigException(option, option + " needs a file", null);
    }
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new ConfigException(option, "cannot read " + option + " " + file + ": " + e, e);
    }
  }
}
