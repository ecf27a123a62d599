package dev.tributary.pgp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
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
    assertThat(PgpFileNames.decryptedName("....asc")).isEqualTo("...");
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
}
