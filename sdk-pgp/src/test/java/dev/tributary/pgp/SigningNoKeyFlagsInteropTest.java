package dev.tributary.pgp;

import static dev.tributary.pgp.CraftedCertificate.CERTIFY;
import static dev.tributary.pgp.CraftedCertificate.ENCRYPT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tributary.pgp.CraftedCertificate.Sig;
import dev.tributary.testing.RequiresProgram;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * What sqop 0.27.3 and GnuPG 2.2.40 do with a signing subkey whose only binding signature carries
 * no key flags (RFC 9580, section 5.2.3.29), asked to sign with it and to verify a signature it
 * made. sqop refuses both, as we do ({@link SigningNoKeyFlagsTest}: "its newest binding signature
 * gives it no key flags …"): {@code sqop sign} exits 79 (KEY_CANNOT_SIGN, "Key not
 * signing-capable"), {@code sqop verify} 3 (NO_SIGNATURE). GnuPG goes by the algorithm instead, as
 * it does for an encryption subkey without flags: it lists the EdDSA subkey as one that signs
 * ({@code sca}) and signs with it; it verifies the signature only if the binding embeds a primary
 * key binding signature (a "cross-certification"), and otherwise signs what it then cannot verify
 * ("not cross-certified").
 */
@RequiresProgram(value = "gpg", debianPackage = "gnupg")
@RequiresProgram(value = "sqop", debianPackage = "sqop")
class SigningNoKeyFlagsInteropTest {
  @RegisterExtension final Gpg gpg = Gpg.perTest();
  @TempDir Path dir;

  static CraftedCertificate withoutFlags(Sig binding) {
    return new CraftedCertificate()
        .primary(Sig.userId(CERTIFY))
        .signingSubkey(binding)
        .encryptionSubkey(Sig.binding(ENCRYPT));
  }

  /** The subkey's key ID as gpg prints it, with "!" to make gpg use that very subkey. */
  static String exactly(CraftedCertificate c) {
    return SigningNoKeyFlagsTest.keyId(c.signing.getPublicKey().getKeyID()) + "!";
  }

  @Test
  void subkeyWithoutKeyFlags_sqopRefusesToSignAndVerify_gpgSignsByTheAlgorithm() throws Exception {
    CraftedCertificate c = withoutFlags(Sig.binding(null).backWithoutFlags());
    PgpKey key = c.key();
    String armoredKey = key.armored().reveal();
    Path secret = Files.writeString(dir.resolve("key.sec"), armoredKey);
    Path cert = Files.writeString(dir.resolve("cert.asc"), c.armoredCertificate());
    Path data = Files.write(dir.resolve("data"), CraftedCertificate.DATA);
    Path signature = Files.write(dir.resolve("data.sig"), signatureAnHourAgo(c));

    assertThatThrownBy(() -> CraftedCertificate.sign(key))
        .isInstanceOf(PgpKeyCannotSignException.class)
        .hasMessage(SigningNoKeyFlagsTest.refusal(c));
    assertThat(c.verification(c.certificate(), false).problem())
        .endsWith(SigningNoKeyFlagsTest.NO_KEY_FLAGS);

    Tool.Result sqopSign = Tool.sqop(CraftedCertificate.DATA, "sign", secret.toString());
    assertThat(sqopSign.code()).as(sqopSign.err()).isEqualTo(79);
    assertThat(sqopSign.err()).contains("Key not signing-capable");
    assertThat(sqopSign.out()).isEmpty();
    Tool.Result sqopVerify =
        Tool.sqop(CraftedCertificate.DATA, "verify", signature.toString(), cert.toString());
    assertThat(sqopVerify.code()).as(sqopVerify.err()).isEqualTo(3);

    gpg.run(armoredKey.getBytes(StandardCharsets.US_ASCII), "--import").ok();
    assertThat(gpg.records("ssb", "--list-secret-keys"))
        .anySatisfy(
            r -> {
              assertThat(r[4]).isEqualTo(exactly(c).substring(0, 16));
              assertThat(r[11]).isEqualTo("sca");
            });
    Tool.Result gpgSign =
        gpg.run(CraftedCertificate.DATA, "--local-user", exactly(c), "--detach-sign");
    assertThat(gpgSign.code()).as(gpgSign.err()).isZero();
    Path bySubkey = Files.write(dir.resolve("by-gpg.sig"), gpgSign.out());
    Tool.Result gpgVerify = gpg.run(new byte[0], "--verify", bySubkey.toString(), data.toString());
    assertThat(gpgVerify.code()).as(gpgVerify.err()).isZero();
    Tool.Result gpgVerifyOurs =
        gpg.run(new byte[0], "--verify", signature.toString(), data.toString());
    assertThat(gpgVerifyOurs.code()).as(gpgVerifyOurs.err()).isZero();
  }

  @Test
  void subkeyWithoutKeyFlagsOrCrossCertification_gpgSignsWhatItCannotVerify() throws Exception {
    CraftedCertificate c = withoutFlags(Sig.binding(null));
    PgpKey key = c.key();
    Path data = Files.write(dir.resolve("data"), CraftedCertificate.DATA);

    assertThatThrownBy(() -> CraftedCertificate.sign(key))
        .isInstanceOf(PgpKeyCannotSignException.class)
        .hasMessage(SigningNoKeyFlagsTest.refusal(c));

    gpg.run(key.armored().reveal().getBytes(StandardCharsets.US_ASCII), "--import").ok();
    Tool.Result gpgSign =
        gpg.run(CraftedCertificate.DATA, "--local-user", exactly(c), "--detach-sign");
    assertThat(gpgSign.code()).as(gpgSign.err()).isZero();
    Path bySubkey = Files.write(dir.resolve("by-gpg.sig"), gpgSign.out());
    Tool.Result gpgVerify = gpg.run(new byte[0], "--verify", bySubkey.toString(), data.toString());
    assertThat(gpgVerify.code()).as(gpgVerify.err()).isEqualTo(2);
    assertThat(gpgVerify.err()).contains("is not cross-certified");
  }

  private static byte[] signatureAnHourAgo(CraftedCertificate c) {
    return c.signature(false, KeyValidityCases.NOW.minus(Duration.ofHours(1)));
  }
}
