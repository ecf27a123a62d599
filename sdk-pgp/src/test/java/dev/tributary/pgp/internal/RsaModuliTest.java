package dev.tributary.pgp.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tributary.testing.PgpTestKeys;
import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Random;
import org.bouncycastle.bcpg.PublicKeyAlgorithmTags;
import org.bouncycastle.bcpg.PublicKeyPacket;
import org.bouncycastle.bcpg.RSAPublicBCPGKey;
import org.bouncycastle.bcpg.RSASecretBCPGKey;
import org.bouncycastle.crypto.params.RSAKeyParameters;
import org.bouncycastle.openpgp.PGPPrivateKey;
import org.bouncycastle.openpgp.PGPSecretKey;
import org.bouncycastle.openpgp.PGPSecretKeyRing;
import org.bouncycastle.openpgp.PGPUtil;
import org.bouncycastle.openpgp.bc.BcPGPSecretKeyRing;
import org.junit.jupiter.api.Test;

/** Only an RSA key whose own primes multiply to its modulus is spared BouncyCastle's test. */
class RsaModuliTest {
  static List<PGPPrivateKey> unprotectedKeys(PgpTestKeys.TestKey key) throws Exception {
    PGPSecretKeyRing ring =
        new BcPGPSecretKeyRing(
            PGPUtil.getDecoderStream(
                new ByteArrayInputStream(
                    key.armoredPrivateKey().getBytes(StandardCharsets.US_ASCII))));
    List<PGPPrivateKey> keys = new ArrayList<>();
    for (PGPSecretKey k : ring) {
      keys.add(k.extractPrivateKey(null));
    }
    return keys;
  }

  @Test
  void rsaKeys_whosePrimesMultiplyToTheModulus_areRegistered() throws Exception {
    List<PGPPrivateKey> alice = unprotectedKeys(PgpTestKeys.ALICE_RSA);
    assertThat(alice).hasSize(2); // primary and encryption subkey, both RSA 3072
    for (PGPPrivateKey k : alice) {
      assertThat(RsaModuli.registerComposite(k)).isTrue();
    }
  }

  // The registration is what BouncyCastle sees: a modulus with a small factor (3 × q), which it
  // refuses outright, is taken once the private key holding both factors has been registered.
  @Test
  void aRegisteredModulus_isTakenByBouncyCastleWithoutItsChecks() throws Exception {
    BigInteger q = BigInteger.probablePrime(1024, new Random(7));
    BigInteger n = BigInteger.valueOf(3).multiply(q);
    BigInteger e = BigInteger.valueOf(65537);
    assertThatThrownBy(() -> new RSAKeyParameters(false, n, e))
        .hasMessageContaining("small prime factor");
    PublicKeyPacket pub =
        new PublicKeyPacket(
            PublicKeyPacket.VERSION_4,
            PublicKeyAlgorithmTags.RSA_GENERAL,
            new Date(0),
            new RSAPublicBCPGKey(n, e));
    BigInteger d = e.modInverse(q.subtract(BigInteger.ONE).shiftLeft(1));
    PGPPrivateKey key =
        new PGPPrivateKey(1L, pub, new RSASecretBCPGKey(d, BigInteger.valueOf(3), q));

    assertThat(RsaModuli.registerComposite(key)).isTrue();
    assertThat(new RSAKeyParameters(false, n, e).getModulus()).isEqualTo(n);
  }

  @Test
  void otherKeyKinds_areLeftToBouncyCastle() throws Exception {
    for (PGPPrivateKey k : unprotectedKeys(PgpTestKeys.CAROL_SEQUOIA)) { // Ed25519 and Cv25519
      assertThat(RsaModuli.registerComposite(k)).isFalse();
    }
  }

  @Test
  void primesThatDoNotMultiplyToTheModulus_areLeftToBouncyCastle() throws Exception {
    PGPPrivateKey real = unprotectedKeys(PgpTestKeys.ALICE_RSA).get(1);
    RSASecretBCPGKey secret = (RSASecretBCPGKey) real.getPrivateKeyDataPacket();
    BigInteger q = secret.getPrimeQ();
    BigInteger p = secret.getPrimeP();
    BigInteger d = secret.getPrivateExponent();
    RSASecretBCPGKey[] forged = {
      new RSASecretBCPGKey(d, p, q.add(BigInteger.TWO)),
      new RSASecretBCPGKey(d, p.add(BigInteger.TWO), q),
    };
    for (RSASecretBCPGKey f : forged) {
      PGPPrivateKey k = new PGPPrivateKey(real.getKeyID(), real.getPublicKeyPacket(), f);
      assertThat(RsaModuli.registerComposite(k)).isFalse();
    }
  }
}
