package dev.tributary.pgp.internal;

import java.math.BigInteger;
import org.bouncycastle.bcpg.RSAPublicBCPGKey;
import org.bouncycastle.bcpg.RSASecretBCPGKey;
import org.bouncycastle.crypto.params.RSAKeyParameters;
import org.bouncycastle.openpgp.PGPPrivateKey;

/**
 * Spares BouncyCastle its primality test of the modulus of an RSA key we hold privately.
 * BouncyCastle tests every RSA modulus it has not yet seen in the JVM with three Miller-Rabin
 * rounds, to refuse a public key whose modulus is prime (anyone could decrypt for it); for a
 * 3072-bit key that costs a fresh process, such as a {@code sop decrypt}, about a fifth of a second
 * before the first byte. A private key carries both primes, and {@code p × q = n} proves the
 * modulus composite at the cost of one multiplication, so such a modulus is registered as checked,
 * through BouncyCastle's own constructor for moduli it made itself. BouncyCastle then skips all its
 * checks of that modulus (the small-factor test too): they guard against others' public keys, not
 * the key we decrypt with. Public RSA keys (recipients, signers) go through the JDK's RSA instead
 * ({@link JdkRsa}), which makes no primality test.
 */
final class RsaModuli {
  private RsaModuli() {}

  /**
   * Registers the modulus of {@code key} as composite when the key is RSA and its primes multiply
   * to its modulus; returns whether it did.
   */
  static boolean registerComposite(PGPPrivateKey key) {
    if (!(key.getPrivateKeyDataPacket() instanceof RSASecretBCPGKey secret)
        || !(key.getPublicKeyPacket().getKey() instanceof RSAPublicBCPGKey pub)) {
      return false;
    }
    BigInteger n = pub.getModulus();
    BigInteger p = secret.getPrimeP();
    BigInteger q = secret.getPrimeQ();
    if (p.compareTo(BigInteger.ONE) <= 0
        || q.compareTo(BigInteger.ONE) <= 0
        || !p.multiply(q).equals(n)) {
      return false;
    }
    new RSAKeyParameters(true, n, secret.getPrivateExponent(), true);
    return true;
  }
}
