package dev.tributary.pgp.internal;

import static dev.tributary.pgp.internal.CertificateMerge.isBy;
import static dev.tributary.pgp.internal.CertificateMerge.list;
import static dev.tributary.pgp.internal.CertificateMerge.verifies;

import dev.tributary.core.TributaryException;
import dev.tributary.pgp.PgpKeyException;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.bouncycastle.bcpg.HashAlgorithmTags;
import org.bouncycastle.bcpg.SignatureSubpacket;
import org.bouncycastle.bcpg.SignatureSubpacketTags;
import org.bouncycastle.bcpg.sig.KeyFlags;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPPrivateKey;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPPublicKeyRing;
import org.bouncycastle.openpgp.PGPSecretKey;
import org.bouncycastle.openpgp.PGPSecretKeyRing;
import org.bouncycastle.openpgp.PGPSignature;
import org.bouncycastle.openpgp.PGPSignatureGenerator;
import org.bouncycastle.openpgp.PGPSignatureSubpacketGenerator;
import org.bouncycastle.openpgp.PGPSignatureSubpacketVector;
import org.bouncycastle.openpgp.api.OpenPGPPolicy;
import org.jspecify.annotations.Nullable;

/**
 * Keeps a private key up to date, for {@link dev.tributary.pgp.PgpKey#merge} and {@link
 * dev.tributary.pgp.PgpKey#renew}: merges certificate updates into its public part, and renews the
 * self-signatures that make it or a subkey expire soon. A renewed signature is a copy of the newest
 * one the policy accepts (a refused one binds nothing: see {@link PrimaryKeyProperties#accepted}),
 * made now, with every hashed subpacket kept (key flags, preferences, primary user ID) but the key
 * expiration moved so that the key stays valid as long after now as it was after the old signature
 * was made, and for at least twice the renewal window: a key valid for less than the window (30
 * days, renewed within 90) would otherwise still expire within it, and be renewed again on every
 * run. A signing subkey's binding gets a new back-signature. Revoked user IDs and subkeys are left
 * alone; the old signatures stay, the newest counts.
 */
public final class KeyRenewal {
  /** The subpackets a renewed signature gets anew rather than copies. */
  private static final Set<Integer> MADE_ANEW =
      Set.of(
          SignatureSubpacketTags.CREATION_TIME,
          SignatureSubpacketTags.KEY_EXPIRE_TIME,
          SignatureSubpacketTags.ISSUER_KEY_ID,
          SignatureSubpacketTags.ISSUER_FINGERPRINT,
          SignatureSubpacketTags.EMBEDDED_SIGNATURE);

  /** The largest key expiration time a signature can hold: four bytes of seconds. */
  private static final long MAX_EXPIRY_SECONDS = 0xFFFFFFFFL;

  private KeyRenewal() {}

  /** {@code key}'s ring with the bound updates of {@code update} in its public part. */
  public static PGPSecretKeyRing merge(PGPSecretKeyRing key, PGPPublicKeyRing update) {
    PGPPublicKeyRing merged =
        CertificateMerge.merge(new PGPPublicKeyRing(KeyEncoding.publicKeys(key)), update);
    PGPSecretKeyRing result = key;
    for (PGPPublicKey pub : merged) {
      result = PGPSecretKeyRing.insertOrReplacePublicKey(result, pub);
    }
    return result;
  }

