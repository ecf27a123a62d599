package dev.tributary.examples.cli.sftp;

import dev.tributary.sftp.SftpClient;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code sftp get REMOTE LOCAL}: a resumable download. */
@Command(
    name = "get",
    mixinStandardHelpOptions = true,
    description =
        "Downloads REMOTE to LOCAL (or - for standard output). A file goes to LOCAL.part first;"
            + " a run that failed leaves it, and the next run continues it.")
final class GetCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin ConnectionOptions connection;

  @Parameters(index = "0", paramLabel = "REMOTE", description = "The remote path.")
  String remote;

  @Parameters(index = "1", paramLabel = "LOCAL", description = "The local file, or -.")
  String local;

  @Override
  public Integer call() throws Exception {
    try (SftpClient sftp = connection.connect()) {
      if (local.equals("-")) {
        OutputStream stdout = new FileOutputStream(FileDescriptor.out);
        sftp.download(remote, stdout);
        stdout.flush();
      } else {
        long size = sftp.download(remote, Path.of(local));
        spec.commandLine().getOut().println("downloaded " + size + " bytes to " + local);
      }
    }
    return 0;
  }
}
