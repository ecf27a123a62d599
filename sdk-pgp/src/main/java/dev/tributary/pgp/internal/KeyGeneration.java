package dev.tributary.pgp.internal;

import dev.tributary.core.SystemException;
import dev.tributary.core.auth.Secret;
import dev.tributary.pgp.KeyProfile;
import dev.tributary.pgp.PgpPolicy;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.bouncycastle.bcpg.CompressionAlgorithmTags;
import org.bouncycastle.bcpg.HashAlgorithmTags;
import org.bouncycastle.bcpg.PublicKeyPacket;
import org.bouncycastle.bcpg.SymmetricKeyAlgorithmTags;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPSecretKeyRing;
import org.bouncycastle.openpgp.PGPSignatureSubpacketGenerator;
import org.bouncycastle.openpgp.api.KeyPairGeneratorCallback;
import org.bouncycastle.openpgp.api.OpenPGPKeyGenerator;
import org.bouncycastle.openpgp.api.SignatureParameters;

/** Generates keys for {@link dev.tributary.pgp.PgpKey#generate}. */
public final class KeyGeneration {
  private KeyGeneration() {}

  private static PGPSignatureSubpacketGenerator preferences(
      PGPSignatureSubpacketGenerator g, boolean primary) {
    g.setPreferredSymmetricAlgorithms(
        false,
        new int[] {
          SymmetricKeyAlgorithmTags.AES_256,
          SymmetricKeyAlgorithmTags.AES_192,
          SymmetricKeyAlgorithmTags.AES_128
        });
    g.setPreferredHashAlgorithms(
        false,
        new int[] {HashAlgorithmTags.SHA512, HashAlgorithmTags.SHA384, HashAlgorithmTags.SHA256});
    g.setPreferredCompressionAlgorithms(
        false,
        new int[] {
          CompressionAlgorithmTags.ZLIB,
          CompressionAlgorithmTags.ZIP,
          CompressionAlgorithmTags.BZIP2,
          CompressionAlgorithmTags.UNCOMPRESSED
        });
    if (primary) {
      g.setPrimaryUserID(false, true);
    }
    return g;
  }

  /**
   * A new key of {@code profile}: a certifying primary key, a signing subkey and, if {@code
   * encryption}, an encryption subkey, with {@code userIds} (the first primary; none is allowed).
   */
  public static PGPSecretKeyRing generate(
      KeyProfile profile, List<String> userIds, Secret passphrase, boolean encryption) {
    return generate(profile, userIds, passphrase, encryption, Instant.now());
  }

  /**
   * As {@link #generate(KeyProfile, List, Secret, boolean)}, with the keys and self-signatures made
   * at {@code created}: five years later the key expires (tests make expired keys so).
   */
  public static PGPSecretKeyRing generate(
      KeyProfile profile,
      List<String> userIds,
      Secret passphrase,
      boolean encryption,
      Instant created) {
    Engine engine = Engine.of(PgpPolicy.defaults());
    boolean v6 = profile == KeyProfile.RFC9580;
    try {
      OpenPGPKeyGenerator generator =
          new OpenPGPKeyGenerator(
              engine.implementation(),
              v6 ? PublicKeyPacket.VERSION_6 : PublicKeyPacket.VERSION_4,
              v6,
              Date.from(created));
      KeyPairGeneratorCallback signing;
      KeyPairGeneratorCallback encrypting;
      switch (profile) {
        case CURVE25519 -> {
          signing = g -> g.generateLegacyEd25519KeyPair();
          encrypting = g -> g.generateLegacyX25519KeyPair();
        }
        case RFC9580 -> {
          signing = g -> g.generateEd25519KeyPair();
          encrypting = g -> g.generateX25519KeyPair();
        }
        case RSA3072, RSA4096 -> {
          int bits = profile == KeyProfile.RSA3072 ? 3072 : 4096;
          signing = g -> g.generateRsaKeyPair(bits);
          encrypting = signing;
        }
        default -> throw new IllegalArgumentException("unknown profile: " + profile);
      }
      OpenPGPKeyGenerator.WithPrimaryKey builder =
          generator.withPrimaryKey(signing).addSigningSubkey(signing);
      if (encryption) {
        builder = builder.addEncryptionSubkey(encrypting);
      }
      // GnuPG reads algorithm preferences from the user ID's self-signature, not the direct-key
      // signature BouncyCastle puts them on: without them it falls back to 3DES.
      for (int i = 0; i < userIds.size(); i++) {
        boolean primary = i == 0;
        builder =
            builder.addUserId(
                userIds.get(i),
                new SignatureParameters.Callback() {
                  @Override
                  public SignatureParameters apply(SignatureParameters parameters) {
                    return parameters.setHashedSubpacketsFunction(g -> preferences(g, primary));
                  }
                });
      }
      // Protected as every re-protection is (KeyProtection): BouncyCastle's own would use
      // AES-128 and 64 KiB of S2K work (0x60) for v4 keys, a quarter of a thousandth of GnuPG's.
      PGPSecretKeyRing ring = builder.build().getPGPSecretKeyRing();
      return passphrase.isEmpty()
          ? ring
          : KeyProtection.reprotect(new UnlockedKeys(ring, Secret.empty()), passphrase);
    } catch (PGPException e) {
      throw new SystemException(
          "cannot generate a " + profile + " key: its key pairs or self-signatures cannot be made",
          e);
    }
  }
}
