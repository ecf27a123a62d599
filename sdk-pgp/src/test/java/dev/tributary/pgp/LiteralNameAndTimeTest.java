package dev.tributary.pgp;

import static dev.tributary.pgp.EncryptDecryptTest.TEXT;
import static dev.tributary.pgp.EncryptDecryptTest.to;
import static dev.tributary.pgp.EncryptDecryptTest.with;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.tributary.testing.PgpTestKeys;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The file name and time a message stores: a literal data packet holds at most 255 bytes of UTF-8
 * and whole seconds from 1970 to 2106-02-07. The builder refuses more; a file's own name and time
 * are fitted; and what fits comes back from decryption unchanged.
 */
class LiteralNameAndTimeTest {
  /** 127 two-byte characters and one byte: exactly 255 bytes of UTF-8. */
  private static final String NAME_255_BYTES = "é".repeat(127) + "a";

  private static final Instant LAST_SECOND = Instant.parse("2106-02-07T06:28:15Z");

  @TempDir Path dir;

  @Test
  void fileName_over255BytesOfUtf8_isRefused_namingBothNumbers() {
    for (String name : new String[] {"a".repeat(256), "é".repeat(128), NAME_255_BYTES + "a"}) {
      assertThatThrownBy(() -> PgpEncryptor.builder().fileName(name))
          .as("%d characters", name.length())
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("256")
          .hasMessageContaining("255");
    }
  }

  @Test
  void modificationTime_outside1970To2106_isRefused() {
    for (Instant time :
        new Instant[] {Instant.ofEpochSecond(-1), LAST_SECOND.plusSeconds(1), Instant.MAX}) {
      assertThatThrownBy(() -> PgpEncryptor.builder().modificationTime(time))
          .as("%s", time)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("1970-01-01 to 2106-02-07");
    }
  }

  @Test
  void the255ByteNameAndTheLastSecond_comeBackFromDecryption() throws Exception {
    Path source = dir.resolve("in.csv");
    Files.write(source, TEXT);
    Path encrypted = dir.resolve("in.csv.pgp");
    to(PgpTestKeys.BOB_25519)
        .fileName(NAME_255_BYTES)
        .modificationTime(LAST_SECOND)
        .build()
        .encryptFile(source, encrypted);

    DecryptionResult r = with(PgpTestKeys.BOB_25519).decryptFile(encrypted, dir.resolve("out"));

    assertThat(r.fileName()).isEqualTo(NAME_255_BYTES);
    assertThat(r.modificationTime()).isEqualTo(LAST_SECOND);
    assertThat(Files.readAllBytes(dir.resolve("out"))).isEqualTo(TEXT);
  }

  @Test
  void encryptFile_fitsAFileTimeOutsideTheRange() throws Exception {
    Instant[][] cases = {
      {Instant.parse("1960-05-01T00:00:00Z"), Instant.EPOCH},
      {Instant.parse("2200-01-01T00:00:00Z"), LAST_SECOND}
    };
    for (Instant[] c : cases) {
      Path source = dir.resolve("in.csv");
      Files.write(source, TEXT);
      Files.setLastModifiedTime(source, FileTime.from(c[0]));
      assumeThat(Files.getLastModifiedTime(source).toInstant())
          .as("the file system keeps %s", c[0])
          .isEqualTo(c[0]);
      Path encrypted = dir.resolve("in.csv.pgp");
      to(PgpTestKeys.BOB_25519).build().encryptFile(source, encrypted);

      DecryptionResult r = with(PgpTestKeys.BOB_25519).decryptFile(encrypted, dir.resolve("out"));

      assertThat(r.modificationTime()).as("file time %s", c[0]).isEqualTo(c[1]);
      assertThat(r.fileName()).isEqualTo("in.csv");
    }
  }
}
