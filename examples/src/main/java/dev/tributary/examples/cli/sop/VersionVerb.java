package dev.tributary.examples.cli.sop;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Supplier;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

/**
 * {@code sop} verb: prints the implementation's name and version, which the build writes into
 * {@code sop-version.properties} (Maven resource filtering) with the BouncyCastle version it builds
 * against; {@code --sop-spec} prints the draft revision instead ({@link SopSpec}), {@code --sopv}
 * the version of sopv, the draft's verification-only subset, that the verbs provide.
 */
final class VersionVerb implements Verb {
  private final Map<String, Supplier<Verb>> verbs;

  VersionVerb(Map<String, Supplier<Verb>> verbs) {
    this.verbs = verbs;
  }

  @Override
  public String description() {
    return "Prints the implementation's name and version, or the draft it follows.";
  }

  @Override
  public Options options() {
    return new Options()
        .addOption(Verb.flag("backend", "Names the OpenPGP library underneath, alone."))
        .addOption(Verb.flag("extended", "The version, then the library underneath."))
        .addOption(
            Verb.flag(
                "sop-spec",
                "Prints the draft revision followed, ~ for partly, and what is missing."))
        .addOption(
            Verb.flag("sopv", "Prints the version of sopv, the verification-only subset, here."));
  }

  @Override
  public Arity arity() {
    return Arity.NONE;
  }

  @Override
  public void run(CommandLine line, InputStream in, OutputStream out) throws IOException {
    boolean backend = line.hasOption("backend") || line.hasOption("extended");
    if (line.hasOption("sop-spec") || line.hasOption("sopv")) {
      if (backend || line.hasOption("sop-spec") && line.hasOption("sopv")) {
        throw new SopExit.Failure(
            SopExit.UNSUPPORTED_OPTION,
            "--sop-spec and --sopv may not be combined with each other or --backend/--extended");
      }
      SopIo.write(out, line.hasOption("sopv") ? sopv() : SopSpec.describe(verbs));
      return;
    }
    Properties build = build();
    String version = build.getProperty("version");
    String runner = "tributary-sop " + version + "\n";
    String toolkit =
        "sdk-pgp "
            + version
            + " on BouncyCastle "
            + build.getProperty("bouncycastle")
            + " (JDK AES-NI fast path for SEIPD v1)\n";
    // The draft: --backend names the toolkit underneath, one line; --extended begins with the
    // plain version's line and may add more.
    SopIo.write(
        out,
        line.hasOption("extended")
            ? runner + toolkit
            : line.hasOption("backend") ? toolkit : runner);
  }

  /** The sopv version, when every verb and option of sopv 1.0 is here (the draft's test). */
  private String sopv() {
    List<String> missing = SopSpec.missingSopv(verbs);
    if (!missing.isEmpty()) {
      throw new SopExit.Failure(
          SopExit.UNSUPPORTED_OPTION,
          "this runner does not provide sopv " + SopSpec.SOPV_VERSION + ": " + missing);
    }
    return SopSpec.SOPV_VERSION + "\n";
  }

  /** The versions the build wrote; a class path without them is a build that skipped filtering. */
  private static Properties build() throws IOException {
    Properties build = new Properties();
    try (InputStream in = VersionVerb.class.getResourceAsStream("sop-version.properties")) {
      if (in == null) {
        throw new IllegalStateException("sop-version.properties is missing: build with Maven");
      }
      build.load(in);
    }
    return build;
  }
}
