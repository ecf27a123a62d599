package dev.tributary.pgp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tributary.testing.RequiresProgram;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * What GnuPG 2.2.40 and sqop 0.27.3 make of {@link ReboundSubkeyTest}'s subkeys, revoked as retired
 * and bound again: sqop takes the newer binding for both (it verifies the signing subkey's
 * signature and encrypts to the encryption subkey); gpg lists both subkeys as revoked, refuses to
 * encrypt, and reports the signature as good but made by a revoked key ({@code REVKEYSIG}, exit 0).
 * We verify the signature, as sqop, and do not encrypt, as gpg (and OpenPGP.js: {@link
 * KeyValidityCases}); {@code describe()} says so.
 */
@RequiresProgram(value = "gpg", debianPackage = "gnupg")
@RequiresProgram(value = "sqop", debianPackage = "sqop")
class ReboundSubkeyInteropTest {
  @RegisterExtension final Gpg gpg = Gpg.perTest();
  @TempDir Path dir;

  @Test
  void softRevokedAndBoundAgain_sqopTakesTheNewBinding_gpgKeepsTheRevocation() throws Exception {
    CraftedCertificate c = ReboundSubkeyTest.rebound();
    PgpCertificate cert = c.certificate();
    Path certFile = Files.writeString(dir.resolve("cert.asc"), c.armoredCertificate());
    Path data = Files.write(dir.resolve("data"), CraftedCertificate.DATA);
    byte[] signature = c.signature(false, KeyValidityCases.NOW.minus(Duration.ofHours(1)));
    Path sig = Files.write(dir.resolve("data.sig"), signature);

    assertThat(
            Tool.sqop(CraftedCertificate.DATA, "verify", sig.toString(), certFile.toString())
                .code())
        .as("sqop verify")
        .isZero();
    assertThat(Tool.sqop(CraftedCertificate.DATA, "encrypt", certFile.toString()).code())
        .as("sqop encrypt")
        .isZero();

    gpg.run(Files.readAllBytes(certFile), "--import").ok();
    List<String> validities =
        gpg.run(
                new byte[0],
                "--list-options",
                "show-unusable-subkeys",
                "--with-colons",
                "--list-keys",
                cert.fingerprint())
            .ok()
            .text()
            .lines()
            .filter(l -> l.startsWith("sub:"))
            .map(l -> l.split(":", -1)[1])
            .toList();
    assertThat(validities).as("gpg's validity of the subkeys").containsExactly("r", "r");
    Tool.Result verified =
        gpg.run(new byte[0], "--status-fd", "1", "--verify", sig.toString(), data.toString());
    assertThat(verified.code()).as(verified.err()).isZero();
    assertThat(verified.text()).contains("[GNUPG:] REVKEYSIG ").doesNotContain("GOODSIG");
    assertThat(gpg.run(CraftedCertificate.DATA, "--encrypt", "-r", cert.fingerprint()).code())
        .as("gpg --encrypt")
        .isNotZero();

    assertThat(c.verification(cert, false).valid()).isTrue();
    assertThat(cert.describe().keys().subList(1, 3))
        .extracting(ComponentKey::revoked, ComponentKey::usable)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(false, true),
            org.assertj.core.groups.Tuple.tuple(true, false));
  }
}
