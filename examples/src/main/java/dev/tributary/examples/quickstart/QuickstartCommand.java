package dev.tributary.examples.quickstart;

import dev.tributary.core.TributaryException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code quickstart}: runs {@link Quickstart} and exits 0, or explains on standard error which step
 * failed and why, and exits 1.
 */
@Command(
    name = "quickstart",
    mixinStandardHelpOptions = true,
    description = {
      "Runs every pattern end to end on this machine, with nothing to set up: a scheduled,"
          + " PGP-encrypted, gzipped CSV export to an embedded SFTP server, its import back into"
          + " profiles, signed webhooks to a local receiver, enrichment from a mock provider and"
          + " a personalised alert."
    })
public final class QuickstartCommand implements Callable<Integer> {
  private static final String SSHD_LOG_LEVEL = "org.slf4j.simpleLogger.log.org.apache.sshd";

  private final Quickstart.BeforeStep beforeStep;

  @Spec CommandSpec spec;

  @Option(
      names = "--profiles",
      paramLabel = "N",
      defaultValue = "" + Quickstart.DEFAULT_PROFILES,
      description = "How many sample profiles to make (at least 8). Default: ${DEFAULT-VALUE}.")
  int profiles;

  public QuickstartCommand() {
    this(Quickstart.BeforeStep.NOTHING);
  }

  /** For tests: {@code beforeStep} runs ahead of each step and may make it fail. */
  QuickstartCommand(Quickstart.BeforeStep beforeStep) {
    this.beforeStep = beforeStep;
  }

  @Override
  public Integer call() throws InterruptedException {
    // The embedded SFTP server (Apache MINA) logs every session at INFO; keep the output readable.
    if (System.getProperty(SSHD_LOG_LEVEL) == null) {
      System.setProperty(SSHD_LOG_LEVEL, "warn");
    }
    PrintWriter err = spec.commandLine().getErr();
    if (profiles < 8) {
      err.println("error: --profiles must be at least 8, not " + profiles);
      return 2;
    }
    try {
      Quickstart.run(spec.commandLine().getOut(), profiles, beforeStep);
      return 0;
    } catch (QuickstartException e) {
      err.println("error: " + e.getMessage());
      Throwable cause = e.getCause();
      if (cause instanceof TributaryException t) {
        err.println("       (" + t.errorClass() + ": " + hint(t) + ")");
      } else if (cause != null) {
        err.println("       (" + cause.getClass().getName() + ")");
      }
      return 1;
    }
  }

  private static String hint(TributaryException e) {
    return switch (e.errorClass()) {
      case CONFIG -> "a setting or credential is wrong";
      case TRANSIENT -> "a temporary failure: a port, a thread or the disk; try again";
      case VALIDATION -> "bad input data";
      case SYSTEM -> "a bug: please report it with this message";
    };
  }
}
