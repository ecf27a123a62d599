package dev.tributary.pgp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The Java samples of the user guide's PGP page (src/site/markdown/pgp.md) compile against the
 * current public API, without deprecation warnings, so that a renamed method or a changed signature
 * cannot leave the guide showing code that no longer builds. Each {@code ```java} block becomes the
 * body of a method whose parameters are the names the samples take from their surroundings (an
 * authorization's keys, streams, paths); a sample that needs another such name fails here until it
 * is added to {@link #GIVEN}.
 */
class UserGuideJavaSamplesTest {
  private static final Path GUIDE = Path.of("..", "src", "site", "markdown", "pgp.md");

  /** What the samples use without declaring it: an authorization's keys, streams, paths. */
  static final String GIVEN =
      String.join(
          ", ",
          "PgpPublicKey publicKeyAuthorization",
          "PgpPrivateKey privateKeyAuthorization",
          "PgpPublicKey partnerPublicKey",
          "PgpKey oldKey",
          "PgpKey ourKey",
          "InputStream in",
          "OutputStream out",
          "OutputStream sigOut",
          "Path download");

  private static final String IMPORTS =
      "import dev.tributary.core.auth.*;\n"
          + "import dev.tributary.pgp.*;\n"
          + "import java.io.*;\n"
          + "import java.nio.file.*;\n"
          + "import java.time.*;\n"
          + "import java.util.*;\n";

  /** The lines {@link Sample#source} puts before the sample: the imports, class and method. */
  private static final int HEADER_LINES = 8;

  /** A {@code ```java} block of the guide and the line it starts on. */
  record Sample(int line, String code) {
    @Override
    public String toString() {
      return "pgp.md line " + line;
    }

    /** The sample as the body of a method of a class of its own. */
    String source() {
      return IMPORTS
          + "class "
          + className()
          + " {\n  static void sample("
          + GIVEN
          + ") throws Exception {\n"
          + code
          + "  }\n}\n";
    }

    String className() {
      return "GuideSample" + line;
    }
  }

  /** The guide's {@code ```java} blocks. */
  static List<Sample> samples() throws IOException {
    List<String> lines = Files.readAllLines(GUIDE, StandardCharsets.UTF_8);
    List<Sample> samples = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).strip().equals("```java")) {
        int start = i + 1;
        StringBuilder code = new StringBuilder();
        for (i = start; !lines.get(i).strip().equals("```"); i++) {
          code.append(lines.get(i)).append('\n');
        }
        samples.add(new Sample(start, code.toString()));
      }
    }
    return samples;
  }

  @Test
  void theGuideHasJavaSamples() throws IOException {
    assertThat(samples()).as("```java blocks in pgp.md").hasSizeGreaterThanOrEqualTo(4);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("samples")
  void theSample_compilesAgainstThePublicApi(Sample sample, @TempDir Path classes)
      throws IOException {
    assertThat(compile(sample, classes))
        .as("javac on the sample at %s:%n%s", sample, sample.code())
        .isEmpty();
  }

  /** The compiler's errors and warnings (deprecation included) on {@code sample}, if any. */
  static String compile(Sample sample, Path classes) throws IOException {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    try (StandardJavaFileManager files =
        javac.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
      JavaFileObject source =
          new SimpleJavaFileObject(
              URI.create("string:///" + sample.className() + ".java"), JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
              return sample.source();
            }
          };
      List<String> options =
          List.of(
              "-classpath",
              System.getProperty("java.class.path"),
              "-d",
              classes.toString(),
              "-proc:none",
              "-Xlint:deprecation,removal",
              "-Werror");
      StringWriter out = new StringWriter();
      boolean ok = javac.getTask(out, files, diagnostics, options, null, List.of(source)).call();
      String problems =
          diagnostics.getDiagnostics().stream()
              .filter(d -> d.getKind() != Diagnostic.Kind.NOTE)
              .map(
                  d ->
                      d.getKind()
                          + " at pgp.md line "
                          + (sample.line() + d.getLineNumber() - HEADER_LINES - 1)
                          + ": "
                          + d.getMessage(null))
              .collect(Collectors.joining("\n"));
      return ok && problems.isEmpty() ? "" : problems + out;
    }
  }
}
