package dev.tributary.pgp;

import static dev.tributary.pgp.EncryptDecryptTest.TEXT;
import static dev.tributary.pgp.EncryptDecryptTest.to;
import static dev.tributary.pgp.EncryptDecryptTest.with;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tributary.core.TransientException;
import dev.tributary.testing.PgpTestKeys;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The targets of {@code encryptFile} and {@code decryptFile}: the names they take, the ones they
 * refuse, and the failures that name the file the caller gave (black-box probes P01 and P14).
 */
class FileTargetsTest {
  @TempDir Path dir;

  private final PgpEncryptor encryptor = to(PgpTestKeys.ALICE_RSA).build();
  private final PgpDecryptor decryptor = with(PgpTestKeys.ALICE_RSA);

  /** A name of {@code bytes} UTF-8 bytes, with two- and three-byte characters in it. */
  private static String name(int bytes) {
    StringBuilder b = new StringBuilder("données-文件-");
    while (b.toString().getBytes(StandardCharsets.UTF_8).length < bytes - 4) {
      b.append('n');
    }
    b.append(".csv");
    assertThat(b.toString().getBytes(StandardCharsets.UTF_8)).hasSize(bytes);
    return b.toString();
  }

  /** P14: the temporary file's name added ~28 bytes, so 227–255 bytes failed as transient. */
  @Test
  void fileCalls_aTargetNameOf250Bytes_roundTrips_andLeavesNoTemporaryFile() throws Exception {
    Path plain = Files.write(dir.resolve("plain.csv"), TEXT);
    Path encrypted = dir.resolve(name(246) + ".pgp"); // 250 bytes too
    encryptor.encryptFile(plain, encrypted);
    Path decrypted = dir.resolve(name(250));
    decryptor.decryptFile(encrypted, decrypted);
    decryptor.decryptFile(encrypted, decrypted); // replacing it

    assertThat(Files.readAllBytes(decrypted)).isEqualTo(TEXT);
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder("plain.csv", name(246) + ".pgp", name(250));
    }
  }

  @Test
  void fileCalls_aTargetNameOver255Bytes_failsAsABadArgument_namingIt() throws Exception {
    Path plain = Files.write(dir.resolve("plain.csv"), TEXT);
    Path encrypted = dir.resolve("plain.csv.pgp");
    encryptor.encryptFile(plain, encrypted);
    Path tooLong = dir.resolve(name(256));

    assertThatThrownBy(() -> decryptor.decryptFile(encrypted, tooLong))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "the target's file name is longer than the file system allows (255 bytes): " + tooLong);
    assertThatThrownBy(() -> encryptor.encryptFile(plain, tooLong))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageEndingWith(": " + tooLong);
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files).hasSize(2);
    }
  }

  /** P01: "/" failed with a NullPointerException without a message. */
  @Test
  void fileCalls_theRootAsTarget_failsAsABadArgument() throws Exception {
    Path plain = Files.write(dir.resolve("plain.csv"), TEXT);
    Path encrypted = dir.resolve("plain.csv.pgp");
    encryptor.encryptFile(plain, encrypted);

    assertThatThrownBy(() -> decryptor.decryptFile(encrypted, Path.of("/")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the target has no file name: /");
    assertThatThrownBy(() -> encryptor.encryptFile(plain, Path.of("/")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the target has no file name: /");
  }

  /** P01: the failed rename was told, with the temporary file's name, as transient. */
  @Test
  void fileCalls_aFolderAsTarget_failsAsABadArgument_namingIt() throws Exception {
    Path plain = Files.write(dir.resolve("plain.csv"), TEXT);
    Path encrypted = dir.resolve("plain.csv.pgp");
    encryptor.encryptFile(plain, encrypted);
    Path folder = Files.createDirectory(dir.resolve("folder"));

    assertThatThrownBy(() -> decryptor.decryptFile(encrypted, folder))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the target is a folder: " + folder);
    assertThatThrownBy(() -> encryptor.encryptFile(plain, folder))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the target is a folder: " + folder);
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files).hasSize(3);
    }
  }

  /** P01: "no such file or folder: …/nope/.out.txt.929…partial" named the temporary file. */
  @Test
  void fileCalls_aMissingTargetFolder_namesTheFolder() throws Exception {
    Path plain = Files.write(dir.resolve("plain.csv"), TEXT);
    Path encrypted = dir.resolve("plain.csv.pgp");
    encryptor.encryptFile(plain, encrypted);
    Path missing = dir.resolve("nope");

    assertThatThrownBy(() -> decryptor.decryptFile(encrypted, missing.resolve("out.csv")))
        .isInstanceOf(TransientException.class)
        .hasMessage("cannot decrypt " + encrypted + ": no such folder: " + missing);
    assertThatThrownBy(() -> encryptor.encryptFile(plain, missing.resolve("out.csv.pgp")))
        .isInstanceOf(TransientException.class)
        .hasMessage("cannot encrypt " + plain + ": no such folder: " + missing);
  }

  /** P01: "cannot read the message: Is a directory" named no file. */
  @Test
  void fileCalls_aFolderAsSource_failsAsABadArgument_namingIt() throws Exception {
    Path folder = Files.createDirectory(dir.resolve("folder"));

    assertThatThrownBy(() -> decryptor.decryptFile(folder, dir.resolve("out.csv")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the source is a folder: " + folder);
    assertThatThrownBy(() -> encryptor.encryptFile(folder, dir.resolve("out.csv.pgp")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the source is a folder: " + folder);
  }

  /**
   * What the guide says of targets: created 0600, an existing one replaced (its mode not kept), a
   * symbolic link replaced by a regular file and the file it pointed to untouched.
   */
  @Test
  void fileCalls_replaceTheTarget_withAFileOnlyTheOwnerMayRead() throws Exception {
    Path plain = Files.write(dir.resolve("plain.csv"), TEXT);
    Path encrypted = dir.resolve("plain.csv.pgp");
    Files.writeString(encrypted, "old");
    Files.setPosixFilePermissions(encrypted, PosixFilePermissions.fromString("rw-rw-r--"));
    encryptor.encryptFile(plain, encrypted);
    Path elsewhere = Files.writeString(dir.resolve("elsewhere.csv"), "untouched");
    Path link = Files.createSymbolicLink(dir.resolve("link.csv"), elsewhere);
    decryptor.decryptFile(encrypted, link);

    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(encrypted)))
        .isEqualTo("rw-------");
    assertThat(Files.isSymbolicLink(link)).isFalse();
    assertThat(Files.readAllBytes(link)).isEqualTo(TEXT);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(link)))
        .isEqualTo("rw-------");
    assertThat(Files.readString(elsewhere)).isEqualTo("untouched");
  }

  /**
   * Regression: a process killed while decrypting ({@code kill -9}) left its temporary file, with
   * plaintext never authenticated, and every later run to the same target left it there too.
   */
  @Test
  void fileCalls_removeTheStaleTemporaryFilesOfTheirTarget_only() throws Exception {
    Path plain = Files.write(dir.resolve("plain.csv"), TEXT);
    Path encrypted = dir.resolve("in.csv.pgp");
    Path decrypted = dir.resolve("in.csv");
    Path stale = staleFile(".in.csv.k3x9q2m1z.partial");
    Path staleLongName = staleFile("." + name(200) + ".00ab.partial");
    Path fresh = Files.write(dir.resolve(".in.csv.freshone.partial"), TEXT);
    Path otherTarget = staleFile(".in.csv.pgp.x.k3x9q2m1z.partial");
    Path notOurs = staleFile(".in.csv.NOT-OURS.partial");

    encryptor.encryptFile(plain, encrypted);
    assertThat(otherTarget).as("not a temporary file of in.csv.pgp").exists();
    decryptor.decryptFile(encrypted, decrypted);
    decryptor.decryptFile(encrypted, dir.resolve(name(200)));

    assertThat(Files.readAllBytes(decrypted)).isEqualTo(TEXT);
    assertThat(stale).as("a stale temporary file of in.csv").doesNotExist();
    assertThat(staleLongName).as("a stale temporary file of a long name").doesNotExist();
    assertThat(fresh).as("changed within a minute: may be another writer's").exists();
    assertThat(otherTarget).as("another target's").exists();
    assertThat(notOurs).as("not named as ours are").exists();
  }

  private Path staleFile(String name) throws Exception {
    Path file = Files.write(dir.resolve(name), "half a plaintext".getBytes(StandardCharsets.UTF_8));
    Files.setLastModifiedTime(file, FileTime.from(Instant.now().minus(Duration.ofHours(1))));
    return file;
  }
}
