package dev.tributary.pgp.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tributary.pgp.PgpDataException;
import java.security.SecureRandom;
import org.bouncycastle.bcpg.S2K;
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

  private static S2K argon2(int passes, int exponent) {
    return S2K.argon2S2K(new S2K.Argon2Params(passes, 4, exponent, new SecureRandom()));
  }

  @Test
  void argon2Work_isBoundedAt2GiBInTwoPasses_passesTimesMemory() {
    // At the bound: RFC 9580's two recommended settings and the largest of each shape.
    for (int[] ok : new int[][] {{1, 21}, {3, 16}, {2, 21}, {128, 15}, {255, 10}}) {
      assertThatCode(() -> MessagePasswords.checkArgon2Work(argon2(ok[0], ok[1])))
          .as("t=%d, m=2^%d", ok[0], ok[1])
          .doesNotThrowAnyException();
    }
    for (int[] refused : new int[][] {{3, 21}, {129, 15}, {65, 16}, {1, 22}}) {
      assertThatThrownBy(() -> MessagePasswords.checkArgon2Work(argon2(refused[0], refused[1])))
          .as("t=%d, m=2^%d", refused[0], refused[1])
          .isInstanceOfSatisfying(
              PgpDataException.class,
              e -> assertThat(e.reason()).isEqualTo(PgpDataException.Reason.UNSUPPORTED));
    }
  }
}
