package dev.tributary.pgp;

import static dev.tributary.pgp.EncryptDecryptTest.TEXT;
import static dev.tributary.pgp.EncryptDecryptTest.encrypt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tributary.core.auth.Secret;
import dev.tributary.testing.RequiresProgram;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Keys to which {@code gpg --edit-key … addrevoker} added a designated revoker. GnuPG 2.2 puts the
 * Revocation Key subpacket on a direct-key signature of its own (0x1F) that carries no key flags
 * and no expiry; those stay on the primary user ID's self-signature, where GnuPG and Sequoia still
 * read them. BouncyCastle read the newer direct-key signature alone: an expired certificate was
 * encrypted to, and a primary key that signs was no signing key, so GnuPG's signatures by it were
 * refused and it could not sign here. Found by the tester (the fail-open "designated revoker"
 * report, repro files in {@code /tmp/explore-gpg2}).
 */
@RequiresProgram(value = "gpg", debianPackage = "gnupg")
class DesignatedRevokerInteropTest {
  @RegisterExtension final Gpg gpg = Gpg.perTest();
  @TempDir Path dir;

  @Test
  void expiredCertificate_withADesignatedRevoker_isNotEncryptedTo_namingTheExpiry() {
    Instant created = Instant.parse("2023-01-01T00:00:00Z");
    String fpr = gpgKey("RvkExp <rvkexp@example.com>", created, "1y");
    gpg(created.plus(Duration.ofDays(1)), "--quick-add-key", fpr, "cv25519", "encr", "never");
    addRevoker(fpr, created.plus(Duration.ofDays(2)));
    PgpCertificate cert = PgpCertificate.parse(export(fpr));

    assertThatThrownBy(() -> encrypt(PgpEncryptor.builder().recipient(cert).build(), TEXT))
        .isInstanceOf(PgpKeyCannotEncryptException.class)
        .hasMessageContaining("the whole certificate expired on 2024-01-01");
    assertThat(gpg.run(TEXT, "--encrypt", "--recipient", fpr).code())
        .as("gpg refuses it too")
        .isNotZero();
  }

  @Test
  void validKey_withADesignatedRevoker_isDescribedAsGpgListsIt() {
    String fpr = signingKeyWithRevoker();
    String[] pub = CertificateMaintenanceInteropTest.colons(gpg, fpr, "pub").get(0);

    ComponentKey primary = PgpCertificate.parse(export(fpr)).describe().keys().get(0);

    assertThat(pub[11]).as("gpg's capabilities").isEqualTo("scSC");
    assertThat(primary.capabilities()).isEqualTo(Set.of(KeyCapability.SIGN, KeyCapability.CERTIFY));
    assertThat(primary.expires()).isEqualTo(Instant.ofEpochSecond(Long.parseLong(pub[6])));
  }

  @Test
  void gpgsSignature_byAKeyWithADesignatedRevoker_verifies() {
    String fpr = signingKeyWithRevoker();
    byte[] signature = gpg.run(TEXT, "--local-user", fpr, "--detach-sign").ok().out();

    List<SignatureVerification> v =
        PgpSignatures.verify(
            new ByteArrayInputStream(TEXT),
            new ByteArrayInputStream(signature),
            List.of(PgpCertificate.parse(export(fpr))),
            PgpPolicy.defaults());

    assertThat(v).singleElement().matches(SignatureVerification::valid, "valid");
  }

  @Test
  void keyWithADesignatedRevoker_signs_andGpgVerifiesTheSignature() throws Exception {
    String fpr = signingKeyWithRevoker();
    String secret = gpg.run(new byte[0], "--armor", "--export-secret-keys", fpr).ok().text();
    PgpKey key = PgpKey.parse(secret, Secret.empty());
    ByteArrayOutputStream signature = new ByteArrayOutputStream();

    PgpSignatures.sign(new ByteArrayInputStream(TEXT), signature, List.of(key), false);

    Path data = Files.write(dir.resolve("data"), TEXT);
    Path sig = Files.write(dir.resolve("data.sig"), signature.toByteArray());
    String status =
        gpg.run(new byte[0], "--status-fd", "2", "--verify", sig.toString(), data.toString())
            .ok()
            .err();
    assertThat(status).contains("[GNUPG:] GOODSIG " + fpr.substring(24));
  }

