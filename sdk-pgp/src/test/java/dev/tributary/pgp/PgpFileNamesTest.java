package dev.tributary.pgp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
}
