package dev.tributary.examples.cli.sop;

import java.io.IOException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code sop} verb: prints the implementation's name and version. */
@Command(name = "version", description = "Prints the implementation's name and version.")
final class VersionVerb implements Callable<Integer> {
  @ParentCommand Sop sop;

  @Option(names = "--backend")
  boolean backend;

  @Option(names = "--extended")
  boolean extended;

  @Override
  public Integer call() throws IOException {
    String line = "tributary-sop 0.1.0\n";
    if (backend || extended) {
      line += "sdk-pgp on BouncyCastle 1.87 (JDK AES-NI fast path for SEIPD v1)\n";
    }
    SopIo.write(sop.out, line);
    return 0;
  }
}