  /**
   * Pin: a revocation by the designated revoker ({@code gpg --desig-revoke}) is not taken into
   * account, as in Sequoia's {@code sqop}: its signature can be checked only against the revoker's
   * certificate, which the revoked certificate does not carry, and an unchecked one could have been
   * made by anyone. GnuPG, with the revoker's key in its keyring, lists the key revoked.
   */
  @Test
  @RequiresProgram(value = "sqop", debianPackage = "sqop")
  void revocationByTheDesignatedRevoker_isNotTakenIntoAccount_asInSequoia() throws Exception {
    String fpr = signingKeyWithRevoker();
    byte[] signature = gpg.run(TEXT, "--local-user", fpr, "--detach-sign").ok().out();
    String revoker = CertificateMaintenanceInteropTest.colons(gpg, fpr, "rvk").get(0)[9];
    Path revocation = dir.resolve("desig.rev");
    byte[] answers = "y\n1\nleaked\n\ny\n".getBytes(StandardCharsets.UTF_8);
    // gpg makes a designated revocation only when not in batch mode
    Tool.run(
            answers,
            Map.of(),
            List.of(
                "gpg",
                "--homedir",
                gpg.home.toString(),
                "--no-tty",
                "--pinentry-mode",
                "loopback",
                "--passphrase",
                "",
                "--command-fd",
                "0",
                "--armor",
                "--output",
                revocation.toString(),
                "--desig-revoke",
                fpr))
        .ok();
    gpg.importKey(Files.readString(revocation));
    String armored = export(fpr);
    assertThat(CertificateMaintenanceInteropTest.colons(gpg, fpr, "pub").get(0)[1])
        .as("gpg's validity")
        .isEqualTo("r");
    assertThat(gpg.run(armored.getBytes(StandardCharsets.US_ASCII), "--list-packets").ok().text())
        .contains("keyid " + revoker.substring(24))
        .contains("revocation reason 0x02 (leaked)");
    PgpCertificate cert = PgpCertificate.parse(armored);

    ComponentKey primary = cert.describe().primaryKey();

    assertThat(primary.revoked()).isFalse();
    assertThat(primary.usable()).isTrue();
    assertThat(ShortSignatureHashTest.verify(TEXT, signature, cert).valid()).isTrue();
    Path sig = Files.write(dir.resolve("data.sig"), signature);
    Path certFile = Files.writeString(dir.resolve("cert.asc"), armored);
    assertThat(Tool.sqop(TEXT, "verify", sig.toString(), certFile.toString()).code())
        .as("sqop verify")
        .isZero();
  }

  /**
   * An Ed25519 key that signs and certifies and expires in two years, made two days ago, with a
   * designated revoker added a day later: the direct-key signature is the newer one.
   */
  private String signingKeyWithRevoker() {
    Instant created = Instant.now().minus(Duration.ofDays(2));
    String fpr = gpgKey("Certified <certified@example.com>", created, "2y");
    addRevoker(fpr, created.plus(Duration.ofDays(1)));
    return fpr;
  }

  private String gpgKey(String userId, Instant created, String expiry) {
    gpg(created, "--quick-gen-key", userId, "ed25519", "sign,cert", expiry);
    return CertificateMaintenanceInteropTest.colons(gpg, userId, "fpr").get(0)[9];
  }

  /** {@code addrevoker} through gpg's edit menu, naming a second key made for the purpose. */
  private void addRevoker(String fpr, Instant when) {
    String revoker = gpgKey("Revoker <revoker@example.com>", when.minusSeconds(60), "never");
    byte[] commands = ("addrevoker\n" + revoker + "\ny\nsave\n").getBytes(StandardCharsets.UTF_8);
    gpg.run(commands, "--faked-system-time", at(when), "--command-fd", "0", "--edit-key", fpr).ok();
    assertThat(gpg.run(new byte[0], "--with-colons", "--list-keys", fpr).ok().text())
        .as("the revoker is on the key")
        .contains("rvk:");
  }

  /** Runs gpg (keys without a passphrase) as if the clock read {@code when}. */
  private void gpg(Instant when, String... args) {
    List<String> all = new java.util.ArrayList<>(List.of("--faked-system-time", at(when)));
    all.addAll(List.of("--passphrase", ""));
    all.addAll(List.of(args));
    gpg.run(new byte[0], all.toArray(new String[0])).ok();
  }

  private String export(String fpr) {
    return gpg.run(new byte[0], "--armor", "--export", fpr).ok().text();
  }

  private static String at(Instant instant) {
    return Gpg.fakedTime(instant);
  }
}
