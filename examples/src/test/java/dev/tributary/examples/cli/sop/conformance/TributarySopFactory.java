package dev.tributary.examples.cli.sop.conformance;

import dev.tributary.testing.ExternalPrograms;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.provider.Arguments;
import sop.SOP;
import sop.testsuite.SOPInstanceFactory;

/**
 * The implementations sop-java's conformance suite runs against: always our runner, in-process
 * ("tributary"); with {@code -Dsop.conformance.binary=sqop} (a name on PATH or a path) also that
 * sop binary, one process per call, so that a failure can be told apart as ours or the suite's by
 * the two rows of the same test. The binary is for a developer's comparison, not for CI.
 *
 * <p>The suite's tests find their implementations through the environment variable {@code
 * test.implementation}, which names a {@link SOPInstanceFactory}; surefire forks through {@code
 * /bin/sh}, which drops a variable with a dot in its name, so each *ConformanceTest hides the
 * suite's {@code provideInstances()} with one that calls {@link #arguments()}.
 */
public final class TributarySopFactory extends SOPInstanceFactory {
  /** The system property naming a sop binary to run the suite against as well. */
  public static final String BINARY_PROPERTY = "sop.conformance.binary";

  /**
   * The binary's adapter, one for the run: it asks the binary once for each verb (see {@link
   * CliSop}), not once for each test.
   */
  private static final Map<Path, CliSop> BINARIES = new ConcurrentHashMap<>();

  /** The implementations as the suite's parameterized tests take them, each named. */
  static Stream<Arguments> arguments() {
    return new TributarySopFactory()
        .provideSOPInstances().entrySet().stream()
            .map(e -> Arguments.of(Named.of(e.getKey(), e.getValue())));
  }

  @Override
  public Map<String, SOP> provideSOPInstances() {
    Map<String, SOP> instances = new LinkedHashMap<>();
    instances.put("tributary", new CliSop("tributary", SopRunner.inProcess()));
    String binary = System.getProperty(BINARY_PROPERTY, "");
    if (!binary.isBlank()) {
      Path program = Path.of(binary);
      if (!Files.isExecutable(program)) {
        program =
            ExternalPrograms.find(binary)
                .orElseThrow(
                    () ->
                        new IllegalArgumentException(
                            "-D" + BINARY_PROPERTY + "=" + binary + ": no such program on PATH"));
      }
      String name = program.getFileName().toString();
      instances.put(
          name, BINARIES.computeIfAbsent(program, p -> new CliSop(name, SopRunner.binary(p))));
    }
    return instances;
  }
}
