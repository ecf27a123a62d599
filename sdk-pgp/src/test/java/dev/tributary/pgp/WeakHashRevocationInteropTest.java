package dev.tributary.pgp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tributary.core.auth.Secret;
import dev.tributary.testing.RequiresProgram;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.bouncycastle.bcpg.HashAlgorithmTags;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPSignature;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Revocations GnuPG 2.2 makes with SHA-1 today ({@code --digest-algo SHA1 --cert-digest-algo
 * SHA1}), long after the 2023-02-01 cut-off for SHA-1 signatures: the key's ({@code --edit-key FPR
 * revkey save}, 0x20), a subkey's ({@code --edit-key FPR "key 1" revkey save}, 0x28) and a user
 * ID's ({@code --quick-revoke-uid}, 0x30), the key and its subkey RSA-2048 bound with gpg's default
 * SHA-512. Each now revokes here ({@link WeakHashRevocationTest}); before, the key, subkey or user
 * ID stayed valid and was encrypted to.
 *
 * <p>Measured with GnuPG 2.2.40 and sqop 0.27.3: gpg honours all three ("skipped: Unusable public
 * key" encrypting to the revoked key or to the key whose only encryption subkey is revoked; the
 * user ID listed with validity {@code r}). sqop honours the key revocation for signing ("Key not
 * signing-capable", exit 79) and the subkey revocation for encryption ("Certificate not
 * encryption-capable", exit 17); it still encrypts to a certificate whose primary key is revoked,
 * but does so with a SHA-256 revocation too, so that is not about the hash.
 */
@RequiresProgram(value = "gpg", debianPackage = "gnupg")
@RequiresProgram(value = "sqop", debianPackage = "sqop")
class WeakHashRevocationInteropTest {
  private static final String UID = "Weak <weak@example.com>";
  private static final String OTHER = "Other <other@example.com>";
  private static final byte[] DATA = "x".getBytes(StandardCharsets.UTF_8);
  private static final String REVOCATION_ANSWERS = "y\n0\n\ny\n"; // sure, no reason, no text, ok

  /** 2023-02-01T00:00:00Z, from which the policy refuses SHA-1 signatures that grant something. */
  private static final Instant CUT_OFF = Instant.parse("2023-02-01T00:00:00Z");

  @RegisterExtension final Gpg gpg = Gpg.perTest();
  @TempDir Path dir;
  private String fingerprint;

  @BeforeEach
  void makeKey() {
    fingerprint = gpg.generateKey(UID, "rsa2048", "rsa2048", "never");
    gpg.run(new byte[0], "--passphrase", "", "--quick-add-uid", fingerprint, OTHER).ok();
  }

  @Test
  void keyRevokedWithSha1_isRevokedHere_asInGpgAndSequoia() throws Exception {
    gpgWithSha1(
        REVOCATION_ANSWERS, "--command-fd", "0", "--edit-key", fingerprint, "revkey", "save");
    PgpCertificate cert = exported();
    assertMadeWithSha1AfterTheCutOff(cert.ring().getPublicKey(), PGPSignature.KEY_REVOCATION);

    assertThat(cert.describe().primaryKey().revoked()).isTrue();
    assertThat(cert.describe().toString()).contains("REVOKED");
    assertThatThrownBy(() -> PgpEncryptor.builder().recipient(cert).build())
        .isInstanceOf(PgpKeyCannotEncryptException.class)
        .hasMessageContaining("the whole certificate is revoked (since ");
    PgpKey key = exportedKey();
    assertThatThrownBy(() -> ShortSelfSignatureHashTest.sign(key))
        .isInstanceOf(PgpKeyCannotSignException.class);

    assertThat(gpgEncrypt().err()).contains("skipped: Unusable public key");
    Tool.Result signed = Tool.sqop(DATA, "sign", file("key.asc", key.armored().reveal()));
    assertThat(signed.code()).as("sqop sign; stderr: %s", signed.err()).isEqualTo(79);
    assertThat(signed.err()).contains("Key not signing-capable");
  }

  @Test
  void subkeyRevokedWithSha1_isNotEncryptedTo_asInGpgAndSequoia() throws Exception {
    gpgWithSha1(
        REVOCATION_ANSWERS,
        "--command-fd",
        "0",
        "--edit-key",
        fingerprint,
        "key 1",
        "revkey",
        "save");
    PgpCertificate cert = exported();
    PGPPublicKey subkey = subkey(cert);
    assertMadeWithSha1AfterTheCutOff(subkey, PGPSignature.SUBKEY_REVOCATION);

    ComponentKey described = cert.describe().keys().get(1);
    assertThat(described.revoked()).isTrue();
    assertThat(cert.describe().primaryKey().revoked()).isFalse();
    assertThatThrownBy(() -> PgpEncryptor.builder().recipient(cert).build())
        .isInstanceOf(PgpKeyCannotEncryptException.class)
        .hasMessageContaining(described.keyId() + ": revoked (since ");

    assertThat(gpgEncrypt().err()).contains("skipped: Unusable public key");
    Tool.Result encrypted = Tool.sqop(DATA, "encrypt", file("cert.asc", cert.armored()));
    assertThat(encrypted.code()).as("sqop encrypt; stderr: %s", encrypted.err()).isEqualTo(17);
    assertThat(encrypted.err()).contains("not encryption-capable");
  }

  @Test
  void userIdRevokedWithSha1_isRevokedHere_asInGpg() throws Exception {
    gpgWithSha1("", "--quick-revoke-uid", fingerprint, OTHER);
    PgpCertificate cert = exported();
    List<PGPSignature> sha1 =
        sha1SignaturesAfterTheCutOff(cert.ring().getPublicKey().getSignaturesForID(OTHER));
    assertThat(sha1)
        .extracting(PGPSignature::getSignatureType)
        .containsExactly(PGPSignature.CERTIFICATION_REVOCATION);
    // gpg dates the revocation a second after the user ID's self-signature if both fall in one
    Instant revoked = sha1.get(0).getCreationTime().toInstant();
    Instant at = revoked.isAfter(Instant.now()) ? revoked : Instant.now();

    assertThat(cert.describe(at).revokedUserIds()).containsExactly(OTHER);
    assertThat(cert.userIdsCertifiedBy(List.of(cert), at)).containsExactly(UID);
    assertThat(PgpEncryptor.builder().recipient(cert).build()).isNotNull();

    String listed = gpg.run(new byte[0], "--with-colons", "--list-keys", fingerprint).ok().text();
    assertThat(listed.lines().filter(l -> l.startsWith("uid:r:")))
        .singleElement()
        .asString()
        .contains("Other <other@example.com>");
  }

  /** Runs gpg without a passphrase, signing with SHA-1, answering its questions with {@code in}. */
  private void gpgWithSha1(String in, String... command) {
    List<String> args =
        new ArrayList<>(
            List.of("--passphrase", "", "--digest-algo", "SHA1", "--cert-digest-algo", "SHA1"));
    args.addAll(List.of(command));
    gpg.run(in.getBytes(StandardCharsets.US_ASCII), args.toArray(String[]::new)).ok();
  }

  private PgpCertificate exported() {
    return PgpCertificate.parse(
        gpg.run(new byte[0], "--armor", "--export", fingerprint).ok().text());
  }

  private PgpKey exportedKey() {
    String armored =
        gpg.run(new byte[0], "--passphrase", "", "--armor", "--export-secret-keys", fingerprint)
            .ok()
            .text();
    return PgpKey.parse(armored, Secret.empty());
  }

  private Tool.Result gpgEncrypt() {
    Tool.Result r = gpg.run(DATA, "--encrypt", "--recipient", fingerprint);
    assertThat(r.code()).as("gpg --encrypt; stderr: %s", r.err()).isNotZero();
    return r;
  }

  private static PGPPublicKey subkey(PgpCertificate cert) {
    for (PGPPublicKey k : cert.ring()) {
      if (!k.isMasterKey()) {
        return k;
      }
    }
    throw new AssertionError("no subkey");
  }

  /** That gpg made {@code key}'s only signature of {@code type} with SHA-1, after the cut-off. */
  private static void assertMadeWithSha1AfterTheCutOff(PGPPublicKey key, int type) {
    assertThat(sha1SignaturesAfterTheCutOff(key.getSignaturesOfType(type)))
        .extracting(PGPSignature::getSignatureType)
        .containsExactly(type);
  }

  /** The signatures made with SHA-1 after the cut-off. */
  private static List<PGPSignature> sha1SignaturesAfterTheCutOff(Iterator<PGPSignature> sigs) {
    List<PGPSignature> sha1 = new ArrayList<>();
    sigs.forEachRemaining(
        s -> {
          if (s.getHashAlgorithm() == HashAlgorithmTags.SHA1
              && s.getCreationTime().toInstant().isAfter(CUT_OFF)) {
            sha1.add(s);
          }
        });
    return sha1;
  }

  private String file(String name, String content) throws Exception {
    return Files.writeString(dir.resolve(name), content).toString();
  }
}
