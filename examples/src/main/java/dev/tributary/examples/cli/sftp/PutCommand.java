package dev.tributary.examples.cli.sftp;

import dev.tributary.core.ConfigException;
import dev.tributary.sftp.DoneFile;
import dev.tributary.sftp.ExistingTarget;
import dev.tributary.sftp.SftpClient;
import dev.tributary.sftp.UploadOptions;
import dev.tributary.sftp.UploadResult;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code sftp put LOCAL REMOTE}: an atomic upload. */
@Command(
    name = "put",
    mixinStandardHelpOptions = true,
    description =
        "Uploads LOCAL (or - for standard input) to REMOTE: under a temporary name, renamed when"
            + " complete, resumed if the connection drops.")
final class PutCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin ConnectionOptions connection;

  @Parameters(index = "0", paramLabel = "LOCAL", description = "The file to send, or -.")
  String local;

  @Parameters(index = "1", paramLabel = "REMOTE", description = "The remote path.")
  String remote;

  @Option(
      names = "--existing",
      defaultValue = "FAIL",
      paramLabel = "POLICY",
      description = "When REMOTE exists: ${COMPLETION-CANDIDATES}. Default: ${DEFAULT-VALUE}.")
  ExistingTarget existing;

  @Option(
      names = "--done-file",
      paramLabel = "SUFFIX",
      description = "Afterwards write REMOTE+SUFFIX holding name, size and MD5.")
  @Nullable String doneSuffix;

  @Option(names = "--mkdirs", description = "Create missing remote directories.")
  boolean mkdirs;

  @Override
  public Integer call() {
    UploadOptions.Builder options =
        UploadOptions.builder().existingTarget(existing).createDirectories(mkdirs);
    if (doneSuffix != null) {
      options.doneFile(DoneFile.withChecksum(doneSuffix));
    }
    UploadResult result;
    try (SftpClient sftp = connection.connect();
        InputStream in = open()) {
      result = sftp.upload(remote, in, options.build());
    } catch (IOException e) {
      throw new ConfigException(null, "cannot read " + local + ": " + e.getMessage(), e);
    }
    spec.commandLine()
        .getOut()
        .println(
            result.skipped()
                ? "skipped: " + remote + " exists"
                : "uploaded " + result.size() + " bytes to " + result.path());
    return 0;
  }

  private InputStream open() throws IOException {
    return local.equals("-") ? System.in : Files.newInputStream(Path.of(local));
  }
}
