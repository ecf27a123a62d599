package dev.tributary.pgp.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tributary.testing.PgpTestKeys;
import dev.tributary.testing.PgpTestKeys.TestKey;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.Iterator;
import java.util.Random;
import org.bouncycastle.bcpg.HashAlgorithmTags;
import org.bouncycastle.bcpg.PublicKeyAlgorithmTags;
import org.bouncycastle.bcpg.PublicKeyPacket;
import org.bouncycastle.bcpg.PublicSubkeyPacket;
import org.bouncycastle.bcpg.RSAPublicBCPGKey;
import org.bouncycastle.openpgp.PGPPrivateKey;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPSecretKey;
import org.bouncycastle.openpgp.PGPSecretKeyRing;
import org.bouncycastle.openpgp.PGPSignature;
import org.bouncycastle.openpgp.PGPSignatureGenerator;
import org.bouncycastle.openpgp.PGPUtil;
import org.bouncycastle.openpgp.operator.PGPContentVerifierBuilderProvider;
import org.bouncycastle.openpgp.operator.bc.BcKeyFingerprintCalculator;
import org.bouncycastle.openpgp.operator.bc.BcPBESecretKeyDecryptorBuilder;
import org.bouncycastle.openpgp.operator.bc.BcPGPContentSignerBuilder;
import org.bouncycastle.openpgp.operator.bc.BcPGPContentVerifierBuilderProvider;
import org.bouncycastle.openpgp.operator.bc.BcPGPDigestCalculatorProvider;
import org.bouncycastle.openpgp.operator.bc.BcPublicKeyKeyEncryptionMethodGenerator;
import org.bouncycastle.openpgp.operator.jcajce.JcePublicKeyKeyEncryptionMethodGenerator;
import org.junit.jupiter.api.Test;

/**
 * RSA through the JDK gives the verdicts BouncyCastle gives, for signatures of every length (an RSA
 * signature with leading zero bytes is shorter than the modulus, which the JDK refuses unless
 * padded back), and keys of the wrong form still go to BouncyCastle, which refuses them.
 */
class JdkRsaTest {
  private static final PGPContentVerifierBuilderProvider BC =
      new BcPGPContentVerifierBuilderProvider();
  private static final PGPContentVerifierBuilderProvider JDK = JdkRsa.verifiers(BC);

  private static PGPSecretKey primary(TestKey key) throws Exception {
    try (InputStream in =
        PGPUtil.getDecoderStream(
            new ByteArrayInputStream(
                key.armoredPrivateKey().getBytes(StandardCharsets.US_ASCII)))) {
      return new PGPSecretKeyRing(in, new BcKeyFingerprintCalculator()).getSecretKey();
    }
  }

  private static PGPPrivateKey unlocked(PGPSecretKey key) throws Exception {
    return key.extractPrivateKey(
        new BcPBESecretKeyDecryptorBuilder(new BcPGPDigestCalculatorProvider()).build(new char[0]));
  }

  private static PGPSignature sign(PGPSecretKey key, PGPPrivateKey priv, byte[] data, int hash)
      throws Exception {
    PGPSignatureGenerator gen =
        new PGPSignatureGenerator(
            new BcPGPContentSignerBuilder(key.getPublicKey().getAlgorithm(), hash),
            key.getPublicKey());
    gen.init(PGPSignature.BINARY_DOCUMENT, priv);
    gen.update(data);
    return gen.generate();
  }

  private static boolean verifies(
      PGPContentVerifierBuilderProvider provider, PGPSignature sig, PGPPublicKey key, byte[] data)
      throws Exception {
    sig.init(provider, key);
    sig.update(data);
    return sig.verify();
  }

  @Test
  void rsaSignatures_getTheSameVerdict_fromTheJdkAndBouncyCastle_shortOnesIncluded()
      throws Exception {
    PGPSecretKey key = primary(PgpTestKeys.WEAK_RSA_1024);
    PGPPrivateKey priv = unlocked(key);
    PGPPublicKey pub = key.getPublicKey();
    assertThat(
            JDK.get(pub.getAlgorithm(), HashAlgorithmTags.SHA256).build(pub).getClass().getName())
        .as("the JDK's verifier, in JdkRsa's wrapper")
        .contains("JdkRsa");
    int modulusBytes = (pub.getBitStrength() + 7) / 8;
    Random random = new Random(3);
    int shortOnes = 0;
    int[] hashes = {
      HashAlgorithmTags.SHA1,
      HashAlgorithmTags.SHA224,
      HashAlgorithmTags.SHA256,
      HashAlgorithmTags.SHA384,
      HashAlgorithmTags.SHA512
    };
    for (int i = 0; i < 3000 && shortOnes < 3; i++) {
      byte[] data = new byte[1 + random.nextInt(100)];
      random.nextBytes(data);
      int hash = hashes[i % hashes.length];
      PGPSignature sig = sign(key, priv, data, hash);
      boolean isShort = sig.getSignature().length < modulusBytes;
      if (isShort) {
        shortOnes++;
      }
      if (isShort || i < 10) {
        assertThat(verifies(JDK, sig, pub, data)).as("signature %d, short %s", i, isShort).isTrue();
        assertThat(verifies(BC, sig, pub, data)).isTrue();
        data[0] ^= 1;
        assertThat(verifies(JDK, sig, pub, data)).as("tampered %d", i).isFalse();
        assertThat(verifies(BC, sig, pub, data)).isFalse();
      }
    }
    assertThat(shortOnes).as("signatures shorter than the modulus").isEqualTo(3);
  }

