package dev.tributary.pgp;

import static dev.tributary.pgp.EncryptDecryptTest.TEXT;
import static dev.tributary.pgp.EncryptDecryptTest.encrypt;
import static dev.tributary.pgp.KeyMaintenanceTest.NEW;
import static dev.tributary.pgp.KeyMaintenanceTest.OLD;
import static dev.tributary.pgp.KeyMaintenanceTest.sign;
import static dev.tributary.pgp.KeyMaintenanceTest.verify;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tributary.core.auth.Secret;
import dev.tributary.testing.RequiresProgram;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Re-protected and revoked keys in GnuPG 2.2 and Sequoia's {@code sqop}: they unlock our new
 * passphrase and see our revocations, and we see theirs. (sqop 0.27.3 has no {@code revoke-key};
 * GnuPG's own revocation certificate stands in for a revocation made elsewhere.)
 */
@RequiresProgram(value = "gpg", debianPackage = "gnupg")
@RequiresProgram(value = "sqop", debianPackage = "sqop")
class KeyMaintenanceInteropTest {
  @RegisterExtension final Gpg gpg = Gpg.perTest();
  @TempDir Path dir;

  String file(String name, byte[] content) throws Exception {
    Path p = dir.resolve(name);
    Files.write(p, content);
    return p.toString();
  }

  Tool.Result sqop(byte[] stdin, String... args) {
    List<String> command = Tool.list("sqop");
    command.addAll(List.of(args));
    return Tool.run(stdin, Map.of(), command);
  }

  /** GnuPG 2.2 reads v4 keys only. */
  @ParameterizedTest(name = "{0}")
  @EnumSource(
      value = KeyProfile.class,
      names = {"CURVE25519", "RSA3072"})
  void gpgUnlocksOurReprotectedKey_withTheNewPassphraseOnly(KeyProfile profile) throws Exception {
    PgpKey key = PgpKey.generate(profile, "Rotated <rotated@example.com>", OLD).withPassphrase(NEW);
    String newFile = file("new.txt", NEW.reveal().getBytes(StandardCharsets.UTF_8));
    String oldFile = file("old.txt", OLD.reveal().getBytes(StandardCharsets.UTF_8));
    byte[] armored = key.armored().reveal().getBytes(StandardCharsets.US_ASCII);

    // With the old passphrase GnuPG imports the key as it is, and asks again when it is used.
    gpg.run(armored, "--passphrase-file", oldFile, "--import").ok();
    assertThat(gpg.run(TEXT, "--passphrase-file", oldFile, "--detach-sign").code()).isNotZero();
    byte[] signature =
        gpg.run(TEXT, "--passphrase-file", newFile, "--detach-sign", "-u", key.fingerprint())
            .ok()
            .out();
    assertThat(verify(signature, key.certificate()).valid()).isTrue();
    byte[] message = encrypt(PgpEncryptor.builder().recipient(key.certificate()).build(), TEXT);
    assertThat(gpg.run(message, "--passphrase-file", newFile, "--decrypt").ok().out())
        .isEqualTo(TEXT);
  }

  @Test
  void sqopDecryptsWithOurUnprotectedKey() throws Exception {
    PgpKey key = PgpKey.generate(KeyProfile.CURVE25519, "Open <open@example.com>", OLD);
    PgpKey open = key.withPassphrase(Secret.empty());
    byte[] message = encrypt(PgpEncryptor.builder().recipient(key.certificate()).build(), TEXT);
    assertThat(sqop(message, "decrypt", file("k.asc", open.encoded())).ok().out()).isEqualTo(TEXT);
  }

  @Test
  void gpgAndSqopSeeOurRevocation() throws Exception {
    PgpKey key = PgpKey.generate(KeyProfile.CURVE25519, "Leaked <leaked@example.com>", OLD);
    byte[] signature = sign(key);
    Thread.sleep(1100); // signed a whole second before the revocation: its timestamps are seconds
    String revoked = key.revocationCertificate().armored();

    gpg.importKey(key.certificate().armored()).importKey(revoked);
    String colons =
        gpg.run(new byte[0], "--with-colons", "--list-keys", key.fingerprint()).ok().text();
    assertThat(colons.lines().filter(l -> l.startsWith("pub:")).findFirst())
        .get()
        .asString()
        .startsWith("pub:r:");

    String cert = file("revoked.asc", revoked.getBytes(StandardCharsets.US_ASCII));
    // (sqop 0.27.3 encrypts to revoked certificates, GnuPG's as well: nothing to check there.)
    assertThat(sqop(TEXT, "verify", file("sig", signature), cert).code()).isEqualTo(3);
    String unrevoked = file("cert.asc", key.certificate().encoded());
    assertThat(sqop(TEXT, "verify", file("sig", signature), unrevoked).code()).isZero();
  }

  @Test
  void gpgRevocation_weShowItRevoked_andRefuseItAsRecipient() throws Exception {
    gpg.run(
            new byte[0],
            "--passphrase",
            "",
            "--quick-gen-key",
            "Gone <gone@example.com>",
            "future-default",
            "default",
            "never")
        .ok();
    String fingerprint =
        gpg.run(new byte[0], "--with-colons", "--list-keys", "gone@example.com")
            .ok()
            .text()
            .lines()
            .filter(l -> l.startsWith("fpr:"))
            .findFirst()
            .orElseThrow()
            .split(":", -1)[9];
    // GnuPG writes one at key generation, its BEGIN line defused with a leading colon.
    Path rev = gpg.home.resolve("openpgp-revocs.d").resolve(fingerprint + ".rev");
    String revocation = Files.readString(rev).replace(":-----BEGIN PGP", "-----BEGIN PGP");
    gpg.importKey(revocation);
    PgpCertificate cert =
        PgpCertificate.parse(gpg.run(new byte[0], "--armor", "--export", fingerprint).ok().text());

    assertThat(cert.describe().primaryKey().revoked()).isTrue();
    assertThatThrownBy(() -> encrypt(PgpEncryptor.builder().recipient(cert).build(), TEXT))
        .isInstanceOf(PgpKeyException.class)
        .hasMessageContaining(fingerprint)
        .hasMessageContaining("revoked");
  }
}
