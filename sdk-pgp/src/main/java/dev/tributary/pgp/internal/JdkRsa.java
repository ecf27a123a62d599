package dev.tributary.pgp.internal;

import java.math.BigInteger;
import org.bouncycastle.bcpg.HashAlgorithmTags;
import org.bouncycastle.bcpg.PublicKeyAlgorithmTags;
import org.bouncycastle.bcpg.RSAPublicBCPGKey;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPRuntimeOperationException;
import org.bouncycastle.openpgp.operator.PGPContentVerifier;
import org.bouncycastle.openpgp.operator.PGPContentVerifierBuilder;
import org.bouncycastle.openpgp.operator.PGPContentVerifierBuilderProvider;
import org.bouncycastle.openpgp.operator.PublicKeyKeyEncryptionMethodGenerator;
import org.bouncycastle.openpgp.operator.bc.BcPGPContentVerifierBuilderProvider;
import org.bouncycastle.openpgp.operator.bc.BcPublicKeyKeyEncryptionMethodGenerator;
import org.bouncycastle.openpgp.operator.jcajce.JcaPGPContentVerifierBuilderProvider;
import org.bouncycastle.openpgp.operator.jcajce.JcePublicKeyKeyEncryptionMethodGenerator;
import org.bouncycastle.util.BigIntegers;

/**
 * RSA public-key operations (verifying signatures, encrypting session keys) through the JDK's own
 * RSA, by BouncyCastle's JCA operators; everything else stays on BouncyCastle's lightweight ones.
 *
 * <p>BouncyCastle's lightweight RSA tests every public modulus it meets with three Miller-Rabin
 * rounds (a prime modulus would let anyone decrypt). In a fresh JVM, as in one {@code sop encrypt},
 * that is two 3072-bit tests (the certificate's primary key, to verify its binding signatures, and
 * the encryption subkey), about 0.3 s before the first byte and as much again of JIT compilation of
 * BigInteger (a 6-byte encryption took 0.74 s with the tests and 0.44 s without, interleaved
 * rounds). The test protects nothing an attacker could not get round: a certificate's key packets
 * are covered by its self-signatures, so a damaged modulus fails verification, and whoever controls
 * a certificate can publish an ordinary key and give its private half away. GnuPG does not make it.
 * BouncyCastle's other checks (an odd modulus without small factors, an odd exponent) are made here
 * first ({@link #wellFormedRsa}), and a key that fails them goes to BouncyCastle's operators, which
 * refuse it as before.
 */
final class JdkRsa {
  private JdkRsa() {}

  static boolean isRsa(int keyAlgorithm) {
    return keyAlgorithm == PublicKeyAlgorithmTags.RSA_GENERAL
        || keyAlgorithm == PublicKeyAlgorithmTags.RSA_ENCRYPT
        || keyAlgorithm == PublicKeyAlgorithmTags.RSA_SIGN;
  }

  /** The hashes the JDK's RSA signatures have under BouncyCastle's names (SHA-1 and SHA-2). */
  private static boolean jdkHash(int hashAlgorithm) {
    return switch (hashAlgorithm) {
      case HashAlgorithmTags.SHA1,
          HashAlgorithmTags.SHA224,
          HashAlgorithmTags.SHA256,
          HashAlgorithmTags.SHA384,
          HashAlgorithmTags.SHA512 ->
          true;
      default -> false;
    };
  }

  /**
   * Whether {@code key} is RSA with numbers of the right form: an odd modulus without small prime
   * factors and an odd exponent of at least 3, BouncyCastle's checks but for the primality test. A
   * key that fails them is left to BouncyCastle, which refuses it in its way.
   */
  static boolean wellFormedRsa(PGPPublicKey key) {
    if (!isRsa(key.getAlgorithm())
        || !(key.getPublicKeyPacket().getKey() instanceof RSAPublicBCPGKey rsa)) {
      return false;
    }
    BigInteger n = rsa.getModulus();
    BigInteger e = rsa.getPublicExponent();
    return n.signum() > 0
        && n.testBit(0)
        && !BigIntegers.hasAnySmallFactors(n)
        && e.testBit(0)
        && e.compareTo(BigInteger.valueOf(3)) >= 0
        && e.compareTo(n) < 0;
  }

  /** The session key encryption to {@code key}: the JDK's for RSA, BouncyCastle's otherwise. */
  static PublicKeyKeyEncryptionMethodGenerator keyEncryption(PGPPublicKey key) {
    return wellFormedRsa(key)
        ? new JcePublicKeyKeyEncryptionMethodGenerator(key)
        : new BcPublicKeyKeyEncryptionMethodGenerator(key);
  }

  /**
   * {@link #verifiers} over BouncyCastle's lightweight ones, for a certificate's self-signatures
   * and for signatures over data: a {@code sop encrypt} checks its recipient's before the first
   * byte, a {@code sop verify} its signer's and then the signature, and BouncyCastle's would test
   * each modulus as above. The data is then hashed by the JDK's {@code MessageDigest} (SHA-NI where
   * the CPU has it); MD5, RIPEMD-160 and SHA-3 stay with BouncyCastle's.
   */
  static PGPContentVerifierBuilderProvider verifiers() {
    return verifiers(new BcPGPContentVerifierBuilderProvider());
  }

  /**
   * Signature verification: the JDK's for a well-formed RSA key ({@link #wellFormedRsa}) with SHA-1
   * or SHA-2, {@code others} otherwise.
   */
  static PGPContentVerifierBuilderProvider verifiers(PGPContentVerifierBuilderProvider others) {
    return (keyAlgorithm, hashAlgorithm) -> {
      PGPContentVerifierBuilder other = others.get(keyAlgorithm, hashAlgorithm);
      if (!isRsa(keyAlgorithm) || !jdkHash(hashAlgorithm)) {
        return other;
      }
      return key ->
          wellFormedRsa(key)
              ? saysNoToLongNumbers(
                  new JcaPGPContentVerifierBuilderProvider()
                      .get(keyAlgorithm, hashAlgorithm)
                      .build(key))
              : other.build(key);
    };
  }

  /**
   * {@code jdk}, but a signature whose number is longer than the modulus does not match, as
   * BouncyCastle's RSA says of it, where the JDK's throws ("Bad signature length"): a malformed
   * signature is reported as not matching its data, not as one that cannot be checked.
   */
  private static PGPContentVerifier saysNoToLongNumbers(PGPContentVerifier jdk) {
    return new ForwardingVerifier(jdk) {
      @Override
      public boolean verify(byte[] expected) {
        try {
          return super.verify(expected);
        } catch (PGPRuntimeOperationException e) {
          return false;
        }
      }
    };
  }
}
