package dev.tributary.pgp.internal;

import dev.tributary.pgp.PgpPolicy;
import dev.tributary.pgp.SymmetricAlgorithm;
import org.bouncycastle.bcpg.HashAlgorithmTags;
import org.bouncycastle.bcpg.PublicKeyAlgorithmTags;
import org.bouncycastle.openpgp.api.OpenPGPDefaultPolicy;
import org.bouncycastle.openpgp.api.OpenPGPImplementation;
import org.bouncycastle.openpgp.api.OpenPGPPolicy;
import org.bouncycastle.openpgp.api.bc.BcOpenPGPImplementation;
import org.jspecify.annotations.Nullable;

/**
 * BouncyCastle's OpenPGP implementation configured with one {@link PgpPolicy}. Every operation gets
 * its own instance, passed explicitly: BouncyCastle's static default instance is never read or set
 * (it is global state). Uses BouncyCastle's lightweight API, so no JCA provider is registered.
 */
public final class Engine {
  private final PgpPolicy policy;
  private volatile @Nullable OpenPGPImplementation implementation;

  private Engine(PgpPolicy policy) {
    this.policy = policy;
  }

  public static Engine of(PgpPolicy policy) {
    return new Engine(policy);
  }

  public PgpPolicy policy() {
    return policy;
  }

  public OpenPGPPolicy bcPolicy() {
    return implementation().policy();
  }

  /**
   * Made on first use: BouncyCastle's default policy parses dates in its constructor, which costs
   * tens of milliseconds at start-up, and the decryption fast path never needs it.
   */
  public OpenPGPImplementation implementation() {
    OpenPGPImplementation impl = implementation;
    if (impl == null) {
      impl = new BcOpenPGPImplementation().setPolicy(toBc(policy));
      implementation = impl;
    }
    return impl;
  }

  @SuppressWarnings("deprecation") // the deprecated IDs still name old keys that exist
  private static OpenPGPPolicy toBc(PgpPolicy policy) {
    OpenPGPDefaultPolicy bc = new OpenPGPDefaultPolicy();
    for (int alg :
        new int[] {
          PublicKeyAlgorithmTags.RSA_GENERAL,
          PublicKeyAlgorithmTags.RSA_ENCRYPT,
          PublicKeyAlgorithmTags.RSA_SIGN,
          PublicKeyAlgorithmTags.DSA,
          PublicKeyAlgorithmTags.ELGAMAL_ENCRYPT,
          PublicKeyAlgorithmTags.ELGAMAL_GENERAL
        }) {
      bc.acceptPublicKeyAlgorithmWithMinimalStrength(alg, policy.minimumRsaBits());
    }
    for (SymmetricAlgorithm a : SymmetricAlgorithm.values()) {
      if (policy.accepts(a)) {
        bc.acceptSymmetricKeyAlgorithm(a.id());
      } else {
        bc.rejectSymmetricKeyAlgorithm(a.id());
      }
    }
    if (policy.acceptsSha1Signatures()) {
      bc.acceptDocumentSignatureHashAlgorithm(HashAlgorithmTags.SHA1);
      bc.acceptCertificationSignatureHashAlgorithm(HashAlgorithmTags.SHA1);
    }
    bc.setMaximumDecompressedDataSize(policy.maxDecompressedBytes());
    return bc;
  }
}
