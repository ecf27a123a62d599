package dev.tributary.pgp.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tributary.core.auth.Secret;
import dev.tributary.pgp.PgpKeyException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.bouncycastle.openpgp.PGPSecretKey;
import org.bouncycastle.openpgp.PGPSecretKeyRing;
import org.junit.jupiter.api.Test;

/**
 * Keys locked with Argon2 fill 2^m KiB to unlock; RFC 9580's sample locked key (A.5) asks for m =
 * 21, 2 GiB. A JVM whose heap cannot hold that must say so, not die of an OutOfMemoryError.
 */
class UnlockedKeysArgon2Test {
  static final String PASSPHRASE = "correct horse battery staple";

  static PGPSecretKeyRing ring(String name) {
    try (InputStream in =
        UnlockedKeysArgon2Test.class.getResourceAsStream("/dev/tributary/pgp/rfc9580/" + name)) {
      String armored = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
      List<PGPSecretKeyRing> rings =
          KeyRings.secretRings(ArmorText.decode(armored, ArmorText.Kind.PRIVATE));
      assertThat(rings).hasSize(1);
      return rings.get(0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void argon2Bytes_isTwoToTheMKiB_forArgon2Keys_andZeroForOthers() {
    for (PGPSecretKey k : ring("a5-locked-secret-key.asc")) {
      assertThat(UnlockedKeys.argon2Bytes(k.getS2K())).isEqualTo(2L << 30);
    }
    for (PGPSecretKey k : ring("a4-secret-key.asc")) {
      assertThat(UnlockedKeys.argon2Bytes(k.getS2K())).isZero();
    }
  }

  @Test
  void aHeapTooSmallForTheKeysArgon2_isAClearKeyError_beforeAnyWork() {
    UnlockedKeys keys = new UnlockedKeys(ring("a5-locked-secret-key.asc"), Secret.of(PASSPHRASE));

    assertThatThrownBy(() -> keys.checkArgon2Memory(2L << 30, 1L << 30))
        .isInstanceOf(PgpKeyException.class)
        .hasMessageContaining("CB186C4F0609A697E4D52DFA6C722B0C1F1E27C18A56708F6525EC27BAD9ACC9")
        .hasMessageContaining("Argon2")
        .hasMessageContaining("2048 MiB")
        .hasMessageContaining("maximum 1024 MiB")
        .hasMessageNotContaining(PASSPHRASE);
    keys.checkArgon2Memory(2L << 30, 2L << 30);
    keys.checkArgon2Memory(0, 1);
  }
}
