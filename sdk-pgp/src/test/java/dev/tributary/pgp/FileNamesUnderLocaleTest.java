package dev.tributary.pgp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link PgpFileNames#safeName} in a JVM started under a locale, as a host's is: a child JVM
 * ({@link FileNameProbe}) creates a file under the safe name of each sender's name. Measured on JDK
 * 17 (Linux, glibc): {@code LC_ALL=C} and {@code POSIX} make {@code sun.jnu.encoding}
 * ANSI_X3.4-1968 (ASCII), under which {@code Path.of} throws InvalidPathException for any other
 * character; {@code C.UTF-8} makes it UTF-8.
 */
class FileNamesUnderLocaleTest {
  /** A sender's names; the NFD one is macOS's spelling of the first. */
  static final List<String> NAMES =
      List.of(
          "Bericht_M\u00e4rz.csv",
          "Bericht_Ma\u0308rz.csv",
          "\u041e\u0442\u0447\u0451\u0442.csv",
          "\u20ac100.txt",
          "scan \ud83d\udcc4.pdf",
          "invoice\u202efdp.exe");

  @TempDir Path dir;

  /**
   * Regression: under {@code LANG=C} safeName kept every character but controls, and {@code
   * Path.of} of its result threw InvalidPathException ("Malformed input or input contains
   * unmappable characters: Bericht_M?rz.csv").
   */
  @Test
  void safeName_underTheCLocale_isAnAsciiNameThatCanBeCreated() throws Exception {
    List<String> lines = probe("C");
    assertThat(lines.get(0)).isEqualTo("sun.jnu.encoding=ANSI_X3.4-1968");
    assertThat(lines.subList(1, lines.size()))
        .containsExactly(
            "Bericht_M_rz.csv\tcreated",
            "Bericht_M_rz.csv\tcreated",
            "_____.csv\tcreated",
            "_100.txt\tcreated",
            "scan _.pdf\tcreated",
            "invoicefdp.exe\tcreated");
    assertThat(created())
        .containsExactlyInAnyOrder(
            "Bericht_M_rz.csv", "_____.csv", "_100.txt", "scan _.pdf", "invoicefdp.exe");
  }

  @Test
  void safeName_underAUtf8Locale_keepsTheNameReadable() throws Exception {
    List<String> lines = probe("C.UTF-8");
    assumeThat(lines.get(0)).as("C.UTF-8 is installed").isEqualTo("sun.jnu.encoding=UTF-8");
    assertThat(lines.subList(1, lines.size()))
        .containsExactly(
            "Bericht_M\u00e4rz.csv\tcreated",
            "Bericht_M\u00e4rz.csv\tcreated",
            "\u041e\u0442\u0447\u0451\u0442.csv\tcreated",
            "\u20ac100.txt\tcreated",
            "scan \ud83d\udcc4.pdf\tcreated",
            "invoicefdp.exe\tcreated");
  }

  /** The probe's output lines, run with {@code LC_ALL} and {@code LANG} set to {@code locale}. */
  private List<String> probe(String locale) {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command =
        List.of(
            java,
            "-cp",
            System.getProperty("java.class.path"),
            FileNameProbe.class.getName(),
            dir.toString());
    byte[] names = String.join("\n", NAMES).getBytes(StandardCharsets.UTF_8);
    Tool.Result r = Tool.run(names, Map.of("LC_ALL", locale, "LANG", locale), command).ok();
    return r.text().lines().toList();
  }

  private List<String> created() throws Exception {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(f -> f.getFileName().toString()).toList();
    }
  }
}
