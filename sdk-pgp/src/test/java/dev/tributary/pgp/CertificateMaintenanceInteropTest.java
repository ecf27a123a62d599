package dev.tributary.pgp;

import static dev.tributary.pgp.CertificateMaintenanceTest.ALICE;
import static dev.tributary.pgp.CertificateMaintenanceTest.CA;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tributary.core.auth.Secret;
import dev.tributary.testing.RequiresProgram;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Certifications and certificate updates between us and GnuPG 2.2 (sqop 0.27.3 has none of the
 * draft's certificate-maintenance verbs): GnuPG checks our certification, we check GnuPG's, and a
 * certificate GnuPG added a user ID and a subkey to merges here and goes back to GnuPG intact.
 */
@RequiresProgram(value = "gpg", debianPackage = "gnupg")
class CertificateMaintenanceInteropTest {
  @RegisterExtension final Gpg gpg = Gpg.perTest();
  @RegisterExtension final Gpg fresh = Gpg.perTest();

  final PgpKey alice = PgpKey.generate(KeyProfile.CURVE25519, ALICE, Secret.empty());

  /** The colon-listing lines of {@code gpg --check-sigs} for {@code fingerprint}. */
  static List<String[]> checkedSignatures(Gpg gpg, String fingerprint) {
    return gpg.run(new byte[0], "--with-colons", "--check-sigs", fingerprint)
        .ok()
        .text()
        .lines()
        .map(l -> l.split(":", -1))
        .toList();
  }

  @Test
  void gpgChecksOurCertification_asGood() {
    PgpKey ca = PgpKey.generate(KeyProfile.CURVE25519, CA, Secret.empty());
    PgpCertificate certified = ca.certify(alice.certificate(), List.of(ALICE));

    gpg.importKey(ca.certificate().armored()).importKey(certified.armored());

    List<String[]> lines = checkedSignatures(gpg, alice.fingerprint());
    assertThat(lines)
        .as("a good (!) certification (10x) by the CA's key")
        .anyMatch(
            f ->
                f[0].equals("sig")
                    && f[1].equals("!")
                    && f[4].equals(ca.keyId())
                    && f[10].startsWith("10"));
    assertThat(lines).noneMatch(f -> f[0].equals("sig") && f[1].equals("-"));
  }

  @Test
  void gpgsCertification_isCertifiedByItsKeyHere_andByNoOther() {
    gpg.run(new byte[0], "--passphrase", "", "--quick-gen-key", CA, "future-default", "cert").ok();
    PgpCertificate gpgCa =
        PgpCertificate.parse(gpg.run(new byte[0], "--armor", "--export", CA).ok().text());
    gpg.importKey(alice.certificate().armored());

    gpg.run(new byte[0], "--quick-sign-key", alice.fingerprint(), ALICE).ok();
    PgpCertificate signed =
        PgpCertificate.parse(
            gpg.run(new byte[0], "--armor", "--export", alice.fingerprint()).ok().text());

    Instant now = Instant.now().plusSeconds(1);
    assertThat(signed.userIdsCertifiedBy(List.of(gpgCa), now)).containsExactly(ALICE);
    assertThat(alice.certificate().merge(signed).userIdsCertifiedBy(List.of(gpgCa), now))
        .containsExactly(ALICE);
    PgpKey other = PgpKey.generate(KeyProfile.CURVE25519, "Other", Secret.empty());
    assertThat(signed.userIdsCertifiedBy(List.of(other.certificate()), now)).isEmpty();
  }

  @Test
  void certificateGpgAddedAUserIdAndSubkeyTo_mergesHere_andImportsIntoGpgIntact() {
    gpg.importKey(alice.armored().reveal());
    String work = "Alice Work <alice@work.example>";
    gpg.run(new byte[0], "--quick-add-uid", alice.fingerprint(), work).ok();
    gpg.run(
            new byte[0],
            "--passphrase",
            "",
            "--quick-add-key",
            alice.fingerprint(),
            "ed25519",
            "sign")
        .ok();
    PgpCertificate updated =
        PgpCertificate.parse(
            gpg.run(new byte[0], "--armor", "--export", alice.fingerprint()).ok().text());

    PgpCertificate merged = alice.certificate().merge(updated);

    assertThat(merged.userIds()).containsExactlyInAnyOrder(ALICE, work);
    assertThat(merged.describe().keys()).hasSize(4);
    assertThat(merged.describe().keys().get(3).canSign()).isTrue();
    fresh.importKey(merged.armored());
    List<String[]> lines = checkedSignatures(fresh, alice.fingerprint());
    assertThat(lines.stream().filter(f -> f[0].equals("uid")).map(f -> f[9]))
        .containsExactlyInAnyOrder(ALICE, work);
    assertThat(lines.stream().filter(f -> f[0].equals("sub"))).hasSize(3);
    assertThat(lines.stream().filter(f -> f[0].equals("sig")))
        .isNotEmpty()
        .allMatch(f -> f[1].equals("!"));
  }

  @Test
  void gpgKeyExpiringIn30Days_renewedHere_expiresBeyondTheWindowInGpg_andIsNotRenewedAgain()
      throws Exception {
    gpg.run(
            new byte[0],
            "--passphrase",
            "",
            "--quick-gen-key",
            ALICE,
            "future-default",
            "default",
            "30d")
        .ok();
    String fingerprint = colons(gpg, ALICE, "fpr").get(0)[9];
    gpg.run(
            new byte[0],
            "--passphrase",
            "",
            "--quick-add-key",
            fingerprint,
            "ed25519",
            "sign",
            "30d")
        .ok();
    PgpKey key =
        PgpKey.parse(
            gpg.run(new byte[0], "--armor", "--export-secret-keys", fingerprint).ok().text(),
            Secret.empty());

    List<String[]> before = colons(gpg, fingerprint, "pub", "sub");
    Thread.sleep(1100); // renewed a whole second later: expiry times are seconds

    PgpKey renewed = key.renew(Duration.ofDays(90));
    long window = Instant.now().plus(Duration.ofDays(90)).getEpochSecond();

    fresh.importKey(renewed.certificate().armored());
    List<String[]> after = colons(fresh, fingerprint, "pub", "sub");
    assertThat(after).hasSize(3);
    for (int i = 0; i < 3; i++) {
      String old = before.get(i)[6];
      String now = after.get(i)[6];
      // each key that expired in 30 days now expires beyond the 90-day window (twice it after the
      // renewal), as GnuPG reads it; one that did not expire still does not
      if (old.isEmpty()) {
        assertThat(now).isEmpty();
      } else {
        assertThat(Long.parseLong(now)).isGreaterThan(Long.parseLong(old)).isGreaterThan(window);
      }
    }
    assertThat(renewed.renew(Duration.ofDays(90)).encoded())
        .as("renewed beyond the window: a second run finds nothing to do")
        .isEqualTo(renewed.encoded());
    assertThat(checkedSignatures(fresh, fingerprint).stream().filter(f -> f[0].equals("sig")))
        .isNotEmpty()
        .allMatch(f -> f[1].equals("!"));
    assertThat(renewed.describe().keys().get(2).canSign()).isTrue();
  }

  /** The fields of {@code gpg --list-keys --with-colons} lines of the given record types. */
  static List<String[]> colons(Gpg gpg, String which, String... types) {
    List<String> wanted = List.of(types);
    return gpg.run(new byte[0], "--with-colons", "--list-keys", which)
        .ok()
        .text()
        .lines()
        .map(l -> l.split(":", -1))
        .filter(f -> wanted.contains(f[0]))
        .toList();
  }
}
