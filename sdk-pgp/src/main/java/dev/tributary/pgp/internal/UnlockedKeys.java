package dev.tributary.pgp.internal;

import dev.tributary.core.auth.Secret;
import dev.tributary.pgp.PgpWrongPassphraseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPPrivateKey;
import org.bouncycastle.openpgp.PGPSecretKey;
import org.bouncycastle.openpgp.PGPSecretKeyRing;
import org.bouncycastle.openpgp.operator.PBESecretKeyDecryptor;
import org.bouncycastle.openpgp.operator.bc.BcPBESecretKeyDecryptorBuilder;
import org.bouncycastle.openpgp.operator.bc.BcPGPDigestCalculatorProvider;
import org.jspecify.annotations.Nullable;

/**
 * The secret keys of one private key ring, unlocked with its passphrase on first use and kept for
 * later use (the S2K of a protected key costs tens of milliseconds, Argon2 more). Thread-safe.
 */
public final class UnlockedKeys {
  private final PGPSecretKeyRing ring;
  private final Secret passphrase;
  private final Map<Long, PGPPrivateKey> cache = new ConcurrentHashMap<>();

  public UnlockedKeys(PGPSecretKeyRing ring, Secret passphrase) {
    this.ring = ring;
    this.passphrase = passphrase;
  }

  public PGPSecretKeyRing ring() {
    return ring;
  }

  public String fingerprint() {
    return KeyDescriber.fingerprint(ring.getPublicKey());
  }

  /** The secret keys that can decrypt: encryption algorithms with secret material present. */
  public List<PGPSecretKey> decryptionKeys() {
    List<PGPSecretKey> keys = new ArrayList<>();
    for (PGPSecretKey k : ring) {
      if (KeyDescriber.canEncrypt(k.getPublicKey().getAlgorithm()) && !k.isPrivateKeyEmpty()) {
        keys.add(k);
      }
    }
    return keys;
  }

  /** The secret keys that can sign, with secret material present. */
  public List<PGPSecretKey> signingCandidates() {
    List<PGPSecretKey> keys = new ArrayList<>();
    for (PGPSecretKey k : ring) {
      if (k.isSigningKey() && !k.isPrivateKeyEmpty()) {
        keys.add(k);
      }
    }
    return keys;
  }

  /**
   * The unlocked private key of {@code key}, which must belong to this ring.
   *
   * @throws PgpWrongPassphraseException if the passphrase is wrong or missing
   */
  public PGPPrivateKey privateKey(PGPSecretKey key) {
    PGPPrivateKey cached = cache.get(key.getKeyID());
    if (cached != null) {
      return cached;
    }
    PGPPrivateKey unlocked = unlock(key);
    cache.put(key.getKeyID(), unlocked);
    return unlocked;
  }

  /** Unlocks every key that has secret material. */
  public void unlockAll() {
    for (PGPSecretKey k : ring) {
      if (!k.isPrivateKeyEmpty()) {
        privateKey(k);
      }
    }
  }

  private PGPPrivateKey unlock(PGPSecretKey key) {
    boolean protectedKey = key.getS2KUsage() != 0;
    try {
      PGPPrivateKey k = key.extractPrivateKey(protectedKey ? decryptor() : null);
      if (k == null) {
        throw new PgpWrongPassphraseException(fingerprint(), !passphrase.isEmpty());
      }
      RsaModuli.registerComposite(k);
      return k;
    } catch (PGPException | RuntimeException e) {
      if (e instanceof PgpWrongPassphraseException wrong) {
        throw wrong;
      }
      throw new PgpWrongPassphraseException(fingerprint(), !passphrase.isEmpty(), e);
    }
  }

  private @Nullable PBESecretKeyDecryptor decryptor() throws PGPException {
    return new BcPBESecretKeyDecryptorBuilder(new BcPGPDigestCalculatorProvider())
        .build(passphrase.reveal().toCharArray());
  }
}
