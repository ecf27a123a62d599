package dev.tributary.examples.cli;

import dev.tributary.examples.cli.sop.CallerDescriptors;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The entry point of {@code java -jar tributary-examples.jar}: the command-line face of the SDK.
 * Each subcommand lives in its own class; add new ones to {@code subcommands} below.
 */
@Command(
    name = "tributary-examples.jar",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Runs Tributary's examples and tools.",
    subcommands = {
      ScheduleCommand.class,
      CatalogueCommand.class,
      SopCommand.class,
      TemplateCommand.class,
      dev.tributary.examples.cli.sftp.SftpCommand.class,
      dev.tributary.examples.quickstart.QuickstartCommand.class,
      CommandLine.HelpCommand.class
    })
public final class TributaryCli {

  private TributaryCli() {}

  public static void main(String[] args) throws IOException {
    PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
    if (args.length > 0 && args[0].equals("sop")) {
      String[] sop = Arrays.copyOfRange(args, 1, args.length);
      if (namesDescriptor(sop)) {
        CallerDescriptors.record(); // first: before the warm-up thread opens anything
      }
      SopWarmup.startFor(sop);
      System.exit(SopCommand.run(err, sop));
    }
    dev.tributary.examples.cli.sftp.Warmup.startFor(args);
    PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
    System.exit(run(out, err, args));
  }

  /**
   * Whether one of {@code args} names a descriptor ({@code @FD:N}), so that {@link #main} records
   * the caller's; looked at here, so that a command without one does not even load the class.
   */
  static boolean namesDescriptor(String... args) {
    for (String arg : args) {
      if (arg.contains("@FD:")) {
        return true;
      }
    }
    return false;
  }

  /** Runs the command line with the given streams and returns the exit code; for tests too. */
  public static int run(PrintWriter out, PrintWriter err, String... args) {
    return Picocli.run(out, err, args);
  }

  /**
   * The picocli runner, in a class of its own: the JVM loads the picocli types that a method passes
   * around when it verifies the method's class, and {@code sop}, which {@link #main} sends
   * elsewhere, must not pay for picocli.
   */
  private static final class Picocli {
    static int run(PrintWriter out, PrintWriter err, String... args) {
      CommandLine cli = new CommandLine(new TributaryCli());
      cli.setOut(out);
      cli.setErr(err);
      cli.setExecutionExceptionHandler(new ErrorHandler());
      return cli.execute(args);
    }
  }
}
