package dev.tributary.pgp.internal;

import dev.tributary.pgp.PgpPolicy;
import org.bouncycastle.openpgp.api.OpenPGPImplementation;
import org.bouncycastle.openpgp.api.OpenPGPPolicy;
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

  /** Made on first use: the decryption fast path never needs it. */
  public OpenPGPImplementation implementation() {
    OpenPGPImplementation impl = implementation;
    if (impl == null) {
      impl = BcImplementation.create(new BcPolicy(policy));
      implementation = impl;
    }
    return impl;
  }
}
