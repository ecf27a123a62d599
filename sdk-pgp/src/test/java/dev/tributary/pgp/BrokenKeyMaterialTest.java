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
import java.util.Random;
import org.bouncycastle.bcpg.BCPGKey;
import org.bouncycastle.bcpg.ElGamalPublicBCPGKey;
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

  // BouncyCastle encrypts to any ElGamal numbers, giving a message nobody can decrypt: an even
  // "prime" (2^3071), a generator of 0 or 1, a public value outside 2..p-2.
  @Test
  void encrypt_toAnElGamalKeyWithInvalidParameters_isRefusedWithTheReason() throws Exception {
    BigInteger odd = new BigInteger(3072, new Random(5)).setBit(3071).setBit(0);
    BigInteger[][] invalid = {
      {BigInteger.ONE.shiftLeft(3071), BigInteger.TWO, BigInteger.valueOf(3)},
      {odd, BigInteger.ZERO, BigInteger.valueOf(3)},
      {odd, BigInteger.ONE, BigInteger.valueOf(3)},
      {odd, BigInteger.TWO, odd.subtract(BigInteger.ONE)},
      {odd, BigInteger.TWO, BigInteger.ONE},
    };
    for (BigInteger[] pgy : invalid) {
      PgpCertificate cert =
          certificateWith(
              PublicKeyAlgorithmTags.ELGAMAL_ENCRYPT,
              new ElGamalPublicBCPGKey(pgy[0], pgy[1], pgy[2]));
      assertThatThrownBy(() -> PgpEncryptor.builder().recipient(cert).build())
          .as("p %s..., g %s", pgy[0].toString(16).substring(0, 4), pgy[1])
          .isInstanceOf(PgpKeyException.class)
          .hasMessageContaining("has no key we may encrypt to")
          .hasMessageContaining(
              "its ElGamal numbers are invalid (the prime must be odd, the generator and the"
                  + " public value between 2 and p - 2)");
    }
    // Numbers of the right form are still taken (this checks form, not primality).
    PgpCertificate wellFormed =
        certificateWith(
            PublicKeyAlgorithmTags.ELGAMAL_ENCRYPT,
            new ElGamalPublicBCPGKey(
                odd, BigInteger.TWO, BigInteger.TWO.modPow(odd.shiftRight(1), odd)));
    PgpEncryptor.builder()
        .recipient(wellFormed)
        .build()
        .encrypt(new ByteArrayInputStream(TEXT), new ByteArrayOutputStream());
  }
}