  /**
   * {@code key}'s ring with renewed self-signatures for the primary key (every user ID and its
   * direct-key signature) if it expires within {@code window} of {@code now}, and for each subkey
   * that does. A renewed key expires no sooner than twice {@code window} after {@code now}, so it
   * is not due again within {@code window}. Works on a copy of the key's ring ({@link
   * KeyRings#copy(PGPSecretKeyRing)}): it verifies the self-signatures, and the key is shared
   * between threads.
   *
   * @throws PgpKeyException if the primary key's secret material is not here (a stub, or on a
   *     smartcard)
   */
  public static PGPSecretKeyRing renew(
      UnlockedKeys key, OpenPGPPolicy policy, Instant now, Duration window) {
    Revocation.refuseBeforeMade("renew", "self-signatures", key, now);
    PGPSecretKeyRing ring = KeyRings.copy(key.ring());
    PGPSecretKey primarySecret = ring.getSecretKey();
    PGPPublicKey primary = primarySecret.getPublicKey();
    Date when = Date.from(now);
    Date horizon = Date.from(now.plus(window));
    Renewal renewal =
        new Renewal(when, 2 * Math.min(window.getSeconds(), MAX_EXPIRY_SECONDS), policy, key);
    try {
      PGPPublicKey renewed = primary;
      PGPSignature direct =
          newest(
              list(primary.getSignaturesOfType(PGPSignature.DIRECT_KEY)),
              primary,
              s -> s.verifyCertification(primary),
              renewal,
              primary,
              horizon,
              "its direct-key signature");
      boolean primaryExpiring = expiresBy(primary, direct, horizon);
      for (String userId : list(primary.getUserIDs())) {
        PGPSignature self = newestSelfCertification(primary, userId, renewal, horizon);
        primaryExpiring |= self != null && expiresBy(primary, self, horizon);
      }
      if (!primaryExpiring) {
        return renewSubkeys(key, ring, primary, renewal, horizon);
      }
      PGPPrivateKey signer = unlockPrimary(key, primarySecret);
      if (direct != null) {
        renewed =
            PGPPublicKey.addCertification(
                renewed,
                resign(primary, signer, direct, primary, renewal).generateCertification(primary));
      }
      for (String userId : list(primary.getUserIDs())) {
        PGPSignature self = newestSelfCertification(primary, userId, renewal, horizon);
        if (self != null) {
          renewed =
              PGPPublicKey.addCertification(
                  renewed,
                  userId,
                  resign(primary, signer, self, primary, renewal)
                      .generateCertification(userId, primary));
        }
      }
      ring = PGPSecretKeyRing.insertOrReplacePublicKey(ring, renewed);
      return renewSubkeys(key, ring, primary, renewal, horizon);
    } catch (PGPException | IOException | RuntimeException e) {
      if (e instanceof TributaryException t) {
        throw t;
      }
      throw new PgpKeyException(
          "cannot renew the self-signatures of key "
              + key.fingerprint()
              + ": its primary key ("
              + KeyDescriber.algorithmName(primary)
              + ") cannot make them",
          e);
    }
  }

  private static PGPSecretKeyRing renewSubkeys(
      UnlockedKeys key, PGPSecretKeyRing ring, PGPPublicKey primary, Renewal renewal, Date horizon)
      throws PGPException, IOException {
    Date when = renewal.when();
    PGPSecretKeyRing result = ring;
    for (Iterator<PGPPublicKey> it = ring.getPublicKeys(); it.hasNext(); ) {
      PGPPublicKey sub = it.next();
      if (sub.isMasterKey() || revoked(sub, primary)) {
        continue;
      }
      PGPSignature binding =
          newest(
              list(sub.getSignaturesOfType(PGPSignature.SUBKEY_BINDING)),
              primary,
              s -> s.verifyCertification(primary, sub),
              renewal,
              sub,
              horizon,
              "the binding of subkey " + KeyDescriber.fingerprint(sub));
      if (binding == null || !expiresBy(sub, binding, horizon)) {
        continue;
      }
      PGPPrivateKey signer = unlockPrimary(key, ring.getSecretKey());
      PGPSignatureGenerator gen = resign(primary, signer, binding, sub, renewal);
      if ((binding.getHashedSubPackets().getKeyFlags() & KeyFlags.SIGN_DATA) != 0) {
        PGPSecretKey subSecret = ring.getSecretKey(sub.getKeyIdentifier());
        if (subSecret == null || UnlockedKeys.isStub(subSecret)) {
          continue; // no back-signature can be made without the subkey's secret part
        }
        PGPSignature back =
            Signing.generator(
                    sub,
                    key.privateKey(subSecret),
                    PGPSignature.PRIMARYKEY_BINDING,
                    when,
                    hashed -> {})
                .generateCertification(primary, sub);
        gen = resign(primary, signer, binding, sub, renewal, back);
      }
      result =
          PGPSecretKeyRing.insertOrReplacePublicKey(
              result, PGPPublicKey.addCertification(sub, gen.generateCertification(primary, sub)));
    }
    return result;
  }

