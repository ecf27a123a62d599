package dev.tributary.pgp;

import static dev.tributary.pgp.EncryptDecryptTest.TEXT;
import static dev.tributary.pgp.EncryptDecryptTest.encrypt;
import static dev.tributary.pgp.EncryptDecryptTest.to;
import static dev.tributary.pgp.EncryptDecryptTest.with;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tributary.core.TransientException;
import dev.tributary.testing.PgpTestKeys;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import org.junit.jupiter.api.Test;

/**
 * Streams of the caller's that fail in ways the helper threads must survive: one that throws the
 * same exception instance every time (sshj's streams rethrow the error they stored), and one that
 * throws an Error. Either way the call fails with an exception that names the cause, in time.
 */
class FailingStreamsTest {
  /** A target that fails every write with one and the same exception. */
  private static OutputStream rethrowing(IOException failure) {
    return new OutputStream() {
      @Override
      public void write(int b) throws IOException {
        throw failure;
      }

      @Override
      public void write(byte[] b, int off, int len) throws IOException {
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
}
