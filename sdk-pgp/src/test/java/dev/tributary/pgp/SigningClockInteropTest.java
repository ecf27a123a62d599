package dev.tributary.pgp;

import static dev.tributary.pgp.SigningClockTest.ALICE;
import static dev.tributary.pgp.SigningClockTest.DATA;
import static dev.tributary.pgp.SigningClockTest.sign;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tributary.pgp.SigningClockTest.Form;
import dev.tributary.testing.PgpTestKeys;
import dev.tributary.testing.RequiresProgram;
import dev.tributary.testing.time.ManualClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Signatures made here on a clock of the caller's, shown to sqop 0.27.3 and gpg 2.2.40: sqop finds
 * them made at that time ({@code --not-before}/{@code --not-after} around it take them, a bound a
 * second off refuses them), gpg reports that date ({@code VALIDSIG}), and a key valid then but
 * expired now signed them validly for both. gpg also reads the date of a revocation and the new
 * expiry of a renewal made on such a clock.
 */
@RequiresProgram(value = "sqop", debianPackage = "sqop")
@RequiresProgram(value = "gpg", debianPackage = "gnupg")
class SigningClockInteropTest {
  /** 2026-12-01T12:00:00Z, a few days after Alice's key was made. */
  static final Instant AT = SigningClockTest.AT_SECONDS;

  @RegisterExtension final Gpg gpg = Gpg.perTest();
  @TempDir Path dir;

  Path cert;
  Path data;

  @BeforeEach
  void files() throws Exception {
    gpg.importKey(PgpTestKeys.ALICE_RSA.armoredPublicKey());
    cert = Files.writeString(dir.resolve("alice.asc"), PgpTestKeys.ALICE_RSA.armoredPublicKey());
    data = Files.write(dir.resolve("data"), DATA);
  }

  /** sqop's exit code verifying {@code signed} in {@code form} with {@code cert}, bounded so. */
  int sqop(Form form, byte[] signed, Path cert, Instant notBefore, Instant notAfter)
      throws Exception {
    String before = "--not-before=" + notBefore;
    String after = "--not-after=" + notAfter;
    if (form == Form.DETACHED) {
      Path sig = Files.write(dir.resolve("sig"), signed);
      return Tool.sqop(DATA, "verify", before, after, sig.toString(), cert.toString()).code();
    }
    return Tool.sqop(signed, "inline-verify", before, after, cert.toString()).code();
  }

  /** gpg's status lines checking {@code signed} in {@code form}. */
  String gpgStatus(Form form, byte[] signed, String... options) throws Exception {
    List<String> args = Tool.list(options);
    args.addAll(List.of("--status-fd", "2"));
    if (form == Form.DETACHED) {
      Path sig = Files.write(dir.resolve("sig"), signed);
      args.addAll(List.of("--verify", sig.toString(), data.toString()));
      return gpg.run(new byte[0], args.toArray(String[]::new)).err();
    }
    args.add("--decrypt");
    return gpg.run(signed, args.toArray(String[]::new)).err();
  }

  @ParameterizedTest
  @EnumSource(Form.class)
  void signatureMadeOnAPastClock_isMadeAtThatTime_forSqopAndGpg(Form form) throws Exception {
    byte[] signed = sign(form, ALICE, new ManualClock(AT.plusMillis(750)));

    assertThat(sqop(form, signed, cert, AT, AT)).as("sqop, bounded to the second").isZero();
    assertThat(sqop(form, signed, cert, AT.plusSeconds(1), AT.plus(Duration.ofDays(1))))
        .as("sqop, not before a second later")
        .isEqualTo(3);
    assertThat(sqop(form, signed, cert, AT.minus(Duration.ofDays(1)), AT.minusSeconds(1)))
        .as("sqop, not after a second earlier")
        .isEqualTo(3);
    assertThat(gpgStatus(form, signed))
        .as("gpg")
        .containsPattern(
            "\\[GNUPG:] VALIDSIG "
                + PgpTestKeys.ALICE_RSA.fingerprint()
                + " 2026-12-01 "
                + AT.getEpochSecond()
                + " ");
  }

  @Test
  void subkeyValidAtTheClockButExpiredNow_signsValidlyForSqopAndGpgAtThatTime() throws Exception {
    PgpKey key = SigningClockTest.madeAt(Instant.parse("2019-03-01T10:00:00Z"));
    Instant then = Instant.parse("2020-01-01T00:00:00Z");
    byte[] signature = sign(Form.DETACHED, key, new ManualClock(then));
    Path keyCert = Files.writeString(dir.resolve("key.asc"), key.certificate().armored());
    gpg.importKey(key.certificate().armored());

    assertThat(sqop(Form.DETACHED, signature, keyCert, then, then)).as("sqop, then").isZero();
    assertThat(gpgStatus(Form.DETACHED, signature, "--faked-system-time", Gpg.fakedTime(then)))
        .as("gpg on a clock then")
        .contains("[GNUPG:] GOODSIG")
        .contains(" " + then.getEpochSecond() + " ");
    assertThat(gpgStatus(Form.DETACHED, signature))
        .as("gpg now, the key expired")
        .contains("[GNUPG:] EXPKEYSIG");
  }

  // Stop 38's 30 minutes from the signing side: sqop (Sequoia) refuses too; gpg sets no bound.
  @Test
  void signerClockTwoHoursAhead_makesAFutureSignature_forSqopAndUs() throws Exception {
    Clock ahead = Clock.offset(Clock.systemUTC(), Duration.ofHours(2));
    byte[] signature = sign(Form.DETACHED, ALICE, ahead);
    Path sig = Files.write(dir.resolve("sig"), signature);
    assertThat(Tool.sqop(DATA, "verify", sig.toString(), cert.toString()).code())
        .as("sqop verify")
        .isEqualTo(3);
    assertThat(gpgStatus(Form.DETACHED, signature)).as("gpg").contains("[GNUPG:] GOODSIG");
    SignatureVerification ours =
        SigningClockTest.verify(
            Form.DETACHED, signature, SigningClockTest.ALICE_CERT, Clock.systemUTC());
    assertThat(ours.valid()).isFalse();
    assertThat(ours.problem()).startsWith("the signature was made in the future: ");
  }

  @Test
  void revocationAndRenewalOnAClock_areDatedByItForGpg() {
    PgpKey key = SigningClockTest.madeAt(KeyClockTest.MADE);
    Instant revokedAt = Instant.parse("2026-07-31T08:30:00Z");
    String revoked =
        key.revocationCertificate(RevocationReason.KEY_RETIRED, "old", new ManualClock(revokedAt))
            .armored();
    gpg.importKey(revoked);
    assertThat(gpg.records("rev", "--list-sigs", key.fingerprint()))
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r[5]).as("date").isEqualTo(Long.toString(revokedAt.getEpochSecond()));
              assertThat(r[10]).as("class, reason").isEqualTo("20x,03");
            });

    try (Gpg other = Gpg.perTest()) {
      Instant renewedAt = Instant.parse("2031-05-21T08:30:00Z"); // ten days before it expires
      String renewed =
          key.renew(Duration.ofDays(30), new ManualClock(renewedAt)).certificate().armored();
      other.importKey(renewed);
      assertThat(other.records("pub", "--list-keys", key.fingerprint()))
          .singleElement()
          .satisfies(
              r ->
                  assertThat(r[6])
                      .as("expiry: five years after the renewal")
                      .isEqualTo(
                          Long.toString(renewedAt.plus(KeyClockTest.LIFETIME).getEpochSecond())));
    }
  }
}
