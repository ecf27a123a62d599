package dev.tributary.pgp.internal;

import dev.tributary.core.SystemException;
import dev.tributary.core.auth.Secret;
import dev.tributary.pgp.PgpWrongPassphraseException;
import org.bouncycastle.bcpg.AEADAlgorithmTags;
import org.bouncycastle.bcpg.HashAlgorithmTags;
import org.bouncycastle.bcpg.PublicKeyPacket;
import org.bouncycastle.bcpg.S2K;
import org.bouncycastle.bcpg.SymmetricKeyAlgorithmTags;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPSecretKey;
import org.bouncycastle.openpgp.PGPSecretKeyRing;
import org.bouncycastle.openpgp.operator.PBESecretKeyEncryptor;
import org.bouncycastle.openpgp.operator.PGPDigestCalculator;
import org.bouncycastle.openpgp.operator.bc.BcAEADSecretKeyEncryptorBuilder;
import org.bouncycastle.openpgp.operator.bc.BcPBESecretKeyEncryptorBuilder;
import org.bouncycastle.openpgp.operator.bc.BcPGPDigestCalculatorProvider;
import org.jspecify.annotations.Nullable;

/**
 * Re-protects every secret key of a private key with a new passphrase, for {@link
 * dev.tributary.pgp.PgpKey#withPassphrase}. The public keys and their signatures are kept as they
 * are; only the secret key material is encrypted anew.
 *
 * <ul>
 *   <li>v4 keys: S2K usage 254 (CFB with a SHA-1 check), iterated and salted S2K with SHA-256,
 *       AES-256, as GnuPG writes them; {@link #V4_S2K_COUNT} sets the work.
 *   <li>v6 keys: S2K usage 253 (AEAD, OCB with AES-256) with Argon2 in RFC 9580's second
 *       recommended setting (3 passes, 4 lanes, 64 MiB), as BouncyCastle generates them.
 *   <li>An empty passphrase leaves the keys unprotected (usage 0).
 * </ul>
 */
public final class KeyProtection {
  /**
   * The coded iteration count (RFC 9580, section 3.7.1.3): 0xE0 hashes 16 MiB per unlock, 256 times
   * the 65536 bytes BouncyCastle generates keys with, a quarter of the 0xFF (62 MiB) that GnuPG 2.2
   * calibrates to on a fast machine: each of a key's secret keys pays it once per unlock.
   */
  static final int V4_S2K_COUNT = 0xE0;

  private KeyProtection() {}

  /**
   * The ring with every secret key that has secret material re-protected by {@code passphrase},
   * made from a copy of the key's ring ({@link KeyRings#copy(PGPSecretKeyRing)}): the key is shared
   * between threads, and the new key must share no signature object with it.
   *
   * @throws PgpWrongPassphraseException if a key cannot be unlocked with the current passphrase
   */
  public static PGPSecretKeyRing reprotect(UnlockedKeys unlocked, Secret passphrase) {
    PGPSecretKeyRing ring = KeyRings.copy(unlocked.ring());
    PGPSecretKeyRing result = ring;
    try {
      for (PGPSecretKey key : ring) {
        if (UnlockedKeys.isStub(key)) {
          continue; // a stub (GnuPG's gnu-dummy or divert-to-card) holds nothing to protect
        }
        PGPPublicKey pub = key.getPublicKey();
        boolean v6 = pub.getVersion() == PublicKeyPacket.VERSION_6;
        PGPSecretKey reprotected =
            new PGPSecretKey(
                unlocked.privateKey(key),
                pub,
                passphrase.isEmpty() || v6 ? null : sha1(),
                key.isMasterKey(),
                encryptor(pub, v6, passphrase));
        result = PGPSecretKeyRing.insertSecretKey(result, reprotected);
      }
      return result;
    } catch (PGPException e) {
      throw new SystemException(
          "cannot protect key " + unlocked.fingerprint() + " with the new passphrase", e);
    }
  }

  private static @Nullable PBESecretKeyEncryptor encryptor(
      PGPPublicKey pub, boolean v6, Secret passphrase) throws PGPException {
    if (passphrase.isEmpty()) {
      return null;
    }
    char[] chars = passphrase.reveal().toCharArray();
    if (v6) {
      return new BcAEADSecretKeyEncryptorBuilder(
              AEADAlgorithmTags.OCB,
              SymmetricKeyAlgorithmTags.AES_256,
              S2K.Argon2Params.memoryConstrainedParameters())
          .build(chars, pub.getPublicKeyPacket());
    }
    PGPDigestCalculator sha256 = new BcPGPDigestCalculatorProvider().get(HashAlgorithmTags.SHA256);
    return new BcPBESecretKeyEncryptorBuilder(
            SymmetricKeyAlgorithmTags.AES_256, sha256, V4_S2K_COUNT)
        .build(chars);
  }

  private static PGPDigestCalculator sha1() throws PGPException {
    return new BcPGPDigestCalculatorProvider().get(HashAlgorithmTags.SHA1);
  }
}
