package dev.tributary.pgp;

import static dev.tributary.pgp.EncryptDecryptTest.encrypt;
import static dev.tributary.pgp.EncryptDecryptTest.to;
import static dev.tributary.pgp.EncryptDecryptTest.with;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tributary.core.TransientException;
import dev.tributary.core.auth.Secret;
import dev.tributary.testing.PgpTestKeys;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The sources of {@code encryptFile}, {@code decryptFile} and {@code verifyFile} failing midway (a
 * failing disk, a network file system gone): the failure names the source, as write failures name
 * the target ({@link FileTargetsTest}), stays a {@link TransientException}, quotes no secret, and
 * leaves nothing behind.
 */
class FileSourcesTest {
  private static final String PASSWORD = "correct horse battery staple";

  @TempDir Path dir;

  /** 3 MiB: random, so stored uncompressed, or CSV, compressed (and read on a helper thread). */
  static byte[] data(Compression compression) {
    if (compression == Compression.NONE) {
      byte[] random = new byte[3 << 20];
      new Random(5).nextBytes(random);
      return random;
    }
    return InterruptedCallsTest.Csv.rows(3 << 20);
  }

  /**
   * Regression: a read failing midway gave "reading the message failed: Input/output error", naming
   * no file, where a write failure says "cannot decrypt a.pgp: cannot write …".
   */
  @ParameterizedTest
  @EnumSource(
      value = Compression.class,
      names = {"NONE", "ZLIB", "BZIP2"})
  void decryptFile_ofASourceFailingMidway_namesIt(Compression compression) throws Exception {
    byte[] message =
        encrypt(
            to(PgpTestKeys.ALICE_RSA)
                .password(Secret.of(PASSWORD))
                .compression(compression)
                .build(),
            data(compression));
    Path file = Files.write(dir.resolve("import.csv.pgp"), message);
    Path source = FailingReads.after(file, message.length / 2);
    PgpDecryptor decryptor = PgpDecryptor.builder().password(Secret.of(PASSWORD)).build();

    assertThatThrownBy(() -> decryptor.decryptFile(source, dir.resolve("import.csv")))
        .isInstanceOf(TransientException.class)
        .hasMessage("cannot decrypt " + file + ": cannot read " + file + ": " + FailingReads.EIO)
        .message()
        .doesNotContain(PASSWORD);
    assertOnlyLeft("import.csv.pgp");
  }

  /** Failing before a session key was found: inside {@code open}, at the first read. */
  @Test
  void decryptFile_ofASourceFailingAtOnce_namesIt() throws Exception {
    byte[] message = encrypt(to(PgpTestKeys.BOB_25519).build(), EncryptDecryptTest.TEXT);
    Path file = Files.write(dir.resolve("import.csv.pgp"), message);
    Path source = FailingReads.after(file, 0);

    assertThatThrownBy(
            () -> with(PgpTestKeys.BOB_25519).decryptFile(source, dir.resolve("import.csv")))
        .isInstanceOf(TransientException.class)
        .hasMessage("cannot decrypt " + file + ": cannot read " + file + ": " + FailingReads.EIO)
        .message()
        .doesNotContain(PgpTestKeys.BOB_25519.passphrase());
    assertOnlyLeft("import.csv.pgp");
  }

  /** Regression: "cannot encrypt a.csv: Input/output error" did not say reading failed. */
  @Test
  void encryptFile_ofASourceFailingMidway_namesIt() throws Exception {
    byte[] data = data(Compression.NONE);
    Path file = Files.write(dir.resolve("export.csv"), data);
    Path source = FailingReads.after(file, data.length / 2);

    assertThatThrownBy(
            () ->
                to(PgpTestKeys.ALICE_RSA)
                    .password(Secret.of(PASSWORD))
                    .build()
                    .encryptFile(source, dir.resolve("export.csv.pgp")))
        .isInstanceOf(TransientException.class)
        .hasMessage("cannot encrypt " + file + ": cannot read " + file + ": " + FailingReads.EIO)
        .message()
        .doesNotContain(PASSWORD);
    assertOnlyLeft("export.csv");
  }

  /** Regression: "reading the message failed: Input/output error" named no file. */
  @Test
  void verifyFile_ofASourceFailingMidway_namesIt() throws Exception {
    ByteArrayOutputStream signed = new ByteArrayOutputStream();
    PgpInlineSignatures.sign(
        new ByteArrayInputStream(data(Compression.NONE)),
        signed,
        List.of(PgpKey.of(PgpTestKeys.BOB_25519.privateKey())),
        PgpInlineSignatures.Mode.BINARY,
        false);
    Path file = Files.write(dir.resolve("import.csv.gpg"), signed.toByteArray());
    Path source = FailingReads.after(file, signed.size() / 2);
    List<PgpCertificate> bob = List.of(PgpCertificate.of(PgpTestKeys.BOB_25519.publicKey()));

    assertThatThrownBy(
            () ->
                PgpInlineSignatures.verifyFile(
                    source, dir.resolve("import.csv"), bob, PgpPolicy.defaults()))
        .isInstanceOf(TransientException.class)
        .hasMessage("cannot verify " + file + ": cannot read " + file + ": " + FailingReads.EIO);
    assertOnlyLeft("import.csv.gpg");
  }

  private void assertOnlyLeft(String name) throws Exception {
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files.map(f -> f.getFileName().toString())).containsExactly(name);
    }
  }
}
