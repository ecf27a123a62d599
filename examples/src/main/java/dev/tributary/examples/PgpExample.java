package dev.tributary.examples;

import dev.tributary.core.auth.Authorization;
import dev.tributary.core.auth.PgpPrivateKey;
import dev.tributary.core.auth.PgpPublicKey;
import dev.tributary.core.auth.Secret;
import dev.tributary.pgp.Compression;
import dev.tributary.pgp.DecryptionResult;
import dev.tributary.pgp.KeyProfile;
import dev.tributary.pgp.PgpCertificate;
import dev.tributary.pgp.PgpDecryptor;
import dev.tributary.pgp.PgpEncryptor;
import dev.tributary.pgp.PgpFileNames;
import dev.tributary.pgp.PgpIntegrityException;
import dev.tributary.pgp.PgpKey;
import dev.tributary.pgp.PgpKeyException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Recipe: encrypt an export for a partner and decrypt an import from them, with the keys a user
 * pasted into authorizations. Generates throw-away keys so that it runs on its own; a real job
 * takes them from its {@link PgpPublicKey} / {@link PgpPrivateKey} authorizations.
 */
public final class PgpExample {
  private PgpExample() {}

  public static void main(String[] args) throws IOException {
    // What the user pasted: the partner's public key, and our private key with its passphrase.
    PgpKey generated =
        PgpKey.generate(KeyProfile.CURVE25519, "Example <ex@example.com>", Secret.of("pw"));
    PgpPublicKey partner = Authorization.pgpPublicKey(generated.certificate().armored());
    PgpPrivateKey ours = Authorization.pgpPrivateKey(generated.armored(), Secret.of("pw"));

    // Parse once, early: a bad paste fails here with a message that says what is wrong.
    PgpCertificate recipient;
    try {
      recipient = PgpCertificate.of(partner);
    } catch (PgpKeyException e) {
      System.err.println("fix the public key: " + e.getMessage());
      return;
    }
    System.out.println(recipient.describe());

    Path dir = Files.createTempDirectory("pgp-example");
    Path csv = Files.writeString(dir.resolve("export.csv"), "id,email\n1,a@example.com\n");

    // Encrypt: AES-256 + MDC, ZLIB; written under its final name only when complete.
    PgpEncryptor encryptor =
        PgpEncryptor.builder().recipient(recipient).compression(Compression.ZLIB).build();
    Path encrypted = dir.resolve(PgpFileNames.encryptedName(csv.getFileName().toString(), false));
    encryptor.encryptFile(csv, encrypted);

    // Decrypt: several keys may be configured during a key rotation; each has its passphrase.
    PgpDecryptor decryptor = PgpDecryptor.builder().key(PgpKey.of(ours)).build();
    Path plain = dir.resolve(PgpFileNames.decryptedName(encrypted.getFileName().toString()));
    try {
      DecryptionResult result = decryptor.decryptFile(encrypted, plain);
      System.out.println(
          "decrypted "
              + result.plaintextBytes()
              + " bytes of "
              + shownName(result.fileName())
              + " with key "
              + result.decryptionKeyFingerprint());
      System.out.print(Files.readString(plain, StandardCharsets.UTF_8));
    } catch (PgpIntegrityException e) {
      // Nothing was written under the target name: ask the sender for the file again.
      System.err.println(e.getMessage());
    }
  }

  /**
   * The file name stored in a message, fit to print: the sender chose it, and could have put
   * terminal escape sequences or line breaks in it, which {@link PgpFileNames#safeName} replaces,
   * or bidirectional controls that show it in another order, which it removes.
   */
  static String shownName(String fileName) {
    return PgpFileNames.safeName(fileName).orElse("(no file name)");
  }
}
