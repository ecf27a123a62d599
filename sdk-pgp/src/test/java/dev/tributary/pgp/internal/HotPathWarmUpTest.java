package dev.tributary.pgp.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tributary.pgp.Compression;
import dev.tributary.pgp.PgpCertificate;
import dev.tributary.pgp.PgpDecryptor;
import dev.tributary.pgp.PgpEncryptor;
import dev.tributary.pgp.PgpKey;
import dev.tributary.testing.PgpTestKeys;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.Random;
import javax.crypto.spec.IvParameterSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The JIT warm-ups of the hot paths: one short-lived daemon thread per warm-up, started once, and
 * started for the JVM by an encryption or a decryption of more than one 256 KiB chunk.
 */
class HotPathWarmUpTest {
  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void startOnce_startsOneDaemonThreadThatFinishes(boolean cbc) throws InterruptedException {
    HotPathWarmUp warmUp =
        cbc
            ? new HotPathWarmUp("AES/CBC/NoPadding", new IvParameterSpec(new byte[16]), false, 500)
            : new HotPathWarmUp("AES/ECB/NoPadding", null, true, 500);

    Thread first = warmUp.startOnce();
    Thread second = warmUp.startOnce();

    assertThat(first).isNotNull();
    assertThat(first.getName()).isEqualTo(HotPathWarmUp.THREAD_NAME);
    assertThat(first.isDaemon()).isTrue();
    assertThat(second).as("a warm-up runs once").isNull();
    first.join(30_000);
    assertThat(first.isAlive()).isFalse();
    assertThat(warmUp.finished()).as("ran to its end without a failure").isTrue();
  }

  @Test
  void anEncryptionAndADecryptionOfMoreThanOneChunk_startTheJvmsWarmUps() {
    byte[] plaintext = new byte[3 << 18];
    new Random(7).nextBytes(plaintext);
    ByteArrayOutputStream ciphertext = new ByteArrayOutputStream();

    PgpEncryptor.builder()
        .recipient(PgpCertificate.of(PgpTestKeys.ALICE_RSA.publicKey()))
        .compression(Compression.NONE)
        .build()
        .encrypt(new ByteArrayInputStream(plaintext), ciphertext);

    assertThat(HotPathWarmUp.encryptionStarted()).isTrue();
    ByteArrayOutputStream decrypted = new ByteArrayOutputStream();

    PgpDecryptor.builder()
        .key(PgpKey.of(PgpTestKeys.ALICE_RSA.privateKey()))
        .build()
        .decrypt(new ByteArrayInputStream(ciphertext.toByteArray()), decrypted);

    assertThat(decrypted.toByteArray()).isEqualTo(plaintext);
    assertThat(HotPathWarmUp.decryptionStarted()).isTrue();
  }
}
