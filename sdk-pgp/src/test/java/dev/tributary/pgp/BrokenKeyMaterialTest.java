package dev.tributary.pgp;

import static dev.tributary.pgp.EncryptDecryptTest.TEXT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tributary.core.SystemException;
import dev.tributary.core.auth.Secret;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bouncycastle.bcpg.BCPGKey;
import org.bouncycastle.bcpg.HashAlgorithmTags;
import org.bouncycastle.bcpg.PublicKeyAlgorithmTags;
import org.bouncycastle.bcpg.PublicKeyPacket;
import org.bouncycastle.bcpg.PublicSubkeyPacket;
import org.bouncycastle.bcpg.RSAPublicBCPGKey;
import org.bouncycastle.bcpg.sig.KeyFlags;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPPrivateKey;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPPublicKeyRing;
import org.bouncycastle.openpgp.PGPSecretKey;
import org.bouncycastle.openpgp.PGPSignature;
import org.bouncycastle.openpgp.PGPSignatureGenerator;
import org.bouncycastle.openpgp.PGPSignatureSubpacketGenerator;
import org.bouncycastle.openpgp.operator.bc.BcKeyFingerprintCalculator;
import org.bouncycastle.openpgp.operator.bc.BcPGPContentSignerBuilder;
import org.junit.jupiter.api.Test;

/**
 * Keys whose public key material is invalid but correctly bound, so that they are selected and
 * BouncyCastle fails only when it uses them. (For an even RSA modulus, an exponent of 0, an ECDH
 * point that is too short or off the curve, BouncyCastle 1.87 throws a PGPException; an X25519 key
 * of the wrong length cannot even be parsed. No input was found that makes it throw one of its
 * RuntimeExceptions, which are wrapped all the same.)
 */
class BrokenKeyMaterialTest {
  /**
   * A certificate whose only encryption subkey is RSA with an even 3072-bit modulus, bound by a
   * valid subkey binding signature of a freshly generated primary key.
   */
  static PgpCertificate certificateWithAnEvenRsaModulus() throws Exception {
    return certificateWith(
        PublicKeyAlgorithmTags.RSA_GENERAL,
        new RSAPublicBCPGKey(BigInteger.ONE.shiftLeft(3071), BigInteger.valueOf(65537)));
  }

  static PgpCertificate certificateWith(int algorithm, BCPGKey material) throws Exception {
    PgpKey key = PgpKey.generate(KeyProfile.CURVE25519, "broken <b@example.com>", Secret.empty());
    PGPSecretKey primarySecret = key.ring().getSecretKey();
    PGPPublicKey primary = primarySecret.getPublicKey();
    PGPPrivateKey signer = primarySecret.extractPrivateKey(null);
    Date created = primary.getCreationTime();
    PGPPublicKey sub =
        new PGPPublicKey(
            new PublicSubkeyPacket(PublicKeyPacket.VERSION_4, algorithm, created, material),
            new BcKeyFingerprintCalculator());
    PGPSignatureGenerator gen =
        new PGPSignatureGenerator(
            new BcPGPContentSignerBuilder(primary.getAlgorithm(), HashAlgorithmTags.SHA256),
            primary);
    gen.init(PGPSignature.SUBKEY_BINDING, signer);
    PGPSignatureSubpacketGenerator hashed = new PGPSignatureSubpacketGenerator();
    hashed.setSignatureCreationTime(true, created);
    hashed.setKeyFlags(true, KeyFlags.ENCRYPT_COMMS | KeyFlags.ENCRYPT_STORAGE);
    hashed.setIssuerFingerprint(false, primary);
    gen.setHashedSubpackets(hashed.generate());
    PGPPublicKey bound =
        PGPPublicKey.addCertification(sub, gen.generateCertification(primary, sub));
    List<PGPPublicKey> keys = new ArrayList<>(List.of(primary, bound));
    return new PgpCertificate(new PGPPublicKeyRing(keys));
  }

  @Test
  void encrypt_toAKeyBouncyCastleCannotUse_failsInOurWords() throws Exception {
    PgpEncryptor encryptor =
        PgpEncryptor.builder().recipient(certificateWithAnEvenRsaModulus()).build();
    assertThatThrownBy(
            () -> encryptor.encrypt(new ByteArrayInputStream(TEXT), new ByteArrayOutputStream()))
        .isInstanceOfSatisfying(
            SystemException.class, e -> assertThat(e.getCause()).isInstanceOf(PGPException.class))
        .hasMessage(
            "cannot start the OpenPGP message: the session key cannot be encrypted to the"
                + " recipients' keys, or the AES-256 cipher cannot be set up")
        .message()
        .doesNotContainIgnoringCase("bouncycastle")
        .doesNotContainIgnoringCase("modulus");
  }
}
