package dev.tributary.pgp;

import static dev.tributary.pgp.EncryptDecryptTest.TEXT;
import static dev.tributary.pgp.EncryptDecryptTest.encrypt;
import static dev.tributary.pgp.EncryptDecryptTest.to;
import static dev.tributary.pgp.EncryptDecryptTest.with;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.tributary.core.TransientException;
import dev.tributary.testing.PgpTestKeys;
import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Streams of the caller's that fail in ways the helper threads must survive: one that throws the
 * same exception instance every time (sshj's streams rethrow the error they stored), and one that
 * throws an Error. Either way the call fails with an exception that names the cause, in time. It
 * drives the public entry points on purpose: what it checks is theirs (that PgpDecryptor and
 * PgpEncryptor end their helper threads, their TransientException and its message), and it uses
 * this package's test helpers; the helper threads have their own tests in {@code internal} ({@code
 * ReadAheadInputStreamTest}, {@code WriteBehindOutputStreamTest}, {@code OffloadTest}).
 */
class FailingStreamsTest {
  private static final Duration DEADLINE = Duration.ofSeconds(10);

  /** A target that fails every write with one and the same throwable. */
  private static OutputStream rethrowing(Throwable failure) {
    return new OutputStream() {
      @Override
      public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
      }

      @Override
      public void write(byte[] b, int off, int len) throws IOException {
        if (failure instanceof IOException e) {
          throw e;
        }
        throw (Error) failure;
      }
    };
  }

  /** A source that fails every read with {@code failure} (an Error here). */
  private static InputStream throwing(Error failure) {
    return new InputStream() {
      @Override
      public int read() {
        throw failure;
      }

      @Override
      public int read(byte[] b, int off, int len) {
        throw failure;
      }
    };
  }

  // A small message is written on the caller's thread; close() then failed again with the same
  // instance, and try-with-resources threw IllegalArgumentException("Self-suppression not
  // permitted") instead of the failure.
  @Test
  void decrypt_smallMessage_toATargetRethrowingOneException_isTransient() {
    byte[] ciphertext = encrypt(to(PgpTestKeys.BOB_25519).build(), TEXT);
    IOException failure = new IOException("Broken pipe");
    assertThatThrownBy(
            () ->
                with(PgpTestKeys.BOB_25519)
                    .decrypt(new ByteArrayInputStream(ciphertext), rethrowing(failure)))
        .isInstanceOf(TransientException.class)
        .hasMessage("cannot decrypt: Broken pipe")
        .hasRootCause(failure);
  }

  @Test
  void encrypt_smallMessage_toATargetRethrowingOneException_isTransient() {
    IOException failure = new IOException("Broken pipe");
    assertThatThrownBy(
            () ->
                to(PgpTestKeys.BOB_25519)
                    .build()
                    .encrypt(new ByteArrayInputStream(TEXT), rethrowing(failure)))
        .isInstanceOf(TransientException.class)
        .hasMessage("encryption failed: Broken pipe")
        .hasRootCause(failure);
  }

  // The read-ahead thread caught IOException and RuntimeException only: an Error ended it without
  // a word to the reader, who waited for the next buffer for ever.
  @Test
  void encrypt_fromASourceThrowingAnError_failsInsteadOfHanging() {
    Error failure = new StackOverflowError("deep");
    assertTimeoutPreemptively(
        DEADLINE,
        () ->
            assertThatThrownBy(
                    () ->
                        to(PgpTestKeys.BOB_25519)
                            .build()
                            .encrypt(throwing(failure), OutputStream.nullOutputStream()))
                .hasRootCause(failure));
  }

  // Decryption writes on the caller's thread (since stop 22): an Error from the target reaches the
  // caller as it is, and the MDC's helper thread ends.
  @Test
  void decrypt_toATargetThrowingAnError_throwsItAndEndsTheHelper() {
    byte[] ciphertext = encrypt(to(PgpTestKeys.BOB_25519).build(), new byte[3 << 20]);
    Error failure = new NoClassDefFoundError("org/example/Missing");
    Set<Thread> before = AbortedEncryptionTest.helperThreads();
    assertTimeoutPreemptively(
        DEADLINE,
        () ->
            assertThatThrownBy(
                    () ->
                        with(PgpTestKeys.BOB_25519)
                            .decrypt(new ByteArrayInputStream(ciphertext), rethrowing(failure)))
                .isSameAs(failure));
    AbortedEncryptionTest.assertHelperThreadsEnd(before);
  }

  /**
   * Regression: the bzip2 decoder's read(byte[], int, int), InputStream's, swallowed the source's
   * failure after the first byte and decoded on from a broken state: "the decrypted message is
   * malformed: its packets cannot be read" (cause "Block CRC error"), bad data where the disk or
   * the connection had failed, so a host would set a good file aside instead of retrying.
   */
  @Test
  void decrypt_ofABzip2Message_fromASourceFailingMidway_isTransient_notMalformed() {
    byte[] ciphertext =
        encrypt(
            to(PgpTestKeys.BOB_25519).compression(Compression.BZIP2).build(),
            InterruptedCallsTest.Csv.rows(3 << 20));
    IOException failure = new IOException("Connection reset");
    InputStream source =
        new FilterInputStream(new ByteArrayInputStream(ciphertext)) {
          private int left = ciphertext.length / 2;

          @Override
          public int read(byte[] b, int off, int len) throws IOException {
            if (left == 0) {
              throw failure;
            }
            int n = in.read(b, off, Math.min(len, left));
            left -= Math.max(n, 0);
            return n;
          }
        };
    assertThatThrownBy(
            () -> with(PgpTestKeys.BOB_25519).decrypt(source, OutputStream.nullOutputStream()))
        .isInstanceOf(TransientException.class)
        .hasMessage("reading the message failed: Connection reset")
        .hasRootCause(failure);
  }
}
