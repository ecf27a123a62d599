package dev.tributary.examples.cli;

import dev.tributary.examples.cli.sop.Sop;
import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;

/**
 * {@code sop <verb>}: the Stateless OpenPGP command-line interface over sdk-pgp. Its arguments go,
 * unparsed, to {@link Sop}, which parses them with Commons CLI and has the draft's exit codes; data
 * flows through the process's standard input and output as bytes.
 */
@Command(
    name = "sop",
    description = {
      "Stateless OpenPGP (draft-dkg-openpgp-stateless-cli): version, list-profiles,"
          + " generate-key, extract-cert, encrypt, decrypt, sign, verify, armor, dearmor."
          + " Run 'sop help' for the verbs."
    })
final class SopCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Unmatched List<String> args = new ArrayList<>();

  @Override
  public Integer call() throws IOException {
    return run(spec.commandLine().getErr(), args.toArray(new String[0]));
  }

  /**
   * Runs {@code sop} with {@code args} (its verb and the verb's arguments) on the process's
   * standard streams. {@link TributaryCli#main} comes here directly: a third of a second of picocli
   * start-up that the runner's own model costs is too much for a command that test suites and
   * scripts run thousands of times.
   */
  static int run(PrintWriter err, String... args) throws IOException {
    OutputStream stdout =
        new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 16);
    int code = Sop.run(System.in, stdout, err, args);
    try {
      stdout.flush();
    } catch (IOException e) {
      // a closed pipe (EPIPE) or a full disk: said in sop's words, once, not as a stack trace
      if (code != 0) {
        return code; // the verb failed on it already and said so
      }
      err.println("sop: cannot write to standard output: " + e.getMessage());
      err.flush();
      return 1;
    }
    return code;
  }
}
