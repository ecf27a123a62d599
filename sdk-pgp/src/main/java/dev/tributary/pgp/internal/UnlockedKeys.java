package dev.tributary.pgp.internal;

import dev.tributary.core.auth.Secret;
import dev.tributary.pgp.PgpKeyException;
import dev.tributary.pgp.PgpWrongPassphraseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.bouncycastle.bcpg.PublicKeyPacket;
import org.bouncycastle.bcpg.S2K;
import org.bouncycastle.bcpg.SecretKeyPacket;
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

  /** The passphrase, for a changed copy of the key that keeps it. */
  public Secret passphrase() {
    return passphrase;
  }

  public String fingerprint() {
    return KeyDescriber.fingerprint(ring.getPublicKey());
  }

  /** The secret keys that can decrypt: encryption algorithms with secret material present. */
  public List<PGPSecretKey> decryptionKeys() {
    List<PGPSecretKey> keys = new ArrayList<>();
    for (PGPSecretKey k : ring) {
      if (KeyDescriber.canEncrypt(k.getPublicKey().getAlgorithm()) && !isStub(k)) {
        keys.add(k);
      }
    }
    return keys;
  }

  /**
   * Whether {@code key} holds no secret here: it is empty, or a GnuPG stub (S2K type 101, "GNU"),
   * whether gnu-dummy (mode 1001, no secret) or divert-to-card (mode 1002, the secret is on a
   * smartcard; BouncyCastle reads the card's serial number as protected key material, so it looks
   * like a key a passphrase would unlock).
   */
  public static boolean isStub(PGPSecretKey key) {
    S2K s2k = key.getS2K();
    return key.isPrivateKeyEmpty() || (s2k != null && s2k.getType() == S2K.GNU_DUMMY_S2K);
  }

  /** Whether {@code key} is a GnuPG divert-to-card stub: its secret is on a smartcard. */
  public static boolean onSmartcard(PGPSecretKey key) {
    S2K s2k = key.getS2K();
    return s2k != null
        && s2k.getType() == S2K.GNU_DUMMY_S2K
        && s2k.getProtectionMode() == S2K.GNU_PROTECTION_MODE_DIVERT_TO_CARD;
  }

  /**
   * Why the secret of primary key {@code key} is not here, ending in where to {@code action} (as
   * "renew it") instead: on a smartcard or a stub ({@link #isStub}); null if it is here.
   */
  public static @Nullable String primarySecretMissing(PGPSecretKey key, String action) {
    if (onSmartcard(key)) {
      return "the secret of its primary key is on a smartcard (a GnuPG divert-to-card stub), which"
          + " cannot be used here; "
          + action
          + " with gpg and the card";
    }
    if (isStub(key)) {
      return "its primary key's secret material is not in this private key (a stub); "
          + action
          + " where the primary key is kept";
    }
    return null;
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

  /** Unlocks every key that has secret material here (not a stub: {@link #isStub}). */
  public void unlockAll() {
    for (PGPSecretKey k : ring) {
      if (!isStub(k)) {
        privateKey(k);
      }
    }
  }

  private PGPPrivateKey unlock(PGPSecretKey key) {
    boolean protectedKey = key.getS2KUsage() != 0;
    long argon2Bytes = protectedKey ? argon2Bytes(key.getS2K()) : 0;
    checkArgon2Memory(argon2Bytes, Runtime.getRuntime().maxMemory());
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
      boolean given = !passphrase.isEmpty();
      throw new PgpWrongPassphraseException(
          fingerprint(), given, given ? legacyAeadHint(key) : "", e);
    } catch (OutOfMemoryError e) {
      if (argon2Bytes == 0) {
        throw e;
      }
      // Argon2's one large table, garbage as soon as this is thrown: the JVM had the heap for it,
      // but not free at this moment.
      throw new PgpKeyException(
          argon2Message(
              argon2Bytes, "is not free on the heap now", Runtime.getRuntime().maxMemory()),
          e);
    }
  }

  /**
   * For a v4 key with AEAD protection (S2K usage 253): RFC 9580 allows it (OpenPGP.js 6 writes it),
   * but OpenPGP.js 5 wrote usage 253 in a pre-standard form, without RFC 9580's associated data,
   * that no decryptor can tell apart and that fails as a wrong passphrase would.
   */
  private static String legacyAeadHint(PGPSecretKey key) {
    return key.getS2KUsage() == SecretKeyPacket.USAGE_AEAD
            && key.getPublicKey().getVersion() == PublicKeyPacket.VERSION_4
        ? "if it is right, the key may be protected in OpenPGP.js 5's pre-standard AEAD form"
            + " (its aeadProtect option), which this library cannot read: export the key again"
            + " without it, or from OpenPGP.js 6"
        : "";
  }

  /**
   * The memory Argon2 (RFC 9580, section 3.7.1.4) fills to unlock a key: 2^exponent KiB, up to 2
   * TiB; 0 if the key is not protected with Argon2.
   */
  static long argon2Bytes(@Nullable S2K s2k) {
    if (s2k == null || s2k.getType() != S2K.ARGON_2) {
      return 0;
    }
    int exponent = s2k.getMemorySizeExponent();
    return exponent > 31 ? Long.MAX_VALUE : 1024L << exponent;
  }

  /**
   * Fails with a clear message, before the work starts, when a key's Argon2 needs more memory than
   * this JVM's heap can ever hold (RFC 9580's first recommended setting needs 2 GiB).
   */
  void checkArgon2Memory(long argon2Bytes, long maxHeap) {
    if (argon2Bytes > maxHeap) {
      throw new PgpKeyException(
          argon2Message(argon2Bytes, "is more than this JVM's whole heap", maxHeap));
    }
  }

  private String argon2Message(long argon2Bytes, String why, long maxHeap) {
    return "cannot unlock key "
        + fingerprint()
        + ": its passphrase protection (Argon2) "
        + argon2Memory(argon2Bytes, why, maxHeap);
  }

  /** "needs N MiB of memory, which {@code why} (maximum M MiB; see -Xmx)". */
  static String argon2Memory(long argon2Bytes, String why, long maxHeap) {
    String need = argon2Bytes == Long.MAX_VALUE ? "more than 2 TiB" : (argon2Bytes >> 20) + " MiB";
    return "needs "
        + need
        + " of memory, which "
        + why
        + " (maximum "
        + (maxHeap >> 20)
        + " MiB; see -Xmx)";
  }

  private @Nullable PBESecretKeyDecryptor decryptor() throws PGPException {
    return new BcPBESecretKeyDecryptorBuilder(new BcPGPDigestCalculatorProvider())
        .build(passphrase.reveal().toCharArray());
  }
}
