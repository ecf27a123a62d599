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
    PgpKey key =
        PgpKey.generate(KeyProfile.CURVE25519, "Example <ex@example.com>", Secret.of("pw"));
    // A title change, a screen clear and a fake second line, as a hostile sender might name it.
    String hostile = "\u001b]0;pwned\u0007\u001b[2Jreport.csv\ndecrypted 0 bytes";
    ByteArrayOutputStream message = new ByteArrayOutputStream();
    PgpEncryptor.builder()
        .recipient(key.certificate())
        .fileName(hostile)
        .build()
        .encrypt(new ByteArrayInputStream("id\n1\n".getBytes(StandardCharsets.UTF_8)), message);
    DecryptionResult result =
        PgpDecryptor.builder()
            .key(key)
            .build()
            .decrypt(new ByteArrayInputStream(message.toByteArray()), new ByteArrayOutputStream());
    assertThat(result.fileName()).isEqualTo(hostile);

    String shown = PgpExample.shownName(result.fileName());

    assertThat(shown).isEqualTo("_]0;pwned__[2Jreport.csv_decrypted 0 bytes");
    assertThat(shown.chars()).noneMatch(Character::isISOControl);
  }

  @Test
  void shownName_ofNoFileName_saysSo() {
    assertThat(PgpExample.shownName("")).isEqualTo("(no file name)");
  }
}
