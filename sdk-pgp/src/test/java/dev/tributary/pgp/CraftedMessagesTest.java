package dev.tributary.pgp;

import static dev.tributary.pgp.EncryptDecryptTest.TEXT;
import static dev.tributary.pgp.EncryptDecryptTest.decrypt;
import static dev.tributary.pgp.EncryptDecryptTest.readAll;
import static dev.tributary.pgp.EncryptDecryptTest.with;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tributary.testing.PgpTestKeys;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.util.Date;
import org.bouncycastle.bcpg.AEADAlgorithmTags;
import org.bouncycastle.bcpg.SymmetricKeyAlgorithmTags;
import org.bouncycastle.openpgp.PGPEncryptedDataGenerator;
import org.bouncycastle.openpgp.PGPLiteralData;
import org.bouncycastle.openpgp.PGPLiteralDataGenerator;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.operator.PGPDataEncryptorBuilder;
import org.bouncycastle.openpgp.operator.bc.BcPGPDataEncryptorBuilder;
import org.bouncycastle.openpgp.operator.bc.BcPublicKeyKeyEncryptionMethodGenerator;
import org.junit.jupiter.api.Test;

/**
 * Messages our encryptor never writes, made with BouncyCastle directly: no MDC, legacy ciphers,
 * GnuPG 2.4's OCB packet, leading marker packets. Decryption must refuse or accept each correctly.
 */
class CraftedMessagesTest {
  static byte[] craft(PGPDataEncryptorBuilder builder, byte[] prefix) throws Exception {
    PGPPublicKey key =
        PgpCertificate.of(PgpTestKeys.ALICE_RSA.publicKey()).ring().getPublicKeys().next();
    PGPPublicKey sub = null;
    for (PGPPublicKey k : PgpCertificate.of(PgpTestKeys.ALICE_RSA.publicKey()).ring()) {
      sub = k.isEncryptionKey() && !k.isMasterKey() ? k : sub;
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(prefix);
    PGPEncryptedDataGenerator gen = new PGPEncryptedDataGenerator(builder);
    gen.addMethod(new BcPublicKeyKeyEncryptionMethodGenerator(sub != null ? sub : key));
    try (OutputStream enc = gen.open(out, new byte[1 << 12]);
        OutputStream lit =
            new PGPLiteralDataGenerator()
                .open(enc, PGPLiteralData.BINARY, "", new Date(), new byte[1 << 12])) {
      lit.write(TEXT);
    }
    return out.toByteArray();
  }

  @Test
  void noMdc_isRefused_evenByTheLegacyPolicy() throws Exception {
    byte[] message =
        craft(
            new BcPGPDataEncryptorBuilder(SymmetricKeyAlgorithmTags.AES_256)
                .setWithIntegrityPacket(false),
            new byte[0]);
    PgpDecryptor legacy =
        PgpDecryptor.builder()
            .key(PgpKey.of(PgpTestKeys.ALICE_RSA.privateKey()))
            .policy(PgpPolicy.legacySenders())
            .build();
    assertThatThrownBy(() -> decrypt(legacy, message))
        .isInstanceOfSatisfying(
            PgpDataException.class,
            e -> assertThat(e.reason()).isEqualTo(PgpDataException.Reason.NO_INTEGRITY_PROTECTION))
        .hasMessageContaining("no integrity protection");
  }

  @Test
  void legacyCipher_isRefusedByDefault_andAcceptedForLegacySenders() throws Exception {
    byte[] message =
        craft(
            new BcPGPDataEncryptorBuilder(SymmetricKeyAlgorithmTags.CAST5)
                .setWithIntegrityPacket(true),
            new byte[0]);
    assertThatThrownBy(() -> decrypt(with(PgpTestKeys.ALICE_RSA), message))
        .isInstanceOfSatisfying(
            PgpDataException.class,
            e -> assertThat(e.reason()).isEqualTo(PgpDataException.Reason.WEAK_ALGORITHM))
        .hasMessageContaining("CAST5");
    PgpDecryptor legacy =
        PgpDecryptor.builder()
            .key(PgpKey.of(PgpTestKeys.ALICE_RSA.privateKey()))
            .policy(PgpPolicy.legacySenders())
            .build();
    assertThat(decrypt(legacy, message)).isEqualTo(TEXT);
  }

  @Test
  void camelliaAndTwofish_decryptThroughTheGenericPath() throws Exception {
    for (int alg :
        new int[] {SymmetricKeyAlgorithmTags.CAMELLIA_256, SymmetricKeyAlgorithmTags.TWOFISH}) {
      byte[] message =
          craft(new BcPGPDataEncryptorBuilder(alg).setWithIntegrityPacket(true), new byte[0]);
      assertThat(decrypt(with(PgpTestKeys.ALICE_RSA), message)).isEqualTo(TEXT);
    }
  }

  @Test
  void gnuPg24OcbFormat_isAccepted() throws Exception {
    byte[] message =
        craft(
            new BcPGPDataEncryptorBuilder(SymmetricKeyAlgorithmTags.AES_256)
                .setWithAEAD(AEADAlgorithmTags.OCB, 10)
                .setUseV5AEAD(),
            new byte[0]);
    assertThat(message[0] & 0x3f).as("a PKESK first").isEqualTo(1);
    PgpDecryptor.DecryptionStream s =
        with(PgpTestKeys.ALICE_RSA).open(new ByteArrayInputStream(message));
    assertThat(readAll(s)).isEqualTo(TEXT);
    assertThat(s.result().aead()).isTrue();
  }

  @Test
  void gnuPg24OcbFormat_tampered_failsWithTheIntegrityError() throws Exception {
    byte[] message =
        craft(
            new BcPGPDataEncryptorBuilder(SymmetricKeyAlgorithmTags.AES_256)
                .setWithAEAD(AEADAlgorithmTags.OCB, 10)
                .setUseV5AEAD(),
            new byte[0]);
    message[message.length - 40] ^= 1;
    assertThatThrownBy(() -> decrypt(with(PgpTestKeys.ALICE_RSA), message))
        .isInstanceOf(PgpIntegrityException.class);
  }

  @Test
  void leadingMarkerPacket_isSkipped() throws Exception {
    byte[] marker = {(byte) 0xCA, 0x03, 'P', 'G', 'P'};
    byte[] message =
        craft(
            new BcPGPDataEncryptorBuilder(SymmetricKeyAlgorithmTags.AES_128)
                .setWithIntegrityPacket(true),
            marker);
    assertThat(decrypt(with(PgpTestKeys.ALICE_RSA), message)).isEqualTo(TEXT);
  }
}
