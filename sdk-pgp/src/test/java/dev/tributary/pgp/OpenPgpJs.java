package dev.tributary.pgp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tributary.testing.ExternalPrograms;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * OpenPGP.js (npm's {@code openpgp} 6 and 5) under node, through {@code
 * src/test/openpgpjs/interop.mjs}: one node process, started by {@link #start()} and kept until
 * {@link #close()}, to which each {@link #run} call writes JSON requests, a line each, and reads an
 * answer a line each (the script's header lists the verbs). Starting node and loading OpenPGP.js
 * takes a few tenths of a second, which a process per call would pay again and again. {@link
 * #start()} skips the calling test, or fails it in CI, when node or the npm packages are missing.
 * Not thread-safe.
 */
final class OpenPgpJs implements AutoCloseable {
  /** The script's folder; surefire runs the tests in the module's folder. */
  static final Path DIR = Path.of("src/test/openpgpjs");

  static final ObjectMapper JSON = new ObjectMapper();
  private static final List<String> PACKAGES = List.of("openpgp", "openpgp-v5");

  private final Process process;
  private final Path stderr;
  private final BufferedWriter requests;
  private final BufferedReader answers;

  private OpenPgpJs(Process process, Path stderr) {
    this.process = process;
    this.stderr = stderr;
    this.requests =
        new BufferedWriter(
            new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8));
    this.answers =
        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
  }

  /**
   * Starts the script under node, with the npm packages that package-lock.json pins; or skips the
   * test (fails it, in CI) if either is missing.
   */
  static OpenPgpJs start() throws IOException {
    Path node = ExternalPrograms.require("node", "nodejs");
    ExternalPrograms.requireInstalled(
        installed(),
        "OpenPGP.js (the npm packages "
            + PACKAGES
            + " at the versions package-lock.json pins) is not installed in sdk-pgp/"
            + DIR
            + "/node_modules",
        "Run 'npm ci' in sdk-pgp/" + DIR);
    Path stderr = Files.createTempFile("openpgpjs", ".err");
    Process process =
        new ProcessBuilder(node.toString(), DIR.resolve("interop.mjs").toString())
            .redirectError(stderr.toFile())
            .start();
    return new OpenPgpJs(process, stderr);
  }

  private static boolean installed() {
    try {
      JsonNode pinned = JSON.readTree(DIR.resolve("package-lock.json").toFile()).path("packages");
      for (String name : PACKAGES) {
        Path manifest = DIR.resolve("node_modules").resolve(name).resolve("package.json");
        String version = pinned.path("node_modules/" + name).path("version").asText("?");
        if (!Files.isRegularFile(manifest)
            || !JSON.readTree(manifest.toFile()).path("version").asText().equals(version)) {
          return false;
        }
      }
      return true;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static ObjectNode request(String verb) {
    return JSON.createObjectNode().put("verb", verb);
  }

  /** Sends the requests at once, then reads their answers, in the same order. */
  List<Answer> run(List<ObjectNode> batch) {
    try {
      for (ObjectNode r : batch) {
        requests.write(r.toString());
        requests.newLine();
      }
      requests.flush();
      List<Answer> result = new ArrayList<>();
      for (int i = 0; i < batch.size(); i++) {
        String line = answers.readLine();
        assertThat(line).as("node's answer; it ended: %s", Files.readString(stderr)).isNotNull();
        result.add(new Answer(JSON.readTree(line)));
      }
      return result;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  List<Answer> run(ObjectNode... requests) {
    return run(List.of(requests));
  }

  /** One request's answer, which must be a success. */
  Answer call(ObjectNode request) {
    return run(request).get(0).ok();
  }

  /** Ends node (closing its input ends the script) and deletes its error output. */
  @Override
  public void close() throws Exception {
    requests.close();
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      process.destroyForcibly();
    }
    Files.deleteIfExists(stderr);
  }

  /** OpenPGP.js's answer to one request. */
  record Answer(JsonNode json) {
    Answer ok() {
      assertThat(json.path("ok").asBoolean())
          .as("OpenPGP.js failed: %s", json.path("error").asText())
          .isTrue();
      return this;
    }

    String error() {
      assertThat(json.path("ok").asBoolean()).as("OpenPGP.js failed, as it should").isFalse();
      return json.path("error").asText();
    }

    String text(String field) {
      return json.path(field).asText();
    }

    byte[] bytes(String field) {
      return Base64.getDecoder().decode(json.path(field).asText());
    }

    List<String> strings(String field) {
      List<String> values = new ArrayList<>();
      json.path(field).forEach(v -> values.add(v.asText()));
      return values;
    }
  }
}
