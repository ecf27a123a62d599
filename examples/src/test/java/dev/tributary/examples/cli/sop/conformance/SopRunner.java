package dev.tributary.examples.cli.sop.conformance;

import dev.tributary.examples.cli.sop.Sop;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs one sop command line — a verb and its arguments — with bytes on stdin, and returns its exit
 * code, stdout and stderr: either our runner in this JVM ({@link #inProcess}) or a sop binary such
 * as sqop in a child process ({@link #binary}).
 */
interface SopRunner {
  /** What one call left: its exit code, its stdout and its stderr. */
  record Result(int code, byte[] stdout, String stderr) {}

  Result run(List<String> args, byte[] stdin);

  /**
   * Whether the runner has every verb the suite drives, so that {@link CliSop} need not ask: true
   * of ours, which the suite must hold to all of them (a verb it lost fails, not skips); a sop
   * binary may lack the verbs of later drafts.
   */
  default boolean hasEveryVerb() {
    return false;
  }

  /** Our runner, {@link Sop#run}, in this JVM: the entry point the sop command line uses. */
  static SopRunner inProcess() {
    return new SopRunner() {
      @Override
      public Result run(List<String> args, byte[] stdin) {
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        StringWriter stderr = new StringWriter();
        int code =
            Sop.run(
                new ByteArrayInputStream(stdin),
                stdout,
                new PrintWriter(stderr, true),
                args.toArray(String[]::new));
        return new Result(code, stdout.toByteArray(), stderr.toString());
      }

      @Override
      public boolean hasEveryVerb() {
        return true;
      }
    };
  }

  /** The sop binary {@code program}, one child process per call. */
  static SopRunner binary(Path program) {
    return (args, stdin) -> {
      List<String> command = new ArrayList<>();
      command.add(program.toString());
      command.addAll(args);
      try {
        Path dir = Files.createTempDirectory("sop-call");
        try {
          Path in = Files.write(dir.resolve("stdin"), stdin);
          Path out = dir.resolve("stdout");
          Path err = dir.resolve("stderr");
          Process p =
              new ProcessBuilder(command)
                  .redirectInput(in.toFile())
                  .redirectOutput(out.toFile())
                  .redirectError(err.toFile())
                  .start();
          if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException(command + " did not finish within 60 s");
          }
          return new Result(
              p.exitValue(),
              Files.readAllBytes(out),
              Files.readString(err, StandardCharsets.UTF_8));
        } finally {
          TempFiles.delete(dir);
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while " + command + " ran", e);
      }
    };
  }
}
