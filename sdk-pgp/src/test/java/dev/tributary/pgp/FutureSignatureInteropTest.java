package dev.tributary.pgp;

import static dev.tributary.pgp.FutureSignatureTest.ALICE;
import static dev.tributary.pgp.FutureSignatureTest.ALICE_CERT;
import static dev.tributary.pgp.FutureSignatureTest.DATA;
import static dev.tributary.pgp.FutureSignatureTest.FUTURE;
import static dev.tributary.pgp.FutureSignatureTest.only;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tributary.pgp.FutureSignatureTest.Form;
import dev.tributary.testing.RequiresProgram;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
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
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Signatures that gpg 2.2.40 made with its clock set ahead ({@code --faked-system-time}), read by
 * sqop 0.27.3, gpg and us on this machine's clock. Sequoia counts one made up to 30 minutes ahead
 * ({@code CLOCK_SKEW_TOLERANCE}) and no later one, whatever {@code --not-after} says; so do we
 * ({@link SignatureVerification#CLOCK_SKEW_TOLERANCE}). GnuPG 2.2 sets no bound: "Good signature"
 * for each (it checks only that the key was not made in the future).
 */
@RequiresProgram(value = "sqop", debianPackage = "sqop")
@RequiresProgram(value = "gpg", debianPackage = "gnupg")
class FutureSignatureInteropTest {
  @RegisterExtension final Gpg gpg = Gpg.perTest();

  @TempDir Path dir;

  Path cert;
  Path data;

  @BeforeEach
  void files() throws Exception {
    gpg.importSecretKey(ALICE);
    cert = Files.writeString(dir.resolve("alice.asc"), ALICE.armoredPublicKey());
    data = Files.write(dir.resolve("data"), DATA);
  }

  /** gpg's output for {@code args} on {@code DATA}, with its clock {@code ahead} of this one. */
  byte[] gpgAhead(Duration ahead, String... args) {
    List<String> all =
        Tool.list("--faked-system-time", Gpg.fakedTime(Instant.now().plus(ahead)), "-u");
    all.add(ALICE.fingerprint());
    all.addAll(List.of(args));
    return gpg.run(DATA, all.toArray(String[]::new)).ok().out();
  }

  @ParameterizedTest(name = "{0} minutes ahead")
  @CsvSource({"10, 0, true", "29, 0, true", "31, 3, false", "120, 3, false"})
  void detachedSignatureMadeAhead_countsForSequoiaAndUsWithinHalfAnHour_andAlwaysForGnuPg(
      int minutes, int sqopExit, boolean valid) throws Exception {
    Duration ahead = Duration.ofMinutes(minutes);
    Path sig = Files.write(dir.resolve("sig"), gpgAhead(ahead, "--detach-sign"));

    assertThat(Tool.sqop(DATA, "verify", sig.toString(), cert.toString()).code())
        .as("sqop verify")
        .isEqualTo(sqopExit);
    assertThat(
            Tool.sqop(
                    DATA,
                    "verify",
                    "--not-after=2999-01-01T00:00:00Z",
                    sig.toString(),
                    cert.toString())
                .code())
        .as("sqop verify --not-after in 2999")
        .isEqualTo(sqopExit);
    assertThat(
            gpg.run(new byte[0], "--status-fd", "2", "--verify", sig.toString(), data.toString())
                .err())
        .as("gpg --verify")
        .contains("[GNUPG:] GOODSIG");

    byte[] signature = Files.readAllBytes(sig);
    SignatureVerification ours =
        SignatureClockTest.verify(Form.DETACHED, signature, Clock.systemUTC());
    assertThat(ours.valid()).as("ours").isEqualTo(valid);
    if (!valid) {
      assertThat(ours.problem()).startsWith(FUTURE);
    }
    SignatureVerification caughtUp =
        SignatureClockTest.verify(Form.DETACHED, signature, Clock.offset(Clock.systemUTC(), ahead));
    assertThat(caughtUp.valid()).as("ours, on a clock as far ahead").isTrue();
  }

  @Test
  void inlineSignedMessagesMadeTwoHoursAhead_countForGnuPgOnly() throws Exception {
    Duration ahead = Duration.ofHours(2);
    for (String how : new String[] {"--sign", "--clearsign"}) {
      byte[] message = gpgAhead(ahead, how);
      assertThat(Tool.sqop(message, "inline-verify", cert.toString()).code())
          .as("sqop inline-verify, %s", how)
          .isEqualTo(3);
      assertThat(gpg.run(message, "--status-fd", "2", "--decrypt").err())
          .as("gpg, %s", how)
          .contains("[GNUPG:] GOODSIG");
      SignatureVerification ours =
          only(
              PgpInlineSignatures.verify(
                  new ByteArrayInputStream(message),
                  new ByteArrayOutputStream(),
                  List.of(ALICE_CERT),
                  PgpPolicy.defaults()));
      assertThat(ours.valid()).as("ours, %s", how).isFalse();
      assertThat(ours.problem()).startsWith(FUTURE);
    }
  }
}
