package dev.tributary.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tributary.core.auth.Secret;
import dev.tributary.pgp.DecryptionResult;
import dev.tributary.pgp.KeyProfile;
import dev.tributary.pgp.PgpDecryptor;
import dev.tributary.pgp.PgpEncryptor;
import dev.tributary.pgp.PgpKey;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PgpExampleTest {
  @Test
  void shownName_ofASendersFileNameWithTerminalEscapes_printsNoControlCharacter() {
    // A title change, a screen clear and a fake second line, as a hostile sender might name it.
    String hostile = "\u001b]0;pwned\u0007\u001b[2Jreport.csv\ndecrypted 0 bytes";

    String shown = PgpExample.shownName(storedName(hostile));

    assertThat(shown).isEqualTo("_]0;pwned__[2Jreport.csv_decrypted 0 bytes");
    assertThat(shown.chars()).noneMatch(Character::isISOControl);
  }

  /**
   * Regression: a right-to-left override in the name was printed as it was, so a terminal showed
   * {@code invoice}, U+202E, {@code fdp.exe}, an executable, as {@code invoiceexe.pdf}.
   */
  @Test
  void shownName_ofASendersFileNameWithABidiOverride_showsItInItsTrueOrder() {
    String shown = PgpExample.shownName(storedName("invoice\u202efdp.exe"));

    assertThat(shown).isEqualTo("invoicefdp.exe");
  }

  /** {@code name} as a message stores it, read back from the message by decryption. */
  private static String storedName(String name) {
    PgpKey key =
        PgpKey.generate(KeyProfile.CURVE25519, "Example <ex@example.com>", Secret.of("pw"));
    ByteArrayOutputStream message = new ByteArrayOutputStream();
    PgpEncryptor.builder()
        .recipient(key.certificate())
        .fileName(name)
        .build()
        .encrypt(new ByteArrayInputStream("id\n1\n".getBytes(StandardCharsets.UTF_8)), message);
    DecryptionResult result =
        PgpDecryptor.builder()
            .key(key)
            .build()
            .decrypt(new ByteArrayInputStream(message.toByteArray()), new ByteArrayOutputStream());
    assertThat(result.fileName()).isEqualTo(name);
    return result.fileName();
  }

  @Test
  void shownName_ofNoFileName_saysSo() {
    assertThat(PgpExample.shownName("")).isEqualTo("(no file name)");
  }
}
