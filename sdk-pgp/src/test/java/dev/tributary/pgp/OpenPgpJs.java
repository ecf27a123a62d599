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
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * OpenPGP.js (npm's {@code openpgp} 6 and 5) under node, through {@code
 * src/test/openpgpjs/interop.mjs}, as a JUnit extension in a test class's static field:
 *
 * <pre>{@code @RegisterExtension static final OpenPgpJs js = new OpenPgpJs();}</pre>
 *
 * <p>The class's first {@link #run} starts one node process, which its later calls share and which
 * ends after the class's last test, whether its tests passed or failed ({@link #afterAll}). Each
 * call writes JSON requests, a line each, and reads an answer a line each (the script's header
 * lists the verbs). Starting node and loading OpenPGP.js takes a few tenths of a second, which a
 * process per call would pay again and again. When node or the npm packages are missing, each call
 * skips the calling test, or fails it in CI ({@link ExternalPrograms#required()}), saying what to
 * install; so call it from tests and {@code @BeforeEach} methods, not from {@code @BeforeAll}:
 * surefire shows no reason for a class skipped as a whole. Not thread-safe.
 */
final class OpenPgpJs implements AfterAllCallback {
  /** The script's folder; surefire runs the tests in the module's folder. */
  static final Path DIR = Path.of("src/test/openpgpjs");

  static final ObjectMapper JSON = new ObjectMapper();
  private static final List<String> PACKAGES = List.of("openpgp", "openpgp-v5");

  /** The running node process, or null before the first call and after the class's tests. */
  private @Nullable Node node;

  /** One node process running the script, and the pipes to it. */
  private record Node(
      Process process, Path stderr, BufferedWriter requests, BufferedReader answers) {}

  /**
   * Starts the script under node, with the npm packages that package-lock.json pins; or skips the
   * test (fails it, in CI) if either is missing.
   */
  private static Node start() throws IOException {
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
    return new Node(
        process,
        stderr,
        new BufferedWriter(
            new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8)),
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8)));
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

  /**
   * Sends the requests at once, then reads their answers, in the same order; starts node first if
   * this is the class's first call.
   */
  List<Answer> run(List<ObjectNode> batch) {
    try {
      if (node == null) {
        node = start();
      }
      Node n = node;
      for (ObjectNode r : batch) {
        n.requests().write(r.toString());
        n.requests().newLine();
      }
      n.requests().flush();
      List<Answer> result = new ArrayList<>();
      for (int i = 0; i < batch.size(); i++) {
        String line = n.answers().readLine();
        assertThat(line)
            .as("node's answer; it ended: %s", Files.readString(n.stderr()))
            .isNotNull();
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

  /** Ends node, if a call started it, and deletes its error output. */
  @Override
  public void afterAll(ExtensionContext context) throws Exception {
    Node n = node;
    if (n == null) {
      return;
    }
    node = null;
    try {
      n.requests().close(); // closing its input ends the script
    } finally {
      if (!n.process().waitFor(10, TimeUnit.SECONDS)) {
        n.process().destroyForcibly();
      }
      Files.deleteIfExists(n.stderr());
    }
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
