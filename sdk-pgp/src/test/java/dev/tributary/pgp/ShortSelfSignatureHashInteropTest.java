package dev.tributary.pgp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tributary.pgp.ShortSelfSignatureHashTest.Builder;
import dev.tributary.testing.RequiresProgram;
import java.nio.charset.StandardCharsets;
import org.bouncycastle.bcpg.HashAlgorithmTags;
import org.bouncycastle.bcpg.sig.KeyFlags;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * GnuPG, too, refuses a subkey binding whose hash is too short for the P-384 key that made it
 * (SHA-256): it will not encrypt to that subkey, as we will not ({@link
 * ShortSelfSignatureHashTest}), and encrypts to the same key bound with SHA-384.
 */
@RequiresProgram(value = "gpg", debianPackage = "gnupg")
class ShortSelfSignatureHashInteropTest {
  @RegisterExtension final Gpg gpg = Gpg.perTest();

  @Test
  void gpgRefusesASha256BindingByAP384Key_asWeDo() throws Exception {
    PgpKey tooShort = p384Key(HashAlgorithmTags.SHA256);
    Tool.Result imported =
        gpg.run(tooShort.certificate().armored().getBytes(StandardCharsets.US_ASCII), "--import");
    assertThat(imported.err())
        .contains("ECDSA key " + tooShort.keyId() + " requires a 384 bit or larger hash");
    Tool.Result r =
        gpg.run(
            "x".getBytes(StandardCharsets.UTF_8),
            "--encrypt",
            "--recipient",
            tooShort.fingerprint());
    assertThat(r.code()).isNotZero();
    assertThat(r.err()).contains("Unusable public key");
    assertThatThrownBy(() -> PgpEncryptor.builder().recipient(tooShort.certificate()).build())
        .isInstanceOf(PgpKeyCannotEncryptException.class);

    PgpKey fine = p384Key(HashAlgorithmTags.SHA384);
    gpg.importKey(fine.certificate().armored());
    gpg.run("x".getBytes(StandardCharsets.UTF_8), "--encrypt", "--recipient", fine.fingerprint())
        .ok();
  }

  private static PgpKey p384Key(int bindingHash) throws Exception {
    return new Builder(ShortSelfSignatureHashTest.p384())
        .userId(
            HashAlgorithmTags.SHA384,
            ShortSelfSignatureHashTest.BOUND,
            KeyFlags.CERTIFY_OTHER | KeyFlags.SIGN_DATA)
        .encryption(bindingHash)
        .build();
  }
}
