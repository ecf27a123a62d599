package dev.tributary.examples.cli.sop;

import dev.tributary.core.auth.Secret;
import dev.tributary.pgp.PgpKey;
import java.io.IOException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code sop} verb: extracts the certificate of a key on stdin. */
@Command(name = "extract-cert", description = "Extracts the certificate of a key on stdin.")
final class ExtractCertVerb implements Callable<Integer> {
  @ParentCommand Sop sop;

  @Option(names = "--no-armor")
  boolean noArmor;

  @Override
  public Integer call() throws IOException {
    for (PgpKey key : PgpKey.readAll(sop.in.readAllBytes(), Secret.empty())) {
      if (noArmor) {
        sop.out.write(key.certificate().encoded());
      } else {
        SopIo.write(sop.out, key.certificate().armored());
      }
    }
    return 0;
  }
}
