package dev.tributary.pgp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tributary.pgp.KeyValidityCases.Case;
import dev.tributary.pgp.KeyValidityCases.Outcome;
import dev.tributary.testing.RequiresProgram;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * What sqop 0.27.3 and GnuPG 2.2.40 make of the crafted certificates of {@link KeyValidityCases}:
 * {@code sqop encrypt} and {@code gpg --encrypt -r}, and {@code sqop verify} and {@code gpg
 * --verify} of a signature by the signing subkey and one by the primary key. Where we and sqop
 * differ, gpg sides with us: a subkey revoked as retired and bound again (sqop takes the newer
 * binding; we and gpg keep it revoked), and a primary key whose direct-key signature and user ID's
 * disagree on whether it signs (gpg reads the direct-key signature's flags, sqop the user ID's, RFC
 * 9580 does not say; we let it do only what both allow). A binding older than its subkey is the one
 * case where both encrypt (OpenPGP.js 6 too: {@link KeyValidityOpenPgpJsInteropTest}) and we do
 * not: BouncyCastle refuses a signature older than its key, and RFC 9580 does not say either way.
 */
@RequiresProgram(value = "gpg", debianPackage = "gnupg")
@RequiresProgram(value = "sqop", debianPackage = "sqop")
class KeyValidityInteropTest {
  static final List<Case> CASES = KeyValidityCases.CASES;

  @TempDir Path dir;

  @ParameterizedTest(name = "{0}")
  @FieldSource("CASES")
  void sqopAndGpg(Case c) throws Exception {
    CraftedCertificate crafted = c.key().get();
    PgpCertificate cert = crafted.certificate();
    Path certFile = Files.writeString(dir.resolve("cert.asc"), crafted.armoredCertificate());
    Path data = Files.write(dir.resolve("data"), CraftedCertificate.DATA);
    Path bySubkey = Files.write(dir.resolve("subkey.sig"), signature(crafted, false));
    Path byPrimary = Files.write(dir.resolve("primary.sig"), signature(crafted, true));

    Outcome sqop =
        new Outcome(
            Tool.sqop(CraftedCertificate.DATA, "encrypt", certFile.toString()).code() == 0,
            sqopVerifies(bySubkey, certFile),
            sqopVerifies(byPrimary, certFile));
    Outcome gpg;
    try (Gpg home = new Gpg()) {
      home.run(Files.readAllBytes(certFile), "--import");
      gpg =
          new Outcome(
              home.run(CraftedCertificate.DATA, "--encrypt", "-r", cert.fingerprint()).code() == 0,
              home.run(new byte[0], "--verify", bySubkey.toString(), data.toString()).code() == 0,
              home.run(new byte[0], "--verify", byPrimary.toString(), data.toString()).code() == 0);
    }

    assertThat(List.of(sqop, gpg)).as("sqop, gpg").containsExactly(c.sqop(), c.gpg());
  }

  private static boolean sqopVerifies(Path signature, Path cert) {
    return Tool.sqop(CraftedCertificate.DATA, "verify", signature.toString(), cert.toString())
            .code()
        == 0;
  }

  private static byte[] signature(CraftedCertificate crafted, boolean primaryKey) {
    return crafted.signature(primaryKey, KeyValidityCases.NOW.minus(Duration.ofHours(1)));
  }
}
