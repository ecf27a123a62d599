package dev.tributary.pgp.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The encoding rule of {@link SafeFileNames#clean} for each kind of JVM, in this one: the child
 * JVMs of {@code FileNamesUnderLocaleTest} show it under a real locale.
 */
class SafeFileNamesTest {
  @Test
  void nameEncoding_isTheJnuEncoding_unlessItHasEveryCharacter() {
    assertThat(SafeFileNames.nameEncoding('/', "ANSI_X3.4-1968"))
        .isEqualTo(StandardCharsets.US_ASCII);
    assertThat(SafeFileNames.nameEncoding('/', "ISO-8859-15"))
        .isEqualTo(Charset.forName("ISO-8859-15"));
    assertThat(SafeFileNames.nameEncoding('/', "UTF-8")).isNull();
    // Windows names files in UTF-16, whatever its ANSI code page
    assertThat(SafeFileNames.nameEncoding('\\', "Cp1252")).isNull();
    assertThat(SafeFileNames.nameEncoding('/', null)).isNull();
    assertThat(SafeFileNames.nameEncoding('/', "no-such-charset"))
        .isEqualTo(StandardCharsets.US_ASCII);
  }

  @Test
  void clean_replacesWhatTheEncodingLacks_afterComposingToNfc() {
    String nfd = "Bericht_Ma\u0308rz \u20ac.csv";
    assertThat(SafeFileNames.clean(nfd, StandardCharsets.US_ASCII)).isEqualTo("Bericht_M_rz _.csv");
    // Latin-1 has the composed a-umlaut but neither the combining mark nor the euro sign
    assertThat(SafeFileNames.clean(nfd, StandardCharsets.ISO_8859_1))
        .isEqualTo("Bericht_M\u00e4rz _.csv");
    assertThat(SafeFileNames.clean(nfd, Charset.forName("ISO-8859-15")))
        .isEqualTo("Bericht_M\u00e4rz \u20ac.csv");
    assertThat(SafeFileNames.clean(nfd, null)).isEqualTo("Bericht_M\u00e4rz \u20ac.csv");
    // a character outside the BMP is one character, so one _
    assertThat(SafeFileNames.clean("\ud83d\udcc4.pdf", StandardCharsets.US_ASCII))
        .isEqualTo("_.pdf");
  }

  @Test
  void finish_cutsToWholeCharactersOfUtf8() {
    assertThat(SafeFileNames.finish("\u00e9".repeat(200), 255)).isEqualTo("\u00e9".repeat(127));
  }
}
