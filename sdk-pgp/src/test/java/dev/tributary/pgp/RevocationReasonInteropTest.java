package dev.tributary.pgp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tributary.core.auth.Secret;
import dev.tributary.testing.RequiresProgram;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Keys and subkeys that {@code gpg --edit-key … revkey} revoked, with each reason GnuPG offers, and
 * the signatures gpg made with them before and after the revocation's date ({@code
 * --faked-system-time}). Sequoia's {@code sqop verify} and ours agree ({@link RevocationReasonTest}
 * has the reasons gpg cannot give): a signature made before a soft revocation (superseded, retired)
 * verifies, one made before a hard one (no reason specified, compromised) does not, nor does one
 * made after any. GnuPG 2.2 has no hard and soft: it reports every good signature by a revoked key
 * as such ({@code REVKEYSIG}), and exits 0.
 */
@RequiresProgram(value = "gpg", debianPackage = "gnupg")
@RequiresProgram(value = "sqop", debianPackage = "sqop")
class RevocationReasonInteropTest {
  private static final Instant MADE = Instant.parse("2025-01-01T00:00:00Z");
  private static final Instant BEFORE = Instant.parse("2025-02-01T00:00:00Z");
  private static final Instant REVOKED = Instant.parse("2025-03-01T00:00:00Z");
  private static final Instant AFTER = Instant.parse("2025-04-01T00:00:00Z");
  private static final byte[] DATA = "revocation reasons\n".getBytes(StandardCharsets.UTF_8);

  @RegisterExtension final Gpg gpg = Gpg.perTest();
  @TempDir Path dir;

  /** gpg's menu: 0 no reason specified, 1 compromised (code 2), 2 superseded (1), 3 retired. */
  @ParameterizedTest(name = "{2}, {3}")
  @CsvSource({
    "0, 0, no reason specified, primary key",
    "1, 2, key compromised, primary key",
    "2, 1, key superseded, primary key",
    "3, 3, key retired, primary key",
    "0, 0, no reason specified, signing subkey",
    "1, 2, key compromised, signing subkey",
    "2, 1, key superseded, signing subkey",
    "3, 3, key retired, signing subkey",
  })
  void gpgRevocation_signaturesBeforeItVerifyOnlyIfSoft_asInSequoia(
      int menu, int code, String reason, String which) throws Exception {
    boolean subkey = which.equals("signing subkey");
    boolean soft = code == 1 || code == 3;
    String fpr = key(subkey);
    byte[] before = sign(fpr, BEFORE);
    byte[] after = sign(fpr, AFTER);
    revoke(fpr, subkey ? "key 2\n" : "", menu);
    String armored = gpg.run(new byte[0], "--armor", "--export", fpr).ok().text();
    PgpCertificate cert = PgpCertificate.parse(armored);
    ComponentKey revoked =
        cert.describe().keys().stream()
            .filter(k -> subkey ? !k.primary() && k.canSign() : k.primary())
            .findFirst()
            .orElseThrow();

    KeyRevocation revocation = revoked.revocation();
    // gpg's faked clock runs on from REVOKED, so a slow machine dates the revocation a second on.
    assertThat(revocation).isNotNull();
    assertThat(revocation.date()).isBetween(REVOKED, REVOKED.plusSeconds(10));
    assertThat(revocation)
        .isEqualTo(new KeyRevocation(revocation.date(), code, reason, !soft, "reason " + code));
    assertThat(verify(before, cert).valid()).as("signed before").isEqualTo(soft);
    assertThat(verify(after, cert).valid()).as("signed after").isFalse();
    assertThat(sqopVerifies(before, armored)).as("sqop, signed before").isEqualTo(soft);
    assertThat(sqopVerifies(after, armored)).as("sqop, signed after").isFalse();
    assertThat(gpgStatus(before)).contains("[GNUPG:] REVKEYSIG");
    if (!subkey) {
      assertThatThrownBy(() -> PgpEncryptor.builder().recipient(cert).build())
          .isInstanceOf(PgpKeyCannotEncryptException.class)
          .hasMessageContaining(
              "the whole certificate is revoked (since 2025-03-01: "
                  + reason
                  + (soft ? ", a soft revocation)" : ", a hard revocation)"));
    }
  }

