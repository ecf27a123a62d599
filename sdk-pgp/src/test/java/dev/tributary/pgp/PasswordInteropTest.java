package dev.tributary.pgp;

import static dev.tributary.pgp.EncryptDecryptTest.TEXT;
import static dev.tributary.pgp.EncryptDecryptTest.decrypt;
import static dev.tributary.pgp.EncryptDecryptTest.encrypt;
import static dev.tributary.pgp.EncryptDecryptTest.to;
import static dev.tributary.pgp.PasswordEncryptionTest.withPasswords;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tributary.core.auth.Secret;
import dev.tributary.testing.PgpTestKeys;
import dev.tributary.testing.RequiresProgram;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Password-encrypted messages with the real GnuPG ({@code gpg --symmetric}) and Sequoia ({@code
 * sqop encrypt --with-password}), in both directions.
 */
@RequiresProgram(value = "gpg", debianPackage = "gnupg")
@RequiresProgram(value = "sqop", debianPackage = "sqop")
class PasswordInteropTest {
  static final String PASSWORD = "pässword with spaces 42";

  @RegisterExtension final Gpg gpg = Gpg.perTest();
  @TempDir Path dir;
  String passwordFile;

  @BeforeEach
  void setUp() throws Exception {
    passwordFile = file("password", PASSWORD);
  }

  String file(String name, String content) throws Exception {
    Path p = dir.resolve(name);
    Files.writeString(p, content, StandardCharsets.UTF_8);
    return p.toString();
  }

  Tool.Result gpgWithPassword(byte[] stdin, String passwordFile, String... args) {
    List<String> all = new ArrayList<>(List.of("--no-symkey-cache", "--passphrase-file"));
    all.add(passwordFile);
    all.addAll(Arrays.asList(args));
    return gpg.run(stdin, all.toArray(String[]::new));
  }

  Tool.Result sqop(byte[] stdin, String... args) {
    List<String> command = new ArrayList<>(List.of("sqop"));
    command.addAll(Arrays.asList(args));
    return Tool.run(stdin, Map.of(), command);
  }

  static PgpDecryptor ours() {
    return withPasswords(Secret.of(PASSWORD));
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource({
    "default, binary",
    "default, armor",
    "AES256, binary",
    "AES256, armor",
    "AES128, binary",
    "CAMELLIA256, armor"
  })
  void gpgSymmetric_weDecrypt(String cipher, String format) {
    List<String> args = new ArrayList<>(List.of("--symmetric", "--output", "-"));
    if (!cipher.equals("default")) {
      args.addAll(List.of("--cipher-algo", cipher));
    }
    if (format.equals("armor")) {
      args.add("--armor");
    }
    byte[] message = gpgWithPassword(TEXT, passwordFile, args.toArray(String[]::new)).ok().out();
    assertThat(decrypt(ours(), message)).isEqualTo(TEXT);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"zip", "zlib", "bzip2"})
  void gpgSymmetric_compressed_weDecrypt(String compression) {
    byte[] message =
        gpgWithPassword(
                TEXT, passwordFile, "--symmetric", "--compress-algo", compression, "--output", "-")
            .ok()
            .out();
    assertThat(decrypt(ours(), message)).isEqualTo(TEXT);
  }

  @Test
  void gpgSymmetric_withAWrongPassword_isOneClearError_andAWrongOneBeforeTheRightOneIsSkipped() {
    // gpg --symmetric uses the password's hash as the session key (no encrypted session key in
    // the SKESK): only SEIPD v1's quick check tells a wrong password.
    byte[] message = gpgWithPassword(TEXT, passwordFile, "--symmetric", "--output", "-").ok().out();
    assertThat(decrypt(withPasswords(Secret.of("not it"), Secret.of(PASSWORD)), message))
        .isEqualTo(TEXT);
    assertThatThrownBy(() -> decrypt(withPasswords(Secret.of("not it")), message))
        .isInstanceOf(PgpWrongKeyException.class)
        .hasMessageContaining("the password given is wrong")
        .hasMessageNotContaining("not it");
  }

