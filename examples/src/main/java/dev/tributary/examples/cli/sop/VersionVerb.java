package dev.tributary.examples.cli.sop;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

/** {@code sop} verb: prints the implementation's name and version. */
final class VersionVerb implements Verb {
  @Override
  public String description() {
    return "Prints the implementation's name and version.";
  }

  @Override
  public Options options() {
    return new Options()
        .addOption(Verb.flag("backend", "Also names the OpenPGP library underneath."))
        .addOption(Verb.flag("extended", "Prints more detail (here: the same as --backend)."));
  }

  @Override
  public Arity arity() {
    return Arity.NONE;
  }

  @Override
  public void run(CommandLine line, InputStream in, OutputStream out) throws IOException {
    String text = "tributary-sop 0.1.0\n";
    if (line.hasOption("backend") || line.hasOption("extended")) {
      text += "sdk-pgp on BouncyCastle 1.87 (JDK AES-NI fast path for SEIPD v1)\n";
    }
    SopIo.write(out, text);
  }
}
