package dev.tributary.examples.cli.sop;

import dev.tributary.core.ErrorClass;
import dev.tributary.core.TributaryException;
import dev.tributary.pgp.PgpDataException;
import dev.tributary.pgp.PgpIntegrityException;
import dev.tributary.pgp.PgpKeyException;
import dev.tributary.pgp.PgpWrongKeyException;
import dev.tributary.pgp.PgpWrongPassphraseException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.MissingParameterException;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Runs one Stateless OpenPGP verb. Certificates, keys and password files are named as arguments;
 * data comes on {@code in} and results go to {@code out} as bytes; errors are one line on {@code
 * err} and an exit code of draft-dkg-openpgp-stateless-cli (29 cannot decrypt, 41 bad data, 67 key
 * is protected, 19 missing argument, 37 unsupported option, 69 unsupported subcommand, …).
 */
@Command(name = "sop")
public final class Sop implements Runnable {
  /**
   * The verbs, in the order {@code sop help} lists them. Only the verb being run gets a picocli
   * model: building all of them costs a short-lived process a tenth of a second.
   */
  private static final Map<String, Supplier<Object>> VERBS = new LinkedHashMap<>();

  static {
    VERBS.put("version", VersionVerb::new);
    VERBS.put("generate-key", GenerateKeyVerb::new);
    VERBS.put("extract-cert", ExtractCertVerb::new);
    VERBS.put("encrypt", EncryptVerb::new);
    VERBS.put("decrypt", DecryptVerb::new);
    VERBS.put("sign", SignVerb::new);
    VERBS.put("verify", VerifyVerb::new);
    VERBS.put("help", CommandLine.HelpCommand::new);
  }

  final InputStream in;
  final OutputStream out;

  private Sop(InputStream in, OutputStream out) {
    this.in = in;
    this.out = out;
  }

  @Override
  public void run() {
    throw new SopExit.Failure(SopExit.MISSING_ARG, "name a verb: sop help lists them");
  }

  /** Runs {@code args} (a verb and its arguments) and returns the exit code. */
  public static int run(InputStream in, OutputStream out, PrintWriter err, String... args) {
    if (args.length > 0 && (args[0].equals("encrypt") || args[0].equals("decrypt"))) {
      Warmup.start();
    }
    CommandLine cli = new CommandLine(new Sop(in, out));
    Supplier<Object> verb = args.length > 0 && !args[0].equals("help") ? VERBS.get(args[0]) : null;
    if (verb != null) {
      cli.addSubcommand(args[0], verb.get());
    } else { // no verb, an unknown one, or help: all of them, for the listing and the error
      VERBS.forEach((name, v) -> cli.addSubcommand(name, v.get()));
    }
    cli.setErr(err);
    cli.setOut(new PrintWriter(out, true, java.nio.charset.StandardCharsets.UTF_8));
    cli.setParameterExceptionHandler((e, a) -> usage(e, err));
    cli.setExecutionExceptionHandler(
        (e, c, parsed) -> {
          int code = exitCode(e);
          err.println("sop: " + e.getMessage());
          return code;
        });
    int code = cli.execute(args);
    err.flush();
    return code;
  }

  private static int usage(ParameterException e, PrintWriter err) {
    err.println("sop: " + e.getMessage());
    if (e instanceof MissingParameterException) {
      return SopExit.MISSING_ARG;
    }
    if (e instanceof UnmatchedArgumentException u) {
      boolean verbGiven = e.getCommandLine().getParent() != null;
      return !verbGiven && !u.getUnmatched().isEmpty() && !u.getUnmatched().get(0).startsWith("-")
          ? SopExit.UNSUPPORTED_SUBCOMMAND
          : SopExit.UNSUPPORTED_OPTION;
    }
    return SopExit.UNSUPPORTED_OPTION;
  }

  static int exitCode(Throwable e) {
    if (e instanceof SopExit.Failure f) {
      return f.code;
    }
    if (e instanceof PgpWrongPassphraseException) {
      return SopExit.KEY_IS_PROTECTED;
    }
    if (e instanceof PgpWrongKeyException || e instanceof PgpIntegrityException) {
      return SopExit.CANNOT_DECRYPT;
    }
    if (e instanceof PgpDataException || e instanceof PgpKeyException) {
      return SopExit.BAD_DATA;
    }
    // I/O failures (TransientException) and bugs: the draft's generic failure.
    return e instanceof TributaryException t && t.errorClass() == ErrorClass.VALIDATION
        ? SopExit.BAD_DATA
        : 1;
  }
}
