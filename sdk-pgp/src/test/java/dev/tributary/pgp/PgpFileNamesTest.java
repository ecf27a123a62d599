package dev.tributary.pgp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class PgpFileNamesTest {
  @Test
  void encryptedName_addsPgpOrAsc() {
    assertThat(PgpFileNames.encryptedName("export.csv", false)).isEqualTo("export.csv.pgp");
    assertThat(PgpFileNames.encryptedName("export.csv", true)).isEqualTo("export.csv.asc");
    assertThatThrownBy(() -> PgpFileNames.encryptedName("", true))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void decryptedName_stripsTheSuffix_orAppendsDecrypted() {
    assertThat(PgpFileNames.decryptedName("export.csv.pgp")).isEqualTo("export.csv");
    assertThat(PgpFileNames.decryptedName("export.csv.GPG")).isEqualTo("export.csv");
    assertThat(PgpFileNames.decryptedName("export.csv.asc")).isEqualTo("export.csv");
    assertThat(PgpFileNames.decryptedName("export.csv")).isEqualTo("export.csv.decrypted");
    assertThat(PgpFileNames.decryptedName(".pgp")).isEqualTo(".pgp.decrypted");
    assertThat(PgpFileNames.decryptedName("a")).isEqualTo("a.decrypted");
    // "." and "..", from a remote server's "..pgp", would name a folder, not a file
    assertThat(PgpFileNames.decryptedName("..pgp")).isEqualTo("..pgp.decrypted");
    assertThat(PgpFileNames.decryptedName("...GPG")).isEqualTo("...GPG.decrypted");
    // "..." would be nothing on Windows, which drops dots at the end of a name
    assertThat(PgpFileNames.decryptedName("....asc")).isEqualTo("....asc.decrypted");
    assertThat(PgpFileNames.isEncryptedName("a.Pgp")).isTrue();
    assertThat(PgpFileNames.isEncryptedName("a.csv")).isFalse();
  }

  /**
   * Regression: {@code decryptedName("../x.pgp")} kept the {@code ../}, so a host naming the
   * plaintext after a file a sender or server named wrote it outside its folder.
   */
  @Test
  void decryptedName_ofANameWithFolders_isTheBareFileName_thatStaysInTheFolder() {
    assertThat(PgpFileNames.decryptedName("../x.pgp")).isEqualTo("x");
    assertThat(PgpFileNames.decryptedName("a/../../x.gpg")).isEqualTo("x");
    assertThat(PgpFileNames.decryptedName("..\\x.asc")).isEqualTo("x");
    assertThat(PgpFileNames.decryptedName("/etc/x.pgp")).isEqualTo("x");
    assertThat(PgpFileNames.decryptedName("C:\\Windows\\x.csv.pgp")).isEqualTo("x.csv");
    assertThat(PgpFileNames.decryptedName("C:x.csv.pgp")).isEqualTo("x.csv");
    assertThat(PgpFileNames.decryptedName("in/export.csv")).isEqualTo("export.csv.decrypted");
    // nothing, ".." or "." left once the folders are gone: still a file name of its own
    assertThat(PgpFileNames.decryptedName("in/")).isEqualTo(".decrypted");
    assertThat(PgpFileNames.decryptedName("/.pgp")).isEqualTo(".pgp.decrypted");
    assertThat(PgpFileNames.decryptedName("a/..pgp")).isEqualTo("..pgp.decrypted");
    assertThat(PgpFileNames.decryptedName("a\\..")).isEqualTo("...decrypted");
    assertThat(PgpFileNames.decryptedName("")).isEqualTo(".decrypted");

    Path folder = Path.of("/data/in");
    for (String name :
        List.of("../x.pgp", "a/../../x.gpg", "..\\x.asc", "/etc/x.pgp", "..", "x/..", "C:x.pgp")) {
      String plain = PgpFileNames.decryptedName(name);
      assertThat(plain).as(name).doesNotContain("/", "\\").isNotIn("", ".", "..");
      assertThat(folder.resolve(plain).normalize().getParent()).as(name).isEqualTo(folder);
    }
  }

  /**
   * Regression: {@code decryptedName} kept what a sender may put in a file name but a file system
   * takes otherwise: a Windows alternate data stream ({@code x.csv:s.pgp} wrote to the stream
   * {@code s} of {@code x.csv}), a NUL (on which {@code Path.of} throws), other control characters,
   * dots and spaces at the end (which Windows drops: {@code ....asc} named nothing) and device
   * names ({@code CON}).
   */
  @Test
  void decryptedName_ofANameWithUnsafeCharacters_isASafeFileNameOnEverySystem() {
    assertThat(PgpFileNames.decryptedName("x.csv:s.pgp")).isEqualTo("x.csv_s");
    assertThat(PgpFileNames.decryptedName("x.csv::$DATA.asc")).isEqualTo("x.csv__$DATA");
    assertThat(PgpFileNames.decryptedName("x\0y.csv.pgp")).isEqualTo("x_y.csv");
    assertThat(PgpFileNames.decryptedName("a\n\r\t\u001b[31m\u007f\u0085b.gpg"))
        .isEqualTo("a____[31m__b");
    assertThat(PgpFileNames.decryptedName("<a>|\"b\"?*.pgp")).isEqualTo("_a___b___");
    assertThat(PgpFileNames.decryptedName("\ud800x.pgp")).isEqualTo("_x");
    assertThat(PgpFileNames.decryptedName("x.csv..pgp")).isEqualTo("x.csv");
    assertThat(PgpFileNames.decryptedName("x.csv . .asc")).isEqualTo("x.csv");
    assertThat(PgpFileNames.decryptedName(". .pgp")).isEqualTo(". .pgp.decrypted");
    assertThat(PgpFileNames.decryptedName("x. ")).isEqualTo("x. .decrypted");
    assertThat(PgpFileNames.decryptedName("CON.pgp")).isEqualTo("_CON");
    assertThat(PgpFileNames.decryptedName("nul.txt.asc")).isEqualTo("_nul.txt");
    assertThat(PgpFileNames.decryptedName("Com1 .csv.gpg")).isEqualTo("_Com1 .csv");
    assertThat(PgpFileNames.decryptedName("LPT\u00b9.pgp")).isEqualTo("_LPT\u00b9");
    assertThat(PgpFileNames.decryptedName("aux")).isEqualTo("_aux.decrypted");
    assertThat(PgpFileNames.decryptedName("CONIN$.pgp")).isEqualTo("_CONIN$");
    assertThat(PgpFileNames.decryptedName("console.pgp")).isEqualTo("console");
    assertThat(PgpFileNames.decryptedName("COM10.pgp")).isEqualTo("COM10");
  }

  @Test
  void decryptedName_ofALongName_staysWithin255Bytes_andNeverGivesTheEncryptedName() {
    String a250 = "a".repeat(250);
    assertThat(PgpFileNames.decryptedName("a".repeat(300) + ".pgp")).isEqualTo("a".repeat(255));
    assertThat(PgpFileNames.decryptedName(a250)).isEqualTo("a".repeat(245) + ".decrypted");
    assertThat(PgpFileNames.decryptedName("a".repeat(254) + "..pgp")).isEqualTo("a".repeat(254));
  }

  @Test
  void decryptedName_ofAnyName_isUsableAndStaysInTheFolder() {
    Path folder = Path.of("/data/in").toAbsolutePath();
    List<String> names =
        List.of(
            "x.csv:s.pgp",
            "x\0y.pgp",
            "\0",
            "\0.pgp",
            "a\nb",
            "..",
            ".",
            "",
            " ",
            "....asc",
            ". .gpg",
            "x. .pgp",
            "CON",
            "con.pgp",
            "nul .txt",
            "C:",
            "C:..",
            "C:\\",
            "a:b:c",
            "x.csv ",
            "x.csv.",
            "\ud800",
            "?.pgp",
            "*",
            "a/b\\c:d.pgp",
            "\u0085.asc",
            "a".repeat(400),
            "\u00e9".repeat(300) + ".pgp");
    for (String name : names) {
      String plain = PgpFileNames.decryptedName(name);
      assertSafe(name, plain, folder);
      assertThat(plain).as(name).isNotEqualTo(name);
    }
  }

  static void assertSafe(String name, String safe, Path folder) {
    assertThat(safe).as(name).isNotIn("", ".", "..");
    assertThat(safe).as(name).doesNotContainPattern("[\\p{Cntrl}\u0080-\u009f/\\\\<>:\"|?*]");
    assertThat(safe).as(name).doesNotContainPattern("[\\p{Cf}\\p{Zl}\\p{Zp}]");
    assertThat(Normalizer.isNormalized(safe, Normalizer.Form.NFC)).as(name + " in NFC").isTrue();
    assertThat(safe).as(name).doesNotEndWith(".").doesNotEndWith(" ");
    assertThat(safe.getBytes(StandardCharsets.UTF_8).length).as(name).isLessThanOrEqualTo(255);
    assertThat(safe.split("\\.")[0].strip().toUpperCase(Locale.ROOT))
        .as(name)
        .isNotIn("CON", "PRN", "AUX", "NUL", "COM1", "LPT1");
    assertThatCode(() -> Path.of(safe)).as(name).doesNotThrowAnyException();
    assertThat(folder.resolve(safe).normalize().getParent()).as(name).isEqualTo(folder);
  }

  @Test
  void safeName_keepsTheSuffix_andIsEmptyWhenNothingUsableIsLeft() {
    assertThat(PgpFileNames.safeName("export.csv")).contains("export.csv");
    assertThat(PgpFileNames.safeName("export.csv.pgp")).contains("export.csv.pgp");
    assertThat(PgpFileNames.safeName("../../etc/passwd")).contains("passwd");
    assertThat(PgpFileNames.safeName("C:\\in\\ab:y\0z. ")).contains("ab_y_z");
    assertThat(PgpFileNames.safeName("nul")).contains("_nul");
    assertThat(PgpFileNames.safeName("a".repeat(300))).contains("a".repeat(255));
    for (String name : List.of("", ".", "..", "...", " . ", "in/", "C:", "a\\")) {
      assertThat(PgpFileNames.safeName(name)).as(name).isEmpty();
    }
    Path folder = Path.of("/data/in").toAbsolutePath();
    for (String name : List.of("x:y", "\0", "a\u001bb", "CON.txt", "x.", "?", "\ud800")) {
      assertSafe(name, PgpFileNames.safeName(name).orElseThrow(), folder);
    }
  }

  /**
   * The example the user guide and {@link PgpFileNames#decryptedName}'s javadoc give of two names
   * with one safe name. It was {@code a:b} and {@code a?b}, which differ: a letter and a colon
   * before a name is a drive, and dropped.
   */
  @Test
  void safeName_ofDifferentNames_canBeTheSame() {
    assertThat(PgpFileNames.safeName("ab:c")).contains("ab_c");
    assertThat(PgpFileNames.safeName("ab?c")).contains("ab_c");
    assertThat(PgpFileNames.safeName("a:b")).contains("b");
    assertThat(PgpFileNames.safeName("a?b")).contains("a_b");
  }

  /** The bidirectional controls: with them a name shows in another order than it is. */
  static final String BIDI_CONTROLS =
      "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c";

  /**
   * Regression: safeName kept the bidirectional controls ("Trojan Source"), so {@code invoice},
   * U+202E (right-to-left override) and {@code fdp.exe}, an executable, showed as {@code
   * invoiceexe.pdf}; and the other invisible format characters, so names that look the same named
   * different files.
   */
  @Test
  void safeName_dropsBidiControlsAndOtherFormatCharacters() {
    assertThat(PgpFileNames.safeName("invoice\u202efdp.exe")).contains("invoicefdp.exe");
    assertThat(PgpFileNames.safeName("\u2067exe.pdf\u2069")).contains("exe.pdf");
    for (char c : BIDI_CONTROLS.toCharArray()) {
      String name = "a" + c + "b.txt";
      assertThat(PgpFileNames.safeName(name)).as("U+%04X", (int) c).contains("ab.txt");
    }
    // zero-width space, joiners and word joiner, soft hyphen, byte order mark, a tag character
    assertThat(PgpFileNames.safeName("a\u200bb\u200cc\u200dd\u2060e\u00adf\ufeffg\udb40\udc41.txt"))
        .contains("abcdefg.txt");
    // what is left is checked as any name: a device, dots at the end, nothing at all
    assertThat(PgpFileNames.safeName("CO\u200bN")).contains("_CON");
    assertThat(PgpFileNames.safeName("x.\u200e")).contains("x");
    assertThat(PgpFileNames.safeName("\u202e")).isEmpty();
    assertThat(PgpFileNames.safeName(".\u200b.")).isEmpty();
    // line and paragraph separators break a line where the name is shown, as a newline does
    assertThat(PgpFileNames.safeName("a\u2028b\u2029c")).contains("a_b_c");
    assertThat(PgpFileNames.decryptedName("report\u202egpj.exe.pgp")).isEqualTo("reportgpj.exe");
    Path folder = Path.of("/data/in").toAbsolutePath();
    for (String name : List.of("invoice\u202efdp.exe", "\ufeffx", "a\u2028b", "\u00ad\u0600x")) {
      assertSafe(name, PgpFileNames.safeName(name).orElseThrow(), folder);
      assertSafe(name, PgpFileNames.decryptedName(name), folder);
    }
  }

  /**
   * Regression: safeName kept a name's Unicode normalisation form, so the same name from macOS
   * (decomposed, NFD: {@code a} and U+0308) and from Linux or Windows (composed, NFC: {@code
   * \u00e4}) named two different files.
   */
  @Test
  void safeName_isInNfc_soOneNameInEitherFormGivesOneFile() {
    String nfc = "Bericht_M\u00e4rz.csv";
    String nfd = "Bericht_Ma\u0308rz.csv";
    assertThat(PgpFileNames.safeName(nfd)).isEqualTo(PgpFileNames.safeName(nfc));
    assertThat(PgpFileNames.decryptedName(nfd + ".pgp"))
        .isEqualTo(PgpFileNames.decryptedName(nfc + ".pgp"));
    // Hangul syllables decomposed into their letters, as macOS stores them
    assertThat(PgpFileNames.safeName("\u1112\u1161\u11ab.txt"))
        .isEqualTo(PgpFileNames.safeName("\ud55c.txt"));
    // a format character between a letter and its mark does not keep them apart
    assertThat(PgpFileNames.safeName("Ma\u200b\u0308rz"))
        .isEqualTo(PgpFileNames.safeName("M\u00e4rz"));
    Path folder = Path.of("/data/in").toAbsolutePath();
    assertSafe(nfd, PgpFileNames.safeName(nfd).orElseThrow(), folder);
  }

  /**
   * Where this JVM names files in UTF-8 (a UTF-8 locale, macOS), a name keeps its letters; under an
   * ASCII locale they become {@code _} ({@link FileNamesUnderLocaleTest}).
   */
  @Test
  void safeName_underUtf8FileNames_keepsLettersOfAnyScript() {
    assumeThat(System.getProperty("sun.jnu.encoding")).isEqualTo("UTF-8");
    assertThat(PgpFileNames.safeName("Bericht_Ma\u0308rz.csv")).contains("Bericht_M\u00e4rz.csv");
    assertThat(PgpFileNames.safeName("\u041e\u0442\u0447\u0451\u0442.csv"))
        .contains("\u041e\u0442\u0447\u0451\u0442.csv");
    assertThat(PgpFileNames.decryptedName("\u00e9".repeat(200) + ".asc"))
        .isEqualTo("\u00e9".repeat(127));
  }
}
