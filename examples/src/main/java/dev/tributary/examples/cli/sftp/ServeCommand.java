package dev.tributary.examples.cli.sftp;

import dev.tributary.testing.EmbeddedSftpServer;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code sftp serve --dir DIR}: the embedded SFTP server, until interrupted. */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description =
        "Serves DIR over SFTP on 127.0.0.1 (the embedded server of tributary-sdk-testing) and"
            + " prints how to connect. Stop it with Ctrl-C.")
final class ServeCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--dir", required = true, paramLabel = "DIR", description = "The directory.")
  Path dir;

  @Option(
      names = "--port",
      defaultValue = "0",
      paramLabel = "PORT",
      description = "The port. Default: a free one.")
  int port;

  @Option(
      names = "--user",
      defaultValue = "tributary",
      paramLabel = "USER",
      description = "The login. Default: ${DEFAULT-VALUE}.")
  String user;

  @Option(
      names = "--password-file",
      paramLabel = "FILE",
      description =
          "The password, first line. Default: a random one, written to a file"
              + " DIR.password beside DIR.")
  @Nullable Path passwordFile;

  @Option(
      names = "--authorized-keys",
      paramLabel = "FILE",
      description = "Public keys (authorized_keys lines) that may log in as USER.")
  @Nullable Path authorizedKeys;

  @Override
  public Integer call() throws IOException, InterruptedException {
    Files.createDirectories(dir);
    Path pwFile = passwordFile;
    String password;
    if (pwFile != null) {
      password = ConnectionOptions.firstLine(pwFile, "--password-file");
    } else {
      byte[] random = new byte[12];
      new SecureRandom().nextBytes(random);
      password = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
      pwFile = dir.toAbsolutePath().resolveSibling(dir.getFileName() + ".password");
      Files.writeString(pwFile, password + "\n", StandardCharsets.UTF_8);
    }
    EmbeddedSftpServer.Builder builder =
        EmbeddedSftpServer.builder().root(dir).port(port).user(user, password);
    if (authorizedKeys != null) {
      for (String line : Files.readAllLines(authorizedKeys, StandardCharsets.UTF_8)) {
        if (!line.isBlank() && !line.startsWith("#")) {
          builder.authorizedKey(user, line.strip());
        }
      }
    }
    CountDownLatch stopped = new CountDownLatch(1);
    try (EmbeddedSftpServer server = builder.start()) {
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(
                  () -> {
                    server.close();
                    stopped.countDown();
                  }));
      printHowToConnect(server, pwFile);
      stopped.await();
    }
    return 0;
  }

  private void printHowToConnect(EmbeddedSftpServer server, Path pwFile) {
    PrintWriter out = spec.commandLine().getOut();
    out.println(
        "serving "
            + dir.toAbsolutePath()
            + " on sftp://"
            + user
            + "@"
            + server.host()
            + ":"
            + server.port());
    out.println("host key fingerprint: " + server.hostKeyFingerprint());
    out.println("password file: " + pwFile);
    out.println(
        "try: java -jar tributary-examples.jar sftp ls --host "
            + server.host()
            + " --port "
            + server.port()
            + " --user "
            + user
            + " --password-file "
            + pwFile
            + " --fingerprint "
            + server.hostKeyFingerprint());
    out.println(
        "or:  sftp -P "
            + server.port()
            + " -o UserKnownHostsFile=<(echo '"
            + server.knownHostsLine()
            + "') "
            + user
            + "@"
            + server.host());
    out.println("stop with Ctrl-C");
    out.flush();
  }
}
