package dev.tributary.examples.cli.sop.conformance;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One sop call as the draft spells it: a verb, its options and arguments, where keys, certificates,
 * passwords and session keys are files (the draft's indirect data types), and results beside stdout
 * ({@code --verifications-out}, {@code --session-key-out}, …) are files too. The files live in a
 * temporary directory that only {@link #run} makes, and deletes when the call has run, whether it
 * succeeded or not: until then they are held in memory, and the arguments name them under {@link
 * #DIR}, so that an operation the suite builds and never runs leaves nothing behind. Not
 * thread-safe; one call per object.
 */
final class SopCall {
  /** Where the arguments name the call's directory until {@link #run} has made it. */
  static final String DIR = "{sop-call}";

  private final SopRunner runner;
  private final List<String> args = new ArrayList<>();
  private final List<String> positional = new ArrayList<>();
  private final Map<String, byte[]> inputs = new LinkedHashMap<>();
  private @Nullable Path dir;

  SopCall(SopRunner runner, String verb) {
    this.runner = runner;
    args.add(verb);
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

  /** Adds a file of the call holding {@code content} and returns its name (under {@link #DIR}). */
  String file(byte[] content) {
    String name = "in-" + inputs.size();
    inputs.put(name, content.clone());
    return DIR + "/" + name;
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

  /**
   * The name of a file the call may write, such as {@code --verifications-out}'s (under {@link
   * #DIR}); {@link #output} reads it.
   */
  String outputFile(String name) {
    return DIR + "/out-" + name;
  }

  /**
   * Runs the call with {@code stdin} and returns its stdout; a non-zero exit is the sop-java
   * exception of its code. Output files are read with {@code read} before they are deleted.
   */
  <T> T run(byte[] stdin, Output<T> read) {
    try {
      Path made = Files.createTempDirectory("sop-conformance");
      dir = made;
      try {
        for (Map.Entry<String, byte[]> input : inputs.entrySet()) {
          Files.write(made.resolve(input.getKey()), input.getValue());
        }
        List<String> command = new ArrayList<>(args);
        if (!positional.isEmpty()) {
          command.add("--");
          command.addAll(positional);
        }
        command.replaceAll(arg -> arg.replace(DIR, made.toString()));
        SopRunner.Result result = runner.run(command, stdin);
        if (result.code() != 0) {
          throw SopFailures.of(result.code(), result.stderr());
        }
        return read.read(result.stdout());
      } finally {
        dir = null;
        TempFiles.delete(made);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
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

  /**
   * The content of output file {@code name} ({@link #outputFile}), or {@code null} if the call did
   * not write it; only while {@link #run} reads its results.
   */
  byte @Nullable [] output(String name) throws IOException {
    Path made = dir;
    if (made == null) {
      throw new IllegalStateException("output files are read while the call runs: " + name);
    }
    Path file = Path.of(name.replace(DIR, made.toString()));
    return Files.exists(file) ? Files.readAllBytes(file) : null;
  }

  /** Reads the results of a call that succeeded: its stdout and its output files. */
  interface Output<T> {
    T read(byte[] stdout) throws IOException;
  }
}
