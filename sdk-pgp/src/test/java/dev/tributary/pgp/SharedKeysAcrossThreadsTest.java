package dev.tributary.pgp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tributary.testing.PgpTestKeys;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * {@code PgpCertificate} and {@code PgpKey} are immutable and shared between threads, but
 * BouncyCastle keeps a signature's verification state in the signature object. Checked from several
 * threads at once, one certificate's self-signatures failed or passed at random (a tester's 8
 * threads: 27 of 800 encryptor builds refused a good key, 14 of 800 descriptions lost their
 * capabilities, and a signature by a revoked key passed {@code REQUIRED} 13 times in 1,600). Each
 * check now works on its own copy of the key ring. A test of a race passes by chance when the race
 * is there; these run enough rounds that it did not, before the fix.
 */
class SharedKeysAcrossThreadsTest {
  private static final int THREADS = 8;
  private static final int ROUNDS = 60;

  /**
   * Runs {@code task} ROUNDS times on each of THREADS threads at once; how many times it failed.
   */
  private static int failures(Callable<Boolean> task) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    AtomicInteger failed = new AtomicInteger();
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        futures.add(
            pool.submit(
                () -> {
                  for (int i = 0; i < ROUNDS; i++) {
                    try {
                      if (!task.call()) {
                        failed.incrementAndGet();
                      }
                    } catch (Exception e) {
                      failed.incrementAndGet();
                    }
                  }
                  return null;
                }));
      }
      for (Future<?> f : futures) {
        f.get(5, TimeUnit.MINUTES);
      }
    } finally {
      pool.shutdownNow();
    }
    return failed.get();
  }

  @Test
  void aSharedCertificate_isDescribedAndEncryptedTo_alikeOnEveryThread() throws Exception {
    PgpCertificate alice = PgpCertificate.of(PgpTestKeys.ALICE_RSA.publicKey());
    String description = alice.describe().toString();
    assertThat(failures(() -> alice.describe().toString().equals(description))).isZero();
    assertThat(failures(() -> PgpEncryptor.builder().recipient(alice).build() != null)).isZero();
  }

  @Test
  void aSharedCertificateWithARevokedSubkey_isNeverEncryptedTo() throws Exception {
    PgpCertificate revoked = PgpCertificate.of(PgpTestKeys.REVOKED_SUBKEY.publicKey());
    assertThatThrownBy(() -> PgpEncryptor.builder().recipient(revoked).build())
        .isInstanceOf(PgpKeyCannotEncryptException.class);
    int encryptedTo =
        failures(
            () -> {
              try {
                PgpEncryptor.builder().recipient(revoked).build();
                return false; // the revoked subkey was taken
              } catch (PgpKeyCannotEncryptException expected) {
                return expected.getMessage().contains("revoked");
              }
            });
    assertThat(encryptedTo).as("builds that took the revoked subkey, or lost the reason").isZero();
  }

  @Test
  void aSharedKey_signsOnEveryThread_andItsSignaturesVerify() throws Exception {
    PgpKey bob = PgpKey.of(PgpTestKeys.BOB_25519.privateKey());
    PgpCertificate bobsCertificate = PgpCertificate.of(PgpTestKeys.BOB_25519.publicKey());
    byte[] data = "shared across threads\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    assertThat(
            failures(
                () -> {
                  ByteArrayOutputStream sig = new ByteArrayOutputStream();
                  PgpSignatures.sign(new ByteArrayInputStream(data), sig, List.of(bob), false);
                  return PgpSignatures.verify(
                          new ByteArrayInputStream(data),
                          new ByteArrayInputStream(sig.toByteArray()),
                          List.of(bobsCertificate),
                          PgpPolicy.defaults())
                      .stream()
                      .allMatch(SignatureVerification::valid);
                }))
        .isZero();
  }
}
