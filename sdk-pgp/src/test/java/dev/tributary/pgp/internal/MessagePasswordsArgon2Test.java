package dev.tributary.pgp.internal;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tributary.pgp.PgpDataException;
import org.junit.jupiter.api.Test;

/**
 * A message encrypted with a password under SEIPD v2 hashes it with Argon2 over 2^m KiB (64 MiB as
 * sdk-pgp writes it): a JVM whose heap cannot hold that (sop under {@code -Xmx64m}) must say so,
 * not die of an OutOfMemoryError. Like {@link UnlockedKeysArgon2Test} for keys.
 */
class MessagePasswordsArgon2Test {
  @Test
  void aHeapTooSmallForTheMessagesArgon2_isAClearDataError_beforeAnyWork() {
    assertThatThrownBy(() -> MessagePasswords.checkArgon2Memory(64L << 20, 62L << 20))
        .isInstanceOf(PgpDataException.class)
        .hasMessage(
            "cannot try a password on the message: its password hashing (Argon2) needs 64 MiB of"
                + " memory, which is more than this JVM's whole heap (maximum 62 MiB; see -Xmx)");
    MessagePasswords.checkArgon2Memory(64L << 20, 64L << 20);
    MessagePasswords.checkArgon2Memory(0, 1);
  }
}
