package dev.tributary.pgp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tributary.core.auth.Secret;
import dev.tributary.pgp.internal.KeyGeneration;
import dev.tributary.testing.PgpTestKeys;
import dev.tributary.testing.time.ManualClock;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A key made after the time it is asked to sign at (a signing clock set before it, or a key dated
 * ahead of this machine's clock) is refused saying when it was made. Was: "its key flags do not
 * allow signing" for every key, the primary key's too, since no self-signature binds a key before
 * it exists.
 */
class SigningKeyMadeLaterTest {
  /** The refusal of Alice's key (made 2026-11-30T22:58:52Z) on a clock at 22:58:00 that day. */
  static final String ALICE_BEFORE_SHE_WAS_MADE =
      "private key "
          + PgpTestKeys.ALICE_RSA.fingerprint()
          + " has no valid signing key: 31368D83A4407430: created 2026-11-30T22:58:52Z, after the"
          + " time of signing, 2026-11-30T22:58:00Z; 8089BA27CA6BD022: created"
          + " 2026-11-30T22:58:52Z, after the time of signing, 2026-11-30T22:58:00Z; sign with"
          + " another key";

  @Test
  void encryptorClockBeforeTheSigningKeyWasMade_saysWhenItWasMade() {
    // Carol's key, made 55 seconds before Alice's, is valid then: the encryptor may encrypt to it.
    PgpEncryptor encryptor =
        PgpEncryptor.builder()
            .recipient(PgpCertificate.of(PgpTestKeys.CAROL_SEQUOIA.publicKey()))
            .signWith(PgpKey.of(PgpTestKeys.ALICE_RSA.privateKey()))
            .clock(new ManualClock(Instant.parse("2026-11-30T22:58:00Z")))
            .build();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    assertThatThrownBy(() -> encryptor.encrypt(new ByteArrayInputStream(new byte[] {'x'}), out))
        .isInstanceOf(PgpKeyCannotSignException.class)
        .hasMessage(ALICE_BEFORE_SHE_WAS_MADE);
    assertThat(out.size()).isZero();
  }

  @Test
  void keyDatedAnHourAheadOfThisMachinesClock_saysWhenItWasMade() {
    Instant made = Instant.now().plus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS);
    PgpKey ahead =
        new PgpKey(
            KeyGeneration.generate(
                KeyProfile.CURVE25519,
                List.of("Ahead <ahead@example.com>"),
                Secret.empty(),
                false,
                made),
            Secret.empty());
    assertThatThrownBy(
            () ->
                PgpSignatures.sign(
                    new ByteArrayInputStream(new byte[] {'x'}),
                    new ByteArrayOutputStream(),
                    List.of(ahead),
                    false))
        .isInstanceOf(PgpKeyCannotSignException.class)
        .hasMessageMatching(
            "private key "
                + ahead.fingerprint()
                + " has no valid signing key: "
                + ahead.keyId()
                + ": created "
                + made
                + ", after the time of signing, \\S+Z; [0-9A-F]{16}: created "
                + made
                + ", after the time of signing, \\S+Z; sign with another key");
  }
}
