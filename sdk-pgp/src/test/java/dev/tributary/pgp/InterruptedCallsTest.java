package dev.tributary.pgp;

import static dev.tributary.pgp.EncryptDecryptTest.encrypt;
import static dev.tributary.pgp.EncryptDecryptTest.to;
import static dev.tributary.pgp.EncryptDecryptTest.with;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tributary.core.TransientException;
import dev.tributary.testing.PgpTestKeys;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A host stops a job by interrupting its thread. An interrupt that ends an encryption or decryption
 * must be told as what it is, a {@link TransientException}, never as damaged data (a malformed
 * message would be set aside as a bad file) or an {@code IllegalStateException}; and the thread's
 * interrupt flag stays set for the host to see. Whether a call must wait for a helper thread at all
 * depends on timing, so each case runs several times and accepts success too (flag still set).
 */
class InterruptedCallsTest {
  static final int ROUNDS = 40;

  static byte[] data() {
    byte[] data = new byte[8 << 20];
    new Random(3).nextBytes(data);
    return data;
  }

  @Test
  void decryption_interrupted_isATransientFailure_neverBadData() throws Exception {
    byte[] message = encrypt(to(PgpTestKeys.ALICE_RSA).build(), data());
    List<Object> outcomes = new ArrayList<>();
    for (int i = 0; i < ROUNDS; i++) {
      outcomes.add(
          interrupted(
              () -> {
                try (InputStream in =
                    with(PgpTestKeys.ALICE_RSA).open(new ByteArrayInputStream(message))) {
                  in.readNBytes(1 << 20);
                  Thread.currentThread().interrupt();
                  in.transferTo(new ByteArrayOutputStream());
                }
              }));
      outcomes.add(
          interrupted(
              () -> {
                Thread.currentThread().interrupt();
                with(PgpTestKeys.ALICE_RSA)
                    .decrypt(new ByteArrayInputStream(message), new ByteArrayOutputStream());
              }));
    }
    assertOnlyTransientFailures(outcomes);
  }

  @Test
  void encryption_interrupted_isATransientFailure() throws Exception {
    byte[] data = data();
    PgpEncryptor encryptor = to(PgpTestKeys.ALICE_RSA).build();
    List<Object> outcomes = new ArrayList<>();
    for (int i = 0; i < ROUNDS; i++) {
      outcomes.add(
          interrupted(
              () -> {
                Thread.currentThread().interrupt();
                encryptor.encrypt(new ByteArrayInputStream(data), new ByteArrayOutputStream());
              }));
      outcomes.add(
          interrupted(
              () ->
                  encryptor.encrypt(
                      new ByteArrayOutputStream(),
                      out -> {
                        out.write(data, 0, 1 << 20);
                        Thread.currentThread().interrupt();
                        out.write(data, 1 << 20, data.length - (1 << 20));
                      })));
    }
    assertOnlyTransientFailures(outcomes);
  }

  interface Call {
    void run() throws Exception;
  }

  /**
   * Runs {@code call} on a fresh thread; returns "ok" or its failure, after checking that the
   * interrupt flag is still set at the end either way.
   */
  static Object interrupted(Call call) throws InterruptedException {
    Object[] outcome = new Object[1];
    boolean[] flag = new boolean[1];
    Thread t =
        new Thread(
            () -> {
              try {
                call.run();
                outcome[0] = "ok";
              } catch (Throwable e) {
                outcome[0] = e;
              }
              flag[0] = Thread.currentThread().isInterrupted();
            });
    t.start();
    t.join(60_000);
    assertThat(t.isAlive()).as("the call still runs after a minute").isFalse();
    assertThat(flag[0]).as("interrupt flag after %s", outcome[0]).isTrue();
    return outcome[0];
  }

  static void assertOnlyTransientFailures(List<Object> outcomes) {
    // Each call waits for a helper thread at least at its end (the last buffers' hash) but for
    // rare timings: without one interrupted call this test would check nothing.
    assertThat(outcomes).as("outcomes").anyMatch(o -> o instanceof Throwable);
    for (Object o : outcomes) {
      if (o instanceof Throwable e) {
        assertThat(e).as("an interrupted call").isInstanceOf(TransientException.class);
        assertThat(e).hasMessageContaining("interrupted");
      } else {
        assertThat(o).isEqualTo("ok");
      }
    }
  }
}
