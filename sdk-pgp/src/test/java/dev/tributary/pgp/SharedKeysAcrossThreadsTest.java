package dev.tributary.pgp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tributary.core.auth.Secret;
import dev.tributary.testing.PgpTestKeys;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPPublicKeyRing;
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

  /** A renewal window beyond the five years a generated key is valid for: every key is due. */
  private static final Duration RENEWAL_WINDOW = Duration.ofDays(6 * 365);

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

  /**
   * A new key with three user IDs (so that a renewal checks and makes many self-signatures), due
   * for renewal within {@link #RENEWAL_WINDOW}, protected and already unlocked: the threads race on
   * its signatures, not on its S2K.
   */
  private static PgpKey keyDueForRenewal() {
    PgpKey key =
        PgpKey.generator(KeyProfile.CURVE25519)
            .userId("Shared <shared@example.com>")
            .userId("Shared Too <shared@example.org>")
            .userId("Shared Three <shared@example.net>")
            .passphrase(Secret.of("old"))
            .generate();
    key.checkPassphrase();
    return key;
  }

  /**
   * Renewal verified the key's own self-signatures in place, on the objects every thread shares: a
   * check another thread corrupted made it pass over a self-signature that was due, and the
   * "renewed" key still expired within the window (5 to 14 of 480 renewals before the fix).
   */
  @Test
  void aSharedKey_isRenewedOnEveryThread_alike() throws Exception {
    PgpKey key = keyDueForRenewal();
    PgpKey reference = key.renew(RENEWAL_WINDOW);
    Instant beyond = Instant.now().plus(Duration.ofDays(5 * 365 - 1));
    // Checked afterwards, one at a time, so that the threads do little else than renew at once.
    Queue<PgpKey> renewals = new ConcurrentLinkedQueue<>();
    assertThat(failures(() -> renewals.add(key.renew(RENEWAL_WINDOW)))).isZero();
    assertThat(renewals).hasSize(THREADS * ROUNDS);
    assertThat(renewals.stream().filter(r -> !renewedLike(r, reference, beyond)).count())
        .as("renewals that came out wrong")
        .isZero();
  }

  /**
   * Renewing, revoking and re-protecting one shared key from several threads at once, while others
   * describe it: every result must be the one a single thread gets, and hold. The results must not
   * share BouncyCastle objects with the key either, or checking one would disturb the other. (A
   * guard: before the fix its renewals came out wrong in about half the runs.)
   */
  @Test
  void aSharedKey_isRenewedRevokedAndReprotected_alikeOnEveryThread() throws Exception {
    PgpKey key = keyDueForRenewal();
    PgpKey reference = key.renew(RENEWAL_WINDOW);
    Instant beyond = Instant.now().plus(Duration.ofDays(5 * 365 - 1));
    int signatures = signatures(key.certificate().ring());
    String description = key.describe().toString();
    byte[] certificate = key.certificate().encoded();
    String[] operations = {"renew", "revoke", "withPassphrase", "describe"};
    AtomicInteger round = new AtomicInteger();
    AtomicIntegerArray wrong = new AtomicIntegerArray(operations.length);
    failures(
        () -> {
          int op = round.getAndIncrement() % operations.length;
          boolean right = false;
          try {
            right =
                switch (op) {
                  case 0 -> renewedLike(key.renew(RENEWAL_WINDOW), reference, beyond);
                  case 1 -> revoked(key.revocationCertificate(), signatures + 1);
                  case 2 -> reprotected(key.withPassphrase(Secret.empty()), certificate);
                  default -> key.describe().toString().equals(description);
                };
          } finally {
            if (!right) {
              wrong.incrementAndGet(op);
            }
          }
          return right;
        });
    for (int op = 0; op < operations.length; op++) {
      assertThat(wrong.get(op)).as("%s results that came out wrong", operations[op]).isZero();
    }
  }

  /**
   * The user IDs an authority certified were found by checking the certifications in place, on the
   * shared certificate's own signature objects: a check another thread corrupted dropped a user ID
   * that was certified (2 to 5 of 480 checks before the fix).
   */
  @Test
  void aSharedCertificate_hasTheSameCertifiedUserIdsOnEveryThread() throws Exception {
    List<String> userIds =
        List.of("Partner <partner@example.com>", "Partner <partner@example.org>", "Partner Three");
    KeyGenerator generator = PgpKey.generator(KeyProfile.CURVE25519);
    userIds.forEach(generator::userId);
    PgpKey partner = generator.generate();
    PgpKey authority =
        PgpKey.generate(KeyProfile.CURVE25519, "CA <ca@example.com>", Secret.empty());
    PgpCertificate certified = authority.certify(partner.certificate(), userIds);
    List<PgpCertificate> authorities = List.of(authority.certificate());
    Instant now = Instant.now();
    assertThat(certified.userIdsCertifiedBy(authorities, now)).isEqualTo(userIds);
    assertThat(failures(() -> certified.userIdsCertifiedBy(authorities, now).equals(userIds)))
        .as("checks that lost a certified user ID")
        .isZero();
  }

  /**
   * Whether {@code renewed} has the reference's signatures, and its primary key (and any subkey
   * with an expiry of its own) expires late enough.
   */
  private static boolean renewedLike(PgpKey renewed, PgpKey reference, Instant beyond) {
    if (signatures(renewed.certificate().ring()) != signatures(reference.certificate().ring())) {
      return false;
    }
    List<ComponentKey> keys = renewed.describe().keys();
    return keys.size() == reference.describe().keys().size()
        && keys.get(0).expires() != null
        && keys.stream().allMatch(k -> k.expires() == null || k.expires().isAfter(beyond))
        && PgpEncryptor.builder().recipient(renewed.certificate()).build() != null;
  }

  /** Whether {@code revocation} has one signature more than the key, and revokes it. */
  private static boolean revoked(PgpCertificate revocation, int signatures) {
    if (signatures(revocation.ring()) != signatures
        || !revocation.describe().primaryKey().revoked()) {
      return false;
    }
    try {
      PgpEncryptor.builder().recipient(revocation).build();
      return false;
    } catch (PgpKeyCannotEncryptException expected) {
      return expected.getMessage().contains("revoked");
    }
  }

  /** Whether {@code key} is unprotected, unlocks, and has the same certificate byte for byte. */
  private static boolean reprotected(PgpKey key, byte[] certificate) {
    key.checkPassphrase();
    return !key.isProtected()
        && Arrays.equals(key.certificate().encoded(), certificate)
        && key.describe().keys().stream().allMatch(k -> !k.capabilities().isEmpty());
  }

  private static int signatures(PGPPublicKeyRing ring) {
    int n = 0;
    for (PGPPublicKey k : ring) {
      for (Iterator<?> it = k.getSignatures(); it.hasNext(); it.next()) {
        n++;
      }
    }
    return n;
  }
}