  private static PGPPrivateKey unlockPrimary(UnlockedKeys key, PGPSecretKey primary) {
    String missing = UnlockedKeys.primarySecretMissing(primary, "renew it");
    if (missing != null) {
      throw new PgpKeyException("cannot renew key " + key.fingerprint() + ": " + missing);
    }
    return key.privateKey(primary);
  }

  /**
   * When renewed signatures are made, how long after that, in seconds, a renewed key stays valid at
   * least, the policy that says which self-signatures count, and the key.
   */
  private record Renewal(Date when, long minValidFor, OpenPGPPolicy policy, UnlockedKeys key) {}

  private static PGPSignatureGenerator resign(
      PGPPublicKey primary,
      PGPPrivateKey signer,
      PGPSignature old,
      PGPPublicKey target,
      Renewal renewal)
      throws PGPException {
    return resign(primary, signer, old, target, renewal, null);
  }

  /** A generator for a copy of {@code old} made now, its key expiry moved along. */
  private static PGPSignatureGenerator resign(
      PGPPublicKey primary,
      PGPPrivateKey signer,
      PGPSignature old,
      PGPPublicKey target,
      Renewal renewal,
      @Nullable PGPSignature back)
      throws PGPException {
    PGPSignatureSubpacketVector hashed = old.getHashedSubPackets();
    Date made = madeAfter(old, renewal.when());
    long seconds = hashed.getKeyExpirationTime();
    long renewed = seconds > 0 ? renewedExpiry(old, target, seconds, made, renewal) : 0;
    return Signing.generator(
        primary, signer, old.getSignatureType(), made, g -> copy(hashed, g, renewed, back));
  }

  /**
   * When the renewal of {@code old} is made: {@code when}, but at least a second after {@code old}.
   * Signature times are whole seconds, and of two self-signatures made in the same second the
   * renewal need not be the one that counts (here, in GnuPG or in Sequoia): a key renewed in the
   * second its signature was made (just generated, or renewed twice) kept its old expiry for good.
   * Dated a second later, the renewal counts from that second on, everywhere.
   */
  private static Date madeAfter(PGPSignature old, Date when) {
    long after = old.getCreationTime().getTime() + 1000;
    return when.getTime() >= after ? when : new Date(after);
  }

  /**
   * The key expiration time, in seconds after {@code target}'s creation as OpenPGP counts it, of a
   * renewal of {@code old} made at {@code made}, which gave {@code seconds}: as long after {@code
   * made} as {@code old} kept the key valid after it was made, but at least {@link
   * Renewal#minValidFor} after {@code made}.
   */
  private static long renewedExpiry(
      PGPSignature old, PGPPublicKey target, long seconds, Date made, Renewal renewal) {
    long created = target.getCreationTime().getTime() / 1000;
    long validFor = seconds - (old.getCreationTime().getTime() / 1000 - created);
    long now = made.getTime() / 1000;
    long renewed = now - created + Math.max(validFor, renewal.minValidFor());
    return Math.max(1, Math.min(renewed, MAX_EXPIRY_SECONDS));
  }

  private static void copy(
      PGPSignatureSubpacketVector from,
      PGPSignatureSubpacketGenerator to,
      long expirySeconds,
      @Nullable PGPSignature back) {
    for (SignatureSubpacket p : from.toArray()) {
      if (!MADE_ANEW.contains(p.getType())) {
        to.addCustomSubpacket(p);
      }
    }
    if (expirySeconds > 0) {
      to.setKeyExpirationTime(false, expirySeconds);
    }
    if (back != null) {
      try {
        to.addEmbeddedSignature(false, back);
      } catch (IOException e) {
        throw new IllegalStateException("cannot embed a back-signature in memory", e);
      }
    }
  }

