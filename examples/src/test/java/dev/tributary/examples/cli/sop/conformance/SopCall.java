package dev.tributary.examples.cli.sop.conformance;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One sop call as the draft spells it: a verb, its options and arguments, where keys, certificates,
 * passwords and session keys are files (the draft's indirect data types), and results beside stdout
 * ({@code --verifications-out}, {@code --session-key-out}, …) are files too. The files live in a
 * temporary directory of the call, deleted when it has run. Not thread-safe; one call per object.
 */
final class SopCall {
  private final SopRunner runner;
  private final List<String> args = new ArrayList<>();
  private final List<String> positional = new ArrayList<>();
  private final Path dir;
  private int files;

  SopCall(SopRunner runner, String verb) {
    this.runner = runner;
    args.add(verb);
    try {
      dir = Files.createTempDirectory("sop-conformance");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Adds the option {@code arg} as it is, such as {@code --no-armor}. */
  SopCall arg(String arg) {
    args.add(arg);
    return this;
  }

  /** Adds a positional argument; these follow the options, after {@code --}. */
  SopCall positional(String arg) {
    positional.add(arg);
    return this;
  }

  /** Adds the file holding {@code content} as a positional argument. */
  SopCall positionalFile(byte[] content) {
    return positional(file(content));
  }

  /** Writes {@code content} to a file of the call and returns its name. */
  String file(byte[] content) {
    try {
      return Files.write(dir.resolve("in-" + files++), content).toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@link #file(byte[])} for data the caller hands over as a stream. */
  String file(InputStream content) {
    try (content) {
      return file(content.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Adds {@code --option=FILE}, the file holding {@code content}. */
  SopCall fileOption(String option, byte[] content) {
    return arg("--" + option + "=" + file(content));
  }

  /** A file the call may write, such as {@code --verifications-out}'s; see {@link #output}. */
  Path outputFile(String name) {
    return dir.resolve("out-" + name);
  }

  /**
   * Runs the call with {@code stdin} and returns its stdout; a non-zero exit is the sop-java
   * exception of its code. Output files are read with {@code read} before they are deleted.
   */
  <T> T run(byte[] stdin, Output<T> read) {
    try {
      List<String> command = new ArrayList<>(args);
      if (!positional.isEmpty()) {
        command.add("--");
        command.addAll(positional);
      }
      SopRunner.Result result = runner.run(command, stdin);
      if (result.code() != 0) {
        throw SopFailures.of(result.code(), result.stderr());
      }
      return read.read(result.stdout());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      TempFiles.delete(dir);
    }
  }

  /** Runs the call and returns its stdout. */
  byte[] run(byte[] stdin) {
    return run(stdin, stdout -> stdout);
  }

  /** Runs the call with {@code stdin} read to its end. */
  byte[] run(InputStream stdin) {
    return run(readAll(stdin));
  }

  static byte[] readAll(InputStream in) {
    try (in) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The content of an output file, or {@code null} if the call did not write it. */
  static byte @Nullable [] output(Path file) throws IOException {
    return Files.exists(file) ? Files.readAllBytes(file) : null;
  }

  /** Reads the results of a call that succeeded: its stdout and its output files. */
  interface Output<T> {
    T read(byte[] stdout) throws IOException;
  }
}
