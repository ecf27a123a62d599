package dev.tributary.pgp.internal;

import dev.tributary.core.TributaryException;
import dev.tributary.pgp.ComponentKey;
import dev.tributary.pgp.PgpKeyCannotSignException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.function.Consumer;
import org.bouncycastle.bcpg.PublicKeyPacket;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPPrivateKey;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPSecretKey;
import org.bouncycastle.openpgp.PGPSignatureGenerator;
import org.bouncycastle.openpgp.PGPSignatureSubpacketGenerator;
import org.bouncycastle.openpgp.api.OpenPGPCertificate.OpenPGPComponentKey;
import org.bouncycastle.openpgp.api.OpenPGPKey;
import org.bouncycastle.openpgp.operator.bc.BcPGPContentSignerBuilder;

/** Creates signature generators for the signing key of a private key. */
public final class Signing {
  /** The message of the failure of a signing call that an interrupt of its thread stopped. */
  public static final String INTERRUPTED = "signing was interrupted";

  /** What an interrupt stops, for {@link Interrupts#check}. */
  static final String SIGNING = "signing";

  private Signing() {}

  /**
   * A generator initialised for a binary or text document signature with {@code key}'s current
   * signing (sub)key.
   *
   * @throws PgpKeyCannotSignException if the key has no valid signing key, or it cannot sign
   */
  public static PGPSignatureGenerator generator(
      UnlockedKeys key, Engine engine, int signatureType, Date now) {
    PGPSecretKey secret = signingKey(key, engine, now);
    PGPPublicKey pub = secret.getPublicKey();
    try {
      return generator(pub, key.privateKey(secret), signatureType, now, hashed -> {});
    } catch (PGPException | RuntimeException e) {
      // BouncyCastle throws RuntimeExceptions too (for key material it cannot use), in its words.
      if (e instanceof TributaryException t) {
        throw t;
      }
      throw new PgpKeyCannotSignException(
          key.fingerprint(),
          "cannot sign with key "
              + key.fingerprint()
              + ": its signing key "
              + KeyDescriber.keyId(pub.getKeyID())
              + " ("
              + KeyDescriber.algorithmName(pub)
              + ") cannot be used to make a signature; sign with another key",
          e);
    }
  }

  /**
   * A generator initialised for a signature of {@code signatureType} by {@code pub} with its hashed
   * subpackets: creation time, issuer fingerprint (and key ID for v4), then what {@code more} adds.
   * Its hash is {@link SignatureHash#of}'s for {@code pub}, long enough for an ECDSA key's curve.
   */
  static PGPSignatureGenerator generator(
      PGPPublicKey pub,
      PGPPrivateKey privateKey,
      int signatureType,
      Date now,
      Consumer<PGPSignatureSubpacketGenerator> more)
      throws PGPException {
    PGPSignatureGenerator gen =
        TextSignatureHashing.generator(
            new BcPGPContentSignerBuilder(pub.getAlgorithm(), SignatureHash.of(pub)), pub);
    gen.init(signatureType, privateKey);
    PGPSignatureSubpacketGenerator hashed = new PGPSignatureSubpacketGenerator();
    hashed.setSignatureCreationTime(true, now);
    hashed.setIssuerFingerprint(false, pub);
    if (pub.getVersion() != PublicKeyPacket.VERSION_6) {
      hashed.setIssuerKeyID(false, pub.getKeyID());
    }
    more.accept(hashed);
    gen.setHashedSubpackets(hashed.generate());
    return gen;
  }

  static PGPSecretKey signingKey(UnlockedKeys key, Engine engine, Date now) {
    OpenPGPKey openPgpKey = KeyRings.key(key.ring(), engine);
    List<OpenPGPComponentKey> signing =
        PrimaryKeyProperties.signingKeys(openPgpKey, now, engine.bcPolicy());
    for (OpenPGPComponentKey k : signing) {
      PGPSecretKey secret = key.ring().getSecretKey(k.getKeyIdentifier());
      if (secret != null && !UnlockedKeys.isStub(secret)) {
        return secret;
      }
    }
    PGPSecretKey first =
        signing.isEmpty() ? null : key.ring().getSecretKey(signing.get(0).getKeyIdentifier());
    if (first != null && UnlockedKeys.onSmartcard(first)) {
      throw new PgpKeyCannotSignException(
          key.fingerprint(),
          "private key "
              + key.fingerprint()
              + " holds the secret of its signing key "
              + KeyDescriber.keyId(first.getKeyID())
              + " on a smartcard (a GnuPG divert-to-card stub), which cannot be used here; sign"
              + " with gpg and the card, or with another key");
    }
    if (!signing.isEmpty()) {
      throw new PgpKeyCannotSignException(
          key.fingerprint(),
          "private key "
              + key.fingerprint()
              + " holds no secret part of its signing key "
              + KeyDescriber.keyId(signing.get(0).getKeyIdentifier().getKeyId())
              + " (a stub, as gpg --export-secret-subkeys leaves of a primary key); sign with the"
              + " full key or another one");
    }
    throw new PgpKeyCannotSignException(
        key.fingerprint(),
        "private key "
            + key.fingerprint()
            + " has no valid signing key: "
            + String.join("; ", whyNotSigning(openPgpKey, engine, now))
            + "; sign with another key");
  }

  /**
   * For each key of {@code key}, why it may not sign at {@code now}, after its key ID. A key made
   * after {@code now} (a signing clock set before it) says so first: before it was made, no
   * self-signature gives it key flags. A subkey whose newest binding gives it no key flags says
   * that, not that its flags forbid signing.
   */
  private static List<String> whyNotSigning(OpenPGPKey key, Engine engine, Date now) {
    List<String> reasons = new ArrayList<>();
    Instant at = KeyDescriber.at(now);
    List<OpenPGPComponentKey> components = key.getKeys();
    List<ComponentKey> described =
        KeyDescriber.describe(key, engine, now.toInstant(), "the time of signing").keys();
    for (int i = 0; i < described.size(); i++) {
      ComponentKey k = described.get(i);
      String why =
          k.created().isAfter(at)
              ? KeyDescriber.madeAfter(k.created(), "the time of signing", at)
              : !k.canSign()
                  ? KeyDescriber.flagsForbid(components.get(i), now, "signing", "a signing key")
                  : k.whyUnusable().orElse("not valid for signing now");
      reasons.add(k.keyId() + ": " + why);
    }
    return reasons;
  }
}
