package dev.tributary.examples.cli.sftp;

import dev.tributary.sftp.RemoteFile;
import dev.tributary.sftp.SftpClient;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code sftp ls [DIR]}: a listing by glob. */
@Command(
    name = "ls",
    mixinStandardHelpOptions = true,
    description = "Lists DIR: size, modification time (UTC) and path, one entry per line.")
final class LsCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin ConnectionOptions connection;

  @Parameters(
      index = "0",
      arity = "0..1",
      defaultValue = "",
      paramLabel = "DIR",
      description = "The remote directory. Default: the base directory.")
  String directory;

  @Option(
      names = "--glob",
      defaultValue = "*",
      paramLabel = "GLOB",
      description = "Only names matching this, like *.csv. Default: ${DEFAULT-VALUE}.")
  String glob;

  @Option(
      names = {"-R", "--recursive"},
      description = "Also list subdirectories.")
  boolean recursive;

  @Override
  public Integer call() {
    List<RemoteFile> files;
    try (SftpClient sftp = connection.connect()) {
      files = recursive ? sftp.listRecursive(directory, glob) : sftp.list(directory, glob);
    }
    PrintWriter out = spec.commandLine().getOut();
    for (RemoteFile f : files) {
      out.println(
          String.format(
              Locale.ROOT,
              "%12d  %s  %s%s",
              f.size(),
              f.lastModified(),
              f.path(),
              f.isDirectory() ? "/" : ""));
    }
    return 0;
  }
}
