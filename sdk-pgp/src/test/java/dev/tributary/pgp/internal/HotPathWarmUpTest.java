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
import org.junit.jupiter.api.Test;

/**
 * The JIT warm-up of decryption's hot path: one short-lived daemon thread per warm-up, started
 * once, and started for the JVM by a decryption of more than one 256 KiB chunk.
 */
class HotPathWarmUpTest {
  @Test
  void startOnce_startsOneDaemonThreadThatFinishes() throws InterruptedException {
    HotPathWarmUp warmUp = new HotPathWarmUp(500);

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
  void aDecryptionOfMoreThanOneChunk_startsTheJvmsWarmUp() {
    byte[] plaintext = new byte[3 << 18];
    new Random(7).nextBytes(plaintext);
    ByteArrayOutputStream ciphertext = new ByteArrayOutputStream();
    PgpEncryptor.builder()
        .recipient(PgpCertificate.of(PgpTestKeys.ALICE_RSA.publicKey()))
        .compression(Compression.NONE)
        .build()
        .encrypt(new ByteArrayInputStream(plaintext), ciphertext);
    ByteArrayOutputStream decrypted = new ByteArrayOutputStream();

    PgpDecryptor.builder()
        .key(PgpKey.of(PgpTestKeys.ALICE_RSA.privateKey()))
        .build()
        .decrypt(new ByteArrayInputStream(ciphertext.toByteArray()), decrypted);

    assertThat(decrypted.toByteArray()).isEqualTo(plaintext);
    assertThat(HotPathWarmUp.decryptionStarted()).isTrue();
  }
}