  /** Whether {@code sig} (may be null) makes {@code key} expire by {@code horizon}. */
  private static boolean expiresBy(PGPPublicKey key, @Nullable PGPSignature sig, Date horizon) {
    if (sig == null || sig.getHashedSubPackets() == null) {
      return false;
    }
    long seconds = sig.getHashedSubPackets().getKeyExpirationTime();
    return seconds > 0 && key.getCreationTime().getTime() + seconds * 1000 <= horizon.getTime();
  }

  private static @Nullable PGPSignature newestSelfCertification(
      PGPPublicKey primary, String uid, Renewal renewal, Date horizon) {
    PGPSignature newest =
        newest(
            list(primary.getSignaturesForID(uid)),
            primary,
            s -> s.verifyCertification(uid, primary),
            renewal,
            primary,
            horizon,
            "the self-signature of user ID \"" + uid + "\"");
    return newest == null || !PGPSignature.isCertification(newest.getSignatureType())
        ? null // none, or the newest revokes the user ID
        : newest;
  }

  private static boolean revoked(PGPPublicKey sub, PGPPublicKey primary) {
    return newest(
            list(sub.getSignaturesOfType(PGPSignature.SUBKEY_REVOCATION)),
            primary,
            s -> s.verifyCertification(primary, sub))
        != null;
  }

  /** What BouncyCastle says of a signature initialised for the primary key. */
  private interface Verification {
    boolean check(PGPSignature sig) throws PGPException;
  }

  private static @Nullable PGPSignature newest(
      List<PGPSignature> sigs, PGPPublicKey primary, Verification verification) {
    PGPSignature newest = null;
    for (PGPSignature sig : sigs) {
      if (isBy(sig, primary)
          && verifies(sig, primary, () -> verification.check(sig))
          && (newest == null || sig.getCreationTime().after(newest.getCreationTime()))) {
        newest = sig;
      }
    }
    return newest;
  }

  /**
   * The newest of {@code sigs} that verifies and that the policy accepts ({@link
   * PrimaryKeyProperties#accepted}): a refused one binds nothing, so a renewal must not copy its
   * flags, preferences or expiry into a signature that counts.
   *
   * @throws PgpKeyException if none is accepted but a refused one would have been renewed (it makes
   *     {@code target} expire by {@code horizon}): there is nothing sound to renew from
   */
  private static @Nullable PGPSignature newest(
      List<PGPSignature> sigs,
      PGPPublicKey primary,
      Verification verification,
      Renewal renewal,
      PGPPublicKey target,
      Date horizon,
      String what) {
    List<PGPSignature> accepted =
        sigs.stream()
            .filter(sig -> PrimaryKeyProperties.accepted(sig, primary, renewal.policy()))
            .toList();
    PGPSignature newest = newest(accepted, primary, verification);
    if (newest != null || accepted.size() == sigs.size()) {
      return newest;
    }
    PGPSignature refused = newest(sigs, primary, verification);
    if (refused == null || !expiresBy(target, refused, horizon)) {
      return null;
    }
    throw new PgpKeyException(
        "cannot renew key "
            + renewal.key().fingerprint()
            + ": "
            + what
            + " is made with "
            + refusal(refused, primary, renewal.policy())
            + ", and no older one is accepted; make a new self-signature (gpg --quick-set-expire)"
            + " or accept the hash in the policy");
  }

  /** What is wrong with {@code sig}'s hash, which the policy refuses or is too short. */
  private static String refusal(PGPSignature sig, PGPPublicKey primary, OpenPGPPolicy policy) {
    int hash = sig.getHashAlgorithm();
    String name = SignatureHash.name(hash);
    if (!SignatureHash.longEnough(primary, hash)) {
      return name
          + " ("
          + SignatureHash.digestBits(hash)
          + " bits), too short for its "
          + KeyDescriber.algorithmName(primary)
          + " primary key, which needs a hash of at least "
          + SignatureHash.minimumDigestBits(primary)
          + " bits (RFC 9580, section 5.2.3)";
    }
    return name
        + ", which the policy refuses for a signature made on "
        + Days.of(sig.getCreationTime())
        + (hash == HashAlgorithmTags.SHA1 ? " (PgpPolicy.acceptSha1Signatures accepts it)" : "");
  }
}