  @Test
  void gpgSimpleS2k_isRefusedByDefault_andReadWithLegacySenders() {
    byte[] message =
        gpgWithPassword(TEXT, passwordFile, "--symmetric", "--s2k-mode", "0", "--output", "-")
            .ok()
            .out();
    assertThatThrownBy(() -> decrypt(ours(), message))
        .isInstanceOf(PgpDataException.class)
        .hasMessageContaining("simple S2K")
        .extracting(e -> ((PgpDataException) e).reason())
        .isEqualTo(PgpDataException.Reason.WEAK_ALGORITHM);
    PgpDecryptor legacy =
        PgpDecryptor.builder()
            .password(Secret.of(PASSWORD))
            .policy(PgpPolicy.legacySenders())
            .build();
    assertThat(decrypt(legacy, message)).isEqualTo(TEXT);
  }

  @Test
  void gpgSymmetricAndToAKey_weDecryptWithEither() {
    gpg.importKey(PgpTestKeys.ALICE_RSA.armoredPublicKey());
    byte[] message =
        gpgWithPassword(
                TEXT,
                passwordFile,
                "--symmetric",
                "--encrypt",
                "--recipient",
                PgpTestKeys.ALICE_RSA.fingerprint(),
                "--output",
                "-")
            .ok()
            .out();
    assertThat(decrypt(ours(), message)).isEqualTo(TEXT);
    assertThat(decrypt(EncryptDecryptTest.with(PgpTestKeys.ALICE_RSA), message)).isEqualTo(TEXT);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"NONE", "ZLIB", "BZIP2"})
  void weEncrypt_gpgDecrypts(Compression compression) {
    byte[] message =
        encrypt(
            PgpEncryptor.builder()
                .password(Secret.of(PASSWORD))
                .compression(compression)
                .armor(compression == Compression.ZLIB)
                .build(),
            TEXT);
    assertThat(gpgWithPassword(message, passwordFile, "--decrypt").ok().out()).isEqualTo(TEXT);
  }

  @Test
  void weEncryptToAKeyAndAPassword_gpgDecryptsWithThePassword_andNotAWrongOne() throws Exception {
    byte[] message = encrypt(to(PgpTestKeys.ALICE_RSA).password(Secret.of(PASSWORD)).build(), TEXT);
    assertThat(gpgWithPassword(message, passwordFile, "--decrypt").ok().out()).isEqualTo(TEXT);
    assertThat(gpgWithPassword(message, file("wrong", "wrong"), "--decrypt").code()).isNotZero();
  }

  @Test
  void weEncryptWithTwoPasswords_gpgDecryptsWithTheFirst() {
    // GnuPG 2.2 tries a --passphrase-file on the first password-encrypted session key only.
    byte[] message =
        encrypt(
            PgpEncryptor.builder()
                .password(Secret.of(PASSWORD))
                .password(Secret.of("second"))
                .build(),
            TEXT);
    assertThat(gpgWithPassword(message, passwordFile, "--decrypt").ok().out()).isEqualTo(TEXT);
  }

  @Test
  void weEncrypt_sqopDecrypts_withEachPassword_andNotAWrongOne() throws Exception {
    byte[] message =
        encrypt(
            to(PgpTestKeys.CAROL_SEQUOIA)
                .password(Secret.of(PASSWORD))
                .password(Secret.of("second"))
                .armor(true)
                .build(),
            TEXT);
    assertThat(sqop(message, "decrypt", "--with-password=" + passwordFile).ok().out())
        .isEqualTo(TEXT);
    assertThat(sqop(message, "decrypt", "--with-password=" + file("s", "second")).ok().out())
        .isEqualTo(TEXT);
    assertThat(sqop(message, "decrypt", "--with-password=" + file("w", "wrong")).code())
        .isEqualTo(29);
  }

  @ParameterizedTest(name = "armor={0}")
  @ValueSource(booleans = {false, true})
  void sqopEncryptsWithPassword_weDecrypt(boolean armor) throws Exception {
    byte[] message =
        armor
            ? sqop(TEXT, "encrypt", "--with-password=" + passwordFile).ok().out()
            : sqop(TEXT, "encrypt", "--no-armor", "--with-password=" + passwordFile).ok().out();
    assertThat(decrypt(ours(), message)).isEqualTo(TEXT);
  }

  @Test
  void sqopEncryptsToAKeyAndAPassword_weDecryptWithEither() throws Exception {
    String cert = file("cert.asc", PgpTestKeys.CAROL_SEQUOIA.armoredPublicKey());
    byte[] message = sqop(TEXT, "encrypt", "--with-password=" + passwordFile, cert).ok().out();
    assertThat(decrypt(ours(), message)).isEqualTo(TEXT);
    assertThat(decrypt(EncryptDecryptTest.with(PgpTestKeys.CAROL_SEQUOIA), message))
        .isEqualTo(TEXT);
  }
}
