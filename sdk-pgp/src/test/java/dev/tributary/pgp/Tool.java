package dev.tributary.pgp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs gpg or sqop with bytes on stdin and collects stdout, stderr and the exit code. */
final class Tool {
  record Result(int code, byte[] out, String err) {
    Result ok() {
      assertThat(code).as("exit code; stderr: %s", err).isZero();
      return this;
    }

    String text() {
      return new String(out, StandardCharsets.UTF_8);
    }
  }

  private Tool() {}

  static Result run(byte[] stdin, Map<String, String> env, List<String> command) {
    try {
      Path out = Files.createTempFile("tool", ".out");
      Path err = Files.createTempFile("tool", ".err");
      try {
        ProcessBuilder pb =
            new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
        pb.environment().putAll(env);
        Process p = pb.start();
        try (OutputStream in = p.getOutputStream()) {
          in.write(stdin);
        } catch (IOException e) {
          // the tool may exit before reading all of its input; its exit code tells
        }
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("%s finished", command).isTrue();
        return new Result(p.exitValue(), Files.readAllBytes(out), Files.readString(err));
      } finally {
        Files.deleteIfExists(out);
        Files.deleteIfExists(err);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Runs Sequoia's {@code sqop} with {@code args}. */
  static Result sqop(byte[] stdin, String... args) {
    List<String> command = list("sqop");
    command.addAll(List.of(args));
    return run(stdin, Map.of(), command);
  }

  static List<String> list(String... parts) {
    return new ArrayList<>(List.of(parts));
  }
}
