package dev.tributary.testing;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Assumptions;

/**
 * Finds the outside programs that interoperability tests run — {@code gpg}, {@code sqop}, {@code
 * sshd}, {@code go}, {@code node} — and decides what a test does when one is missing, or when
 * something else it needs is not installed ({@link #requireInstalled}).
 *
 * <p>On a developer's machine a missing program skips the test with a message that says what to
 * install, so the test command passes with only a JDK. In CI, where {@code .ci/run} installs every
 * program, it sets the environment variable {@value #REQUIRE_ENV} to {@code true} (or the system
 * property {@value #REQUIRE_PROPERTY}), and a missing program fails the test instead: CI never
 * skips silently.
 *
 * <p>Programs are looked up on {@code PATH} and then in {@code /usr/sbin} and {@code
 * /usr/local/sbin}, where Debian puts {@code sshd}. Stateless and thread-safe.
 */
public final class ExternalPrograms {
  /** The environment variable that turns a missing program from a skip into a failure. */
  public static final String REQUIRE_ENV = "TRIBUTARY_REQUIRE_EXTERNAL_TOOLS";

  /** The system property that does the same as {@link #REQUIRE_ENV}. */
  public static final String REQUIRE_PROPERTY = "tributary.requireExternalTools";

  private static final List<String> EXTRA_DIRS = List.of("/usr/sbin", "/usr/local/sbin");

  private ExternalPrograms() {}

  /** The program's executable, if it is installed. */
  public static Optional<Path> find(String program) {
    Objects.requireNonNull(program, "program");
    List<String> dirs = new ArrayList<>();
    String path = System.getenv("PATH");
    if (path != null) {
      dirs.addAll(List.of(path.split(File.pathSeparator)));
    }
    dirs.addAll(EXTRA_DIRS);
    for (String dir : dirs) {
      if (dir.isEmpty()) {
        continue;
      }
      Path candidate = Path.of(dir, program);
      if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }

  /** Whether missing programs fail tests (CI) rather than skip them (a developer's machine). */
  public static boolean required() {
    return required(System.getenv(REQUIRE_ENV), System.getProperty(REQUIRE_PROPERTY));
  }

  static boolean required(@Nullable String environment, @Nullable String property) {
    return isTrue(environment) || isTrue(property);
  }

  private static boolean isTrue(@Nullable String value) {
    return value != null && (value.equals("1") || value.toLowerCase(Locale.ROOT).equals("true"));
  }

  /**
   * The program's executable; when it is missing, skips the calling test (or fails it, in CI) with
   * a message naming the program and the Debian package that provides it.
   *
   * @param program the executable's name, such as {@code gpg}
   * @param debianPackage the package that installs it, such as {@code gnupg}
   */
  public static Path require(String program, String debianPackage) {
    Optional<Path> found = find(program);
    if (found.isEmpty()) {
      throw missing(
          "'" + program + "' is not installed (Debian package " + debianPackage + ")",
          "Install it");
    }
    return found.get();
  }

  /**
   * Skips the calling test (or fails it, in CI) unless something it needs besides a program is
   * installed, such as the npm packages an interoperability test runs under {@code node}.
   *
   * @param installed whether it is installed
   * @param missing what is missing, such as {@code "OpenPGP.js is not installed in
   *     sdk-pgp/src/test/openpgpjs"}
   * @param install the command that installs it, such as {@code "Run 'npm ci' in
   *     sdk-pgp/src/test/openpgpjs"}
   */
  public static void requireInstalled(boolean installed, String missing, String install) {
    Objects.requireNonNull(missing, "missing");
    Objects.requireNonNull(install, "install");
    if (!installed) {
      throw missing(missing, install);
    }
  }

  private static AssertionError missing(String missing, String install) {
    String message = missing + "; this test needs it";
    if (required()) {
      return new AssertionError(message + ", and " + REQUIRE_ENV + " says CI must not skip it");
    }
    return Assumptions.abort(
        message + ": skipped. " + install + ", or run .ci/run, to run the test.");
  }
}
