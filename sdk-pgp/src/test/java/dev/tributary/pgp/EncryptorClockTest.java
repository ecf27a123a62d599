package dev.tributary.pgp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tributary.testing.PgpTestKeys;
import dev.tributary.testing.time.ManualClock;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The encryptor's clock ({@link PgpEncryptor.Builder#clock}): a recipient's key that expires while
 * an encryptor is in use is still used within the minute its selection is reused, and refused after
 * it; a signing key is checked at every message. Carol's (Sequoia's) certificate expires on
 * 2029-11-26, so a clock set near that day sees it expire.
 */
class EncryptorClockTest {
  static final byte[] TEXT = "for carol\n".getBytes(StandardCharsets.UTF_8);
  static final PgpCertificate CAROL = PgpCertificate.of(PgpTestKeys.CAROL_SEQUOIA.publicKey());
  static final String CAROL_FPR = PgpTestKeys.CAROL_SEQUOIA.fingerprint();

  /** When Carol's certificate expires. */
  static Instant carolExpires() {
    return CAROL
        .describe(Instant.parse("2029-01-01T00:00:00Z"))
        .primaryKey()
        .expiry()
        .orElseThrow();
  }

  static byte[] encrypt(PgpEncryptor encryptor) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    encryptor.encrypt(new ByteArrayInputStream(TEXT), out);
    return out.toByteArray();
  }

  static String decryptAsCarol(byte[] message) {
    ByteArrayOutputStream plain = new ByteArrayOutputStream();
    PgpDecryptor.builder()
        .key(PgpKey.of(PgpTestKeys.CAROL_SEQUOIA.privateKey()))
        .build()
        .decrypt(new ByteArrayInputStream(message), plain);
    return plain.toString(StandardCharsets.UTF_8);
  }

  static final String CAROL_EXPIRED =
      "certificate "
          + CAROL_FPR
          + " has no key we may encrypt to: E9D04EC326B0E4DE: the whole certificate expired on"
          + " 2029-11-26; 034F5BBED19F8D44: the whole certificate expired on 2029-11-26;"
          + " 52FC57EEBFA4986C: the whole certificate expired on 2029-11-26. Ask the recipient for"
          + " a current public key with a valid encryption subkey";

  @Test
  void recipientExpiring_isStillUsedWithinTheMinute_andRefusedAfterIt() {
    Instant expires = carolExpires();
    assertThat(expires).isEqualTo(Instant.parse("2029-11-26T22:57:57Z"));
    ManualClock clock = new ManualClock(expires.minusSeconds(30));
    PgpEncryptor encryptor = PgpEncryptor.builder().recipient(CAROL).clock(clock).build();
    assertThat(decryptAsCarol(encrypt(encryptor))).isEqualTo("for carol\n");

    clock.advance(Duration.ofSeconds(40)); // expired 10 s ago; selected 40 s ago
    assertThat(decryptAsCarol(encrypt(encryptor)))
        .as("within the minute, the keys selected before the expiry")
        .isEqualTo("for carol\n");

    clock.advance(Duration.ofSeconds(20)); // selected a minute ago: checked again
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    assertThatThrownBy(() -> encryptor.encrypt(new ByteArrayInputStream(TEXT), out))
        .isInstanceOfSatisfying(
            PgpKeyCannotEncryptException.class,
            e -> assertThat(e.fingerprint()).isEqualTo(CAROL_FPR))
        .hasMessage(CAROL_EXPIRED);
    assertThat(out.size()).as("nothing written").isZero();
    assertThatThrownBy(() -> PgpEncryptor.builder().recipient(CAROL).clock(clock).build())
        .as("a new encryptor on the same clock")
        .isInstanceOf(PgpKeyCannotEncryptException.class)
        .hasMessage(CAROL_EXPIRED);
  }

  @Test
  void signingKeyExpiring_isRefusedAtTheNextMessage_andSignaturesTakeTheClocksTime() {
    Instant expires = carolExpires();
    ManualClock clock = new ManualClock(expires.minusSeconds(1));
    PgpKey carol = PgpKey.of(PgpTestKeys.CAROL_SEQUOIA.privateKey());
    PgpEncryptor encryptor =
        PgpEncryptor.builder()
            .recipient(PgpCertificate.of(PgpTestKeys.ALICE_RSA.publicKey()))
            .signWith(carol)
            .clock(clock)
            .build();
    byte[] signed = encrypt(encryptor);
    ByteArrayOutputStream plain = new ByteArrayOutputStream();
    DecryptionResult result =
        PgpDecryptor.builder()
            .key(PgpKey.of(PgpTestKeys.ALICE_RSA.privateKey()))
            .verifyWith(CAROL)
            .clock(clock) // the signature was made on it, years from now
            .build()
            .decrypt(new ByteArrayInputStream(signed), plain);
    assertThat(result.signatures()).hasSize(1);
    assertThat(result.signatures().get(0).created())
        .isEqualTo(expires.minusSeconds(1).truncatedTo(ChronoUnit.SECONDS));
    assertThat(result.signatures().get(0).signerFingerprint()).isEqualTo(CAROL_FPR);

    clock.advance(Duration.ofSeconds(1));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    assertThatThrownBy(() -> encryptor.encrypt(new ByteArrayInputStream(TEXT), out))
        .isInstanceOfSatisfying(
            PgpKeyCannotSignException.class, e -> assertThat(e.fingerprint()).isEqualTo(CAROL_FPR))
        .hasMessage(
            "private key "
                + CAROL_FPR
                + " has no valid signing key: E9D04EC326B0E4DE: its key flags do not allow"
                + " signing; 034F5BBED19F8D44: its primary key is unusable (expired on"
                + " 2029-11-26); 52FC57EEBFA4986C: its key flags do not allow signing; sign with"
                + " another key");
    assertThat(out.size()).as("nothing written").isZero();
  }

  /**
   * Threads sharing one encryptor find its selection stale at once, after every minute the clock
   * moves: each selects anew, and every message is encrypted to Carol's key until it expires, then
   * every one is refused.
   */
  @Test
  void threadsSharingAnEncryptor_reselectTogether_andAllSeeTheExpiry() throws Exception {
    int threads = 4;
    Instant expires = carolExpires();
    ManualClock clock = new ManualClock(expires.minus(Duration.ofMinutes(10)));
    PgpEncryptor encryptor = PgpEncryptor.builder().recipient(CAROL).clock(clock).build();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      for (int round = 0; round < 6; round++) {
        clock.advance(Duration.ofSeconds(61));
        for (byte[] message : together(pool, threads, () -> encrypt(encryptor))) {
          assertThat(decryptAsCarol(message)).as("round %d", round).isEqualTo("for carol\n");
        }
      }
      clock.advance(Duration.ofMinutes(5)); // expired a minute ago
      List<Object> outcomes =
          together(
              pool,
              threads,
              () -> {
                try {
                  encrypt(encryptor);
                  return "encrypted";
                } catch (PgpKeyCannotEncryptException e) {
                  return e.fingerprint();
                }
              });
      assertThat(outcomes).containsOnly(CAROL_FPR);
    } finally {
      pool.shutdownNow();
      assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
    }
  }

  /** Runs {@code task} on {@code n} threads released at the same moment; their results. */
  static <T> List<T> together(ExecutorService pool, int n, Callable<T> task) throws Exception {
    CyclicBarrier start = new CyclicBarrier(n);
    List<Future<T>> futures = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      futures.add(
          pool.submit(
              () -> {
                start.await(10, TimeUnit.SECONDS);
                return task.call();
              }));
    }
    List<T> results = new ArrayList<>();
    for (Future<T> f : futures) {
      results.add(f.get(60, TimeUnit.SECONDS));
    }
    return results;
  }
}