  /**
   * A gpg key revoked with {@link PgpKey#revocationCertificate(RevocationReason, String)}: gpg
   * imports it and shows the reason and comment, and Sequoia, like us, verifies what the key signed
   * before only if the reason is soft.
   */
  @ParameterizedTest(name = "{0}, {1}")
  @CsvSource({
    "NO_REASON, primary key",
    "KEY_SUPERSEDED, primary key",
    "KEY_COMPROMISED, primary key",
    "KEY_RETIRED, primary key",
    "NO_REASON, signing subkey",
    "KEY_SUPERSEDED, signing subkey",
    "KEY_COMPROMISED, signing subkey",
    "KEY_RETIRED, signing subkey",
  })
  void ourRevocationWithAReason_gpgShowsIt_sequoiaVerifiesOldSignaturesOnlyIfSoft(
      RevocationReason reason, String which) throws Exception {
    String fpr = key(which.equals("signing subkey"));
    byte[] before = sign(fpr, BEFORE);
    String secret =
        gpg.run(new byte[0], "--passphrase", "", "--armor", "--export-secret-keys", fpr)
            .ok()
            .text();
    String comment = "replaced by 0xD6D5, " + reason;

    String armored =
        PgpKey.parse(secret, Secret.empty()).revocationCertificate(reason, comment).armored();
    gpg.importKey(armored);

    assertThat(gpg.run(new byte[0], "--with-colons", "--list-keys", fpr).ok().text())
        .containsPattern("(?m)^pub:r:");
    assertThat(gpg.run(armored.getBytes(StandardCharsets.US_ASCII), "--list-packets").ok().text())
        .contains(String.format("revocation reason 0x%02x (%s)", reason.code(), comment));
    PgpCertificate cert = PgpCertificate.parse(armored);
    assertThat(verify(before, cert).valid()).isEqualTo(!reason.hard());
    assertThat(sqopVerifies(before, armored)).as("sqop, signed before").isEqualTo(!reason.hard());
  }

  /** An Ed25519 key made {@link #MADE} with an encryption subkey, and a signing one if asked. */
  private String key(boolean signingSubkey) {
    gpgAt(
        MADE, "--quick-gen-key", "Revoked <revoked@example.com>", "ed25519", "cert,sign", "never");
    String fpr = gpg.fingerprint("revoked@example.com");
    gpgAt(MADE.plusSeconds(60), "--quick-add-key", fpr, "cv25519", "encr", "never");
    if (signingSubkey) {
      gpgAt(MADE.plusSeconds(120), "--quick-add-key", fpr, "ed25519", "sign", "never");
    }
    return fpr;
  }

  /** A detached signature gpg makes with the key's signing key as if the clock read {@code at}. */
  private byte[] sign(String fpr, Instant at) throws Exception {
    Path data = Files.write(dir.resolve("data"), DATA);
    Path sig = dir.resolve("data." + at.getEpochSecond() + ".sig");
    gpgAt(at, "--local-user", fpr, "--output", sig.toString(), "--detach-sign", data.toString());
    return Files.readAllBytes(sig);
  }

  /** {@code revkey} on the key, or on the key {@code select} selects, for the menu's reason. */
  private void revoke(String fpr, String select, int menu) {
    gpg.editKey(
        REVOKED, fpr, select + "revkey\ny\n" + menu + "\nreason " + code(menu) + "\n\ny\nsave\n");
  }

  private static int code(int menu) {
    return switch (menu) {
      case 1 -> 2;
      case 2 -> 1;
      default -> menu;
    };
  }

  private void gpgAt(Instant at, String... args) {
    List<String> all =
        new ArrayList<>(List.of("--faked-system-time", Gpg.fakedTime(at), "--passphrase", ""));
    all.addAll(List.of(args));
    gpg.run(new byte[0], all.toArray(new String[0])).ok();
  }

  private boolean sqopVerifies(byte[] signature, String armored) throws Exception {
    Path sig = Files.write(dir.resolve("sqop.sig"), signature);
    Path cert = Files.writeString(dir.resolve("cert.asc"), armored);
    return Tool.sqop(DATA, "verify", sig.toString(), cert.toString()).code() == 0;
  }

  private String gpgStatus(byte[] signature) throws Exception {
    Path data = Files.write(dir.resolve("data"), DATA);
    Path sig = Files.write(dir.resolve("status.sig"), signature);
    Tool.Result r =
        gpg.run(new byte[0], "--status-fd", "2", "--verify", sig.toString(), data.toString());
    assertThat(r.code()).as("gpg --verify exits 0 for a revoked key's good signature").isZero();
    return r.err();
  }

  private static SignatureVerification verify(byte[] signature, PgpCertificate cert) {
    return ShortSignatureHashTest.verify(DATA, signature, cert);
  }
}
