package dev.tributary.examples.cli;

import dev.tributary.examples.cli.sop.Sop;
import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;

/**
 * {@code sop <verb>}: the Stateless OpenPGP command-line interface over sdk-pgp. Its arguments go,
 * unparsed, to {@link Sop}, which has its own verbs and the draft's exit codes; data flows through
 * the process's standard input and output as bytes.
 */
@Command(
    name = "sop",
    description = {
      "Stateless OpenPGP (draft-dkg-openpgp-stateless-cli): version, generate-key, extract-cert,"
          + " encrypt, decrypt, sign, verify. Run 'sop help' for the verbs."
    })
final class SopCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Unmatched List<String> args = new ArrayList<>();

  @Override
  public Integer call() throws Exception {
    OutputStream stdout =
        new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 16);
    try {
      return Sop.run(System.in, stdout, spec.commandLine().getErr(), args.toArray(new String[0]));
    } finally {
      stdout.flush();
    }
  }
}