  @Test
  void otherKeys_andOtherHashes_stayWithBouncyCastle() throws Exception {
    PGPPublicKey bob = primary(PgpTestKeys.BOB_25519).getPublicKey();
    assertThat(
            JDK.get(bob.getAlgorithm(), HashAlgorithmTags.SHA256).build(bob).getClass().getName())
        .doesNotContain("JdkRsa");
    PGPPublicKey alice = primary(PgpTestKeys.ALICE_RSA).getPublicKey();
    // The JDK has no RSA signature with RIPEMD-160, nor SHA-3 under BouncyCastle's names.
    for (int hash :
        new int[] {
          HashAlgorithmTags.SHA3_256, HashAlgorithmTags.MD5, HashAlgorithmTags.RIPEMD160
        }) {
      assertThat(JDK.get(alice.getAlgorithm(), hash).build(alice).getClass().getName())
          .as("hash %d", hash)
          .doesNotContain("JdkRsa");
    }
  }

  @Test
  void aGnuPgKeysSignature_verifiesThroughTheJdk() throws Exception {
    PGPSecretKey key = primary(PgpTestKeys.ALICE_RSA);
    byte[] data = "exports/2026-12-01.csv".getBytes(StandardCharsets.UTF_8);
    PGPSignature sig = sign(key, unlocked(key), data, HashAlgorithmTags.SHA512);
    assertThat(verifies(JDK, sig, key.getPublicKey(), data)).isTrue();
  }

  @Test
  void wellFormedRsa_acceptsRealKeys_andRefusesNumbersOfTheWrongForm() throws Exception {
    assertThat(JdkRsa.wellFormedRsa(primary(PgpTestKeys.ALICE_RSA).getPublicKey())).isTrue();
    assertThat(JdkRsa.wellFormedRsa(primary(PgpTestKeys.BOB_25519).getPublicKey())).isFalse();
    BigInteger n =
        ((RSAPublicBCPGKey)
                primary(PgpTestKeys.ALICE_RSA).getPublicKey().getPublicKeyPacket().getKey())
            .getModulus();
    BigInteger e = BigInteger.valueOf(65537);
    assertThat(JdkRsa.wellFormedRsa(rsaKey(n, e))).isTrue();
    assertThat(JdkRsa.wellFormedRsa(rsaKey(n.add(BigInteger.ONE), e))).as("even").isFalse();
    assertThat(JdkRsa.wellFormedRsa(rsaKey(n.multiply(BigInteger.valueOf(3)), e)))
        .as("a small factor")
        .isFalse();
    assertThat(JdkRsa.wellFormedRsa(rsaKey(n, BigInteger.valueOf(65536)))).as("even e").isFalse();
    assertThat(JdkRsa.wellFormedRsa(rsaKey(n, BigInteger.ONE))).as("e = 1").isFalse();
  }

  @Test
  void keyEncryption_isTheJdksForWellFormedRsaOnly() throws Exception {
    Iterator<PGPPublicKey> alice = publicKeys(PgpTestKeys.ALICE_RSA);
    alice.next();
    PGPPublicKey aliceSubkey = alice.next();
    assertThat(JdkRsa.keyEncryption(aliceSubkey))
        .isInstanceOf(JcePublicKeyKeyEncryptionMethodGenerator.class);
    BigInteger even = BigInteger.ONE.shiftLeft(3071);
    assertThat(JdkRsa.keyEncryption(rsaKey(even, BigInteger.valueOf(65537))))
        .isInstanceOf(BcPublicKeyKeyEncryptionMethodGenerator.class);
  }

  private static Iterator<PGPPublicKey> publicKeys(TestKey key) throws IOException {
    try (InputStream in =
        PGPUtil.getDecoderStream(
            new ByteArrayInputStream(
                key.armoredPrivateKey().getBytes(StandardCharsets.US_ASCII)))) {
      return new PGPSecretKeyRing(in, new BcKeyFingerprintCalculator()).getPublicKeys();
    } catch (org.bouncycastle.openpgp.PGPException e) {
      throw new IOException(e);
    }
  }

  private static PGPPublicKey rsaKey(BigInteger n, BigInteger e) throws Exception {
    return new PGPPublicKey(
        new PublicSubkeyPacket(
            PublicKeyPacket.VERSION_4,
            PublicKeyAlgorithmTags.RSA_GENERAL,
            new Date(1_700_000_000_000L),
            new RSAPublicBCPGKey(n, e)),
        new BcKeyFingerprintCalculator());
  }
}
