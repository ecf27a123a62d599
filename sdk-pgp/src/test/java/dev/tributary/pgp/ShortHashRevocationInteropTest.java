package dev.tributary.pgp;

import static dev.tributary.pgp.ShortHashRevocationTest.encryptionKey;
import static dev.tributary.pgp.ShortSelfSignatureHashTest.SHA256;
import static dev.tributary.pgp.ShortSelfSignatureHashTest.p384;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tributary.testing.RequiresProgram;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * What GnuPG and Sequoia make of a revocation whose hash is too short for the P-384 key that made
 * it (SHA-256), which still revokes here ({@link ShortHashRevocationTest}). Sequoia (sqop 0.27)
 * honours it: it will not sign with a key so revoked, nor encrypt to a subkey so revoked. GnuPG 2.2
 * ignores it, as it ignores every signature with such a hash ("requires a 384 bit or larger hash",
 * "1 bad signature"), and keeps encrypting to the key: fail-open, where we fail closed.
 */
@RequiresProgram(value = "gpg", debianPackage = "gnupg")
@RequiresProgram(value = "sqop", debianPackage = "sqop")
class ShortHashRevocationInteropTest {
  private static final byte[] DATA = "x".getBytes(StandardCharsets.UTF_8);

  @RegisterExtension final Gpg gpg = Gpg.perTest();
  @TempDir Path dir;

  @Test
  void keyRevokedWithSha256_sequoiaAndWeHonourIt_gpgIgnoresIt() throws Exception {
    PgpKey key = encryptionKey(p384()).revokeKey(SHA256).build();

    Tool.Result signed = Tool.sqop(DATA, "sign", file("key.asc", key.armored().reveal()));
    assertThat(signed.code()).as("sqop sign; stderr: %s", signed.err()).isNotZero();
    assertThat(signed.err()).contains("Key not signing-capable");
    assertThatThrownBy(() -> ShortSelfSignatureHashTest.sign(key))
        .isInstanceOf(PgpKeyCannotSignException.class);
    assertThatThrownBy(() -> PgpEncryptor.builder().recipient(key.certificate()).build())
        .isInstanceOf(PgpKeyCannotEncryptException.class)
        .hasMessageContaining("the whole certificate is revoked");

    assertThat(gpgImport(key)).contains(key.keyId() + ": 1 bad signature");
    gpg.run(DATA, "--encrypt", "--recipient", key.fingerprint()).ok();
  }

  @Test
  void subkeyRevokedWithSha256_sequoiaAndWeHonourIt_gpgIgnoresIt() throws Exception {
    PgpKey key = encryptionKey(p384()).revokeSubkey(SHA256).build();

    Tool.Result encrypted = Tool.sqop(DATA, "encrypt", file("cert.asc", armored(key)));
    assertThat(encrypted.code()).as("sqop encrypt; stderr: %s", encrypted.err()).isNotZero();
    assertThat(encrypted.err()).contains("not encryption-capable");
    assertThatThrownBy(() -> PgpEncryptor.builder().recipient(key.certificate()).build())
        .isInstanceOf(PgpKeyCannotEncryptException.class)
        .hasMessageContaining(key.describe().keys().get(1).keyId() + ": revoked (since ");

    assertThat(gpgImport(key)).contains(key.keyId() + ": 1 bad signature");
    gpg.run(DATA, "--encrypt", "--recipient", key.fingerprint()).ok();
  }

  /** A short-hash revocation over other data (so it does not verify) revokes nothing anywhere. */
  @Test
  void keyRevocationWithSha256ThatDoesNotVerify_isIgnoredByAll() throws Exception {
    PgpKey key = encryptionKey(p384()).brokenKeyRevocation(SHA256).build();

    Tool.sqop(DATA, "sign", file("key.asc", key.armored().reveal())).ok();
    Tool.sqop(DATA, "encrypt", file("cert.asc", armored(key))).ok();
    assertThat(ShortSelfSignatureHashTest.sign(key)).isNotEmpty();
    assertThat(PgpEncryptor.builder().recipient(key.certificate()).build()).isNotNull();
    assertThat(gpgImport(key)).contains(key.keyId() + ": 1 bad signature");
    gpg.run(DATA, "--encrypt", "--recipient", key.fingerprint()).ok();
  }

  /** What gpg says importing {@code key}: it imports it, but exits 2 for the bad signature. */
  private String gpgImport(PgpKey key) {
    Tool.Result imported = gpg.run(armored(key).getBytes(StandardCharsets.US_ASCII), "--import");
    assertThat(imported.err()).contains("imported: 1");
    return imported.err();
  }

  private static String armored(PgpKey key) {
    return key.certificate().armored();
  }

  private String file(String name, String content) throws Exception {
    return Files.writeString(dir.resolve(name), content).toString();
  }
}
