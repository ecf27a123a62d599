package dev.tributary.pgp.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tributary.testing.PgpTestKeys;
import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.bcpg.RSASecretBCPGKey;
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
