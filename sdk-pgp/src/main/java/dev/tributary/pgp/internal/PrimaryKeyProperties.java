package dev.tributary.pgp.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.Iterator;
import java.util.List;
import org.bouncycastle.bcpg.PublicKeyUtils;
import org.bouncycastle.bcpg.SignatureSubpacketTags;
import org.bouncycastle.bcpg.sig.KeyFlags;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPPublicKeyRing;
import org.bouncycastle.openpgp.PGPSignature;
import org.bouncycastle.openpgp.PGPSignatureSubpacketVector;
import org.bouncycastle.openpgp.api.OpenPGPCertificate;
import org.bouncycastle.openpgp.api.OpenPGPCertificate.OpenPGPComponentKey;
import org.bouncycastle.openpgp.api.OpenPGPCertificate.OpenPGPComponentSignature;
import org.bouncycastle.openpgp.api.OpenPGPPolicy;
import org.jspecify.annotations.Nullable;

/**
 * The primary key's expiry and key flags as GnuPG and Sequoia read them: from its newest valid
 * direct-key signature, and what that lacks from the primary user ID's newest valid self-signature
 * (RFC 9580 §5.2.3.10, §10.1); where both carry key flags, only those both allow ({@link #both}).
 * BouncyCastle 1.87 reads them from whichever of the two is newer alone, so a direct-key signature
 * that carries neither (gpg's {@code addrevoker} makes one holding only a Revocation Key subpacket)
 * hid the key's expiry and flags: an expired certificate was encrypted to, and a signing primary
 * key was no signing key. An expiry counts from either signature and the earlier wins, whoever made
 * the key (BouncyCastle's generator puts it on the direct-key signature, GnuPG on the user ID's).
 * Only self-signatures whose hash the policy accepts count, as for BouncyCastle's bindings: one it
 * refuses (SHA-1 made after 2023-02-01, unless the policy accepts SHA-1) binds nothing, so it gives
 * the key no flags and no expiry; nor does one whose hash is too short for the primary key (SHA-256
 * for P-384, RFC 9580 section 5.2.3). A user ID revocation with such a hash, or with SHA-1 made
 * after the cut-off, still revokes. The primary key's binding and revocation are read here too
 * where BouncyCastle takes one revoked user ID of several for the key's ({@link #bound}, {@link
 * #bcRevocation}). Stateless.
 */
final class PrimaryKeyProperties {
  private PrimaryKeyProperties() {}

  /**
   * The primary key's expiry, the earlier of its direct-key and primary user ID's, if any; and its
   * flags, those both the direct-key signature and the primary user ID's allow ({@link #both}),
   * null when neither carries any.
   */
  record Read(@Nullable Date expiry, @Nullable KeyFlags flags) {}

  /**
   * Both properties, each signature found (and verified) once; with a null {@code policy}, from the
   * self-signatures that verify whatever their hash ({@link #accepted}): what they declare.
   */
  static Read read(PGPPublicKey primary, Date when, @Nullable OpenPGPPolicy policy) {
    PGPSignature direct = newestDirectKey(primary, when, policy);
    PGPSignature userId = primaryUserIdSignature(primary, when, policy);
    return new Read(
        earlier(expiry(primary, direct), expiry(primary, userId)),
        both(flags(direct), flags(userId)));
  }

  /**
   * The flags both signatures allow, where both carry flags; else those of the one that does. GnuPG
   * 2.2 takes the direct-key signature's flags, Sequoia (sqop 0.27.3) the primary user ID's, and
   * RFC 9580 does not say: a primary key whose direct-key signature let it sign and whose user ID's
   * did not signed for gpg and for us, not for sqop, and the other way round for sqop alone. It may
   * now do only what both allow.
   */
  private static @Nullable KeyFlags both(@Nullable KeyFlags direct, @Nullable KeyFlags userId) {
    if (direct == null || userId == null) {
      return direct != null ? direct : userId;
    }
    return new KeyFlags(direct.isCritical(), direct.getFlags() & userId.getFlags());
  }

  /** The primary key's expiry; see {@link Read}. */
  static @Nullable Date expiry(PGPPublicKey primary, Date when, OpenPGPPolicy policy) {
    return read(primary, when, policy).expiry();
  }

  /** The primary key's flags; see {@link Read}. */
  static @Nullable KeyFlags flags(PGPPublicKey primary, Date when, OpenPGPPolicy policy) {
    return read(primary, when, policy).flags();
  }

  /**
   * The primary key's flags as its newest self-signatures declare them ({@link #flags}, read as of
   * the newest direct-key or user ID self-signature), whenever they were made; if none that {@code
   * policy} accepts carries any, those of the newest that verify, whatever their hash (SHA-1 made
   * after the cut-off, RIPEMD-160, MD5, a hash too short for the key): what the key was made for,
   * when none is in force, as a subkey's newest binding that verifies gives its own ({@link
   * KeyDescriber#declaredFlags}). For a key described at a time before it was made, or one that no
   * self-signature the policy accepts binds. Null if none carries any.
   */
  static @Nullable KeyFlags declaredFlags(PGPPublicKey primary, OpenPGPPolicy policy) {
    Date newest = null;
    for (Iterator<PGPSignature> it = primary.getSignatures(); it.hasNext(); ) {
      PGPSignature sig = it.next();
      if ((sig.getSignatureType() == PGPSignature.DIRECT_KEY || sig.isCertification())
          && issuedBy(sig, primary)
          && (newest == null || sig.getCreationTime().after(newest))) {
        newest = sig.getCreationTime();
      }
    }
    if (newest == null) {
      return null;
    }
    KeyFlags counted = flags(primary, newest, policy);
    return counted != null ? counted : read(primary, newest, null).flags();
  }

  /** The keys that may sign at {@code when}: BouncyCastle's, corrected as {@link #usable} says. */
  static List<OpenPGPComponentKey> signingKeys(
      OpenPGPCertificate cert, Date when, OpenPGPPolicy policy) {
    return usable(cert, when, policy, KeyFlags.SIGN_DATA, cert.getSigningKeys(when));
  }

  /** The keys that may certify at {@code when}, as {@link #signingKeys} for signing keys. */
  static List<OpenPGPComponentKey> certificationKeys(
      OpenPGPCertificate cert, Date when, OpenPGPPolicy policy) {
    return usable(cert, when, policy, KeyFlags.CERTIFY_OTHER, cert.getCertificationKeys(when));
  }

  /**
   * BouncyCastle's choice of keys with {@code flag}, corrected for what it reads of the primary
   * key: none once the primary key has expired or while no self-signature binds it ({@link #bound};
   * its subkeys are bound to a key that is not valid), and the primary key by its flags here.
   * BouncyCastle 1.87 took the subkeys of a certificate whose user ID had only a third party's
   * certification, or only a self-signature that {@link #counts} refuses, as signing keys.
   */
  private static List<OpenPGPComponentKey> usable(
      OpenPGPCertificate cert,
      Date when,
      OpenPGPPolicy policy,
      int flag,
      List<OpenPGPComponentKey> chosen) {
    OpenPGPComponentKey primary = cert.getPrimaryKey();
    PGPPublicKey pub = primary.getPGPPublicKey();
    Read read = read(pub, when, policy);
    Date expiry = read.expiry();
    if ((expiry != null && !expiry.after(when))
        || hardRevoked(pub, pub, policy)
        || !bound(primary, when, policy)) {
      return List.of();
    }
    List<OpenPGPComponentKey> keys = new ArrayList<>();
    KeyFlags flags = read.flags();
    if (flags != null
        && (flags.getFlags() & flag) != 0
        && PublicKeyUtils.isSigningAlgorithm(pub.getAlgorithm())) {
      keys.add(primary);
    }
    for (OpenPGPComponentKey k : chosen) {
      if (!k.isPrimaryKey() && !hardRevoked(k.getPGPPublicKey(), pub, policy)) {
        keys.add(k);
      }
    }
    return keys;
  }

  /**
   * {@code ring} without the soft key revocations (superseded, retired) of its primary key made
   * after {@code when}: the certificate as it stood then. For some keys (those GnuPG makes among
   * them, not those {@link KeyGeneration} makes) BouncyCastle 1.8x took no subkey of a revoked
   * primary key as valid at any time, so that what a signing subkey signed before its primary key
   * was softly revoked did not verify, as it does in Sequoia.
   */
  static PGPPublicKeyRing withoutSoftRevocationsAfter(PGPPublicKeyRing ring, Date when) {
    PGPPublicKey primary = ring.getPublicKey();
    PGPPublicKey kept = primary;
    for (Iterator<PGPSignature> it = primary.getSignaturesOfType(PGPSignature.KEY_REVOCATION);
        it.hasNext(); ) {
      PGPSignature sig = it.next();
      if (!RevocationReasons.hard(sig) && sig.getCreationTime().after(when)) {
        kept = PGPPublicKey.removeCertification(kept, sig);
      }
    }
    return kept == primary ? ring : PGPPublicKeyRing.insertPublicKey(ring, kept);
  }

  /**
   * Whether {@code primary} revoked {@code key} hard ({@link RevocationReasons#hard}), which no
   * date limits. BouncyCastle leaves out most such keys itself, but takes a key revocation with
   * code 32 as soft; soft revocations are left to it (a newer self-signature may bind the key
   * again).
   */
  private static boolean hardRevoked(PGPPublicKey key, PGPPublicKey primary, OpenPGPPolicy policy) {
    PGPSignature found = revocation(key, primary, new Date(0), policy);
    return found != null && RevocationReasons.hard(found);
  }

  /**
   * The revocation by {@code primary} of {@code key} (the primary key itself, or a subkey) that is
   * in force at {@code when}, or null: a hard one whenever it was made, a soft one made by {@code
   * when} ({@link RevocationReasons}), hard ones first. It must verify, and its hash pass {@link
   * #accepted}.
   */
  static @Nullable PGPSignature revocation(
      PGPPublicKey key, PGPPublicKey primary, Date when, OpenPGPPolicy policy) {
    boolean isPrimary = key.isMasterKey();
    int type = isPrimary ? PGPSignature.KEY_REVOCATION : PGPSignature.SUBKEY_REVOCATION;
    PGPSignature found = null;
    for (Iterator<PGPSignature> it = key.getSignaturesOfType(type); it.hasNext(); ) {
      PGPSignature sig = it.next();
      boolean hard = RevocationReasons.hard(sig);
      if ((hard || !sig.getCreationTime().after(when))
          && (found == null || (hard && !RevocationReasons.hard(found)))
          && issuedBy(sig, primary)
          && accepted(sig, primary, policy)
          && revokes(sig, key, primary, isPrimary)) {
        found = sig;
      }
    }
    return found;
  }

  private static boolean revokes(
      PGPSignature sig, PGPPublicKey key, PGPPublicKey primary, boolean isPrimary) {
    if (isPrimary) {
      return verifies(sig, primary, null);
    }
    try {
      sig.init(JdkRsa.verifiers(), primary);
      return sig.verifyCertification(primary, key);
    } catch (PGPException | RuntimeException e) {
      return false;
    }
  }

  /**
   * Whether the primary key {@code k} is bound at {@code when}: as BouncyCastle says, or, where it
   * says not, by a valid user ID ({@link #validUserId}), if no key revocation is in force ({@link
   * #revocation}) and, for a v6 key, a direct-key signature that counts binds it too (RFC 9580
   * requires one, as BouncyCastle does). BouncyCastle 1.87 reads the primary key's binding from its
   * newest self-signature of all, or from the user ID it takes as primary, so that revoking one
   * user ID of several (gpg's {@code revuid}, the old address once a new one is added) unbound the
   * key: its signatures did not verify, and it could not sign.
   */
  static boolean bound(OpenPGPComponentKey k, Date when, OpenPGPPolicy policy) {
    if (k.isBoundAt(when)) {
      return true;
    }
    PGPPublicKey pub = k.getPGPPublicKey();
    return revocation(pub, pub, when, policy) == null
        && (pub.getVersion() < 6 || newestDirectKey(pub, when, policy) != null)
        && validUserId(pub, when, policy);
  }

  /**
   * The revocation BouncyCastle finds for {@code k} at {@code when}, or null; for the primary key,
   * not a user ID's revocation while another user ID is valid ({@link #validUserId}), but the key's
   * own revocation in force then ({@link #revocation}), if any. BouncyCastle 1.87 takes such a user
   * ID revocation for the whole key's (see {@link #bound}); a key counts as revoked by its user IDs
   * only once all are. Null also where BouncyCastle throws, as it does for some keys it finds
   * invalid.
   */
  static @Nullable PGPSignature bcRevocation(
      OpenPGPComponentKey k, Date when, OpenPGPPolicy policy) {
    try {
      OpenPGPComponentSignature found = k.getRevocation(when);
      if (found == null) {
        return null;
      }
      PGPSignature sig = found.getSignature();
      PGPPublicKey pub = k.getPGPPublicKey();
      boolean onlyAUserId =
          k.isPrimaryKey() && RevocationReasons.ofUserId(sig) && validUserId(pub, when, policy);
      return onlyAUserId ? revocation(pub, pub, when, policy) : sig;
    } catch (RuntimeException e) {
      return null;
    }
  }

  /** The earlier of two expiry dates, either of which may be absent. */
  static @Nullable Date earlier(@Nullable Date a, @Nullable Date b) {
    if (a == null) {
      return b;
    }
    return b == null || a.before(b) ? a : b;
  }

  private static @Nullable Date expiry(PGPPublicKey primary, @Nullable PGPSignature sig) {
    PGPSignatureSubpacketVector hashed = sig == null ? null : sig.getHashedSubPackets();
    long seconds = hashed == null ? 0 : hashed.getKeyExpirationTime();
    return seconds <= 0 ? null : new Date(primary.getCreationTime().getTime() + seconds * 1000);
  }

  private static @Nullable KeyFlags flags(@Nullable PGPSignature sig) {
    PGPSignatureSubpacketVector hashed = sig == null ? null : sig.getHashedSubPackets();
    return hashed == null ? null : (KeyFlags) hashed.getSubpacket(SignatureSubpacketTags.KEY_FLAGS);
  }

  private static @Nullable PGPSignature newestDirectKey(
      PGPPublicKey primary, Date when, @Nullable OpenPGPPolicy policy) {
    PGPSignature newest = null;
    for (Iterator<PGPSignature> it = primary.getSignaturesOfType(PGPSignature.DIRECT_KEY);
        it.hasNext(); ) {
      PGPSignature sig = it.next();
      if (newer(sig, newest, when)
          && counts(sig, when)
          && accepted(sig, primary, policy)
          && verifies(sig, primary, null)) {
        newest = sig;
      }
    }
    return newest;
  }

  /**
   * The newest valid self-signature of the primary user ID: of those user IDs not revoked, the one
   * whose newest self-signature says it is primary (the newest such), else the one with the newest
   * self-signature.
   */
  private static @Nullable PGPSignature primaryUserIdSignature(
      PGPPublicKey primary, Date when, @Nullable OpenPGPPolicy policy) {
    PGPSignature best = null;
    for (Iterator<byte[]> it = primary.getRawUserIDs(); it.hasNext(); ) {
      PGPSignature sig = userIdSignature(primary, it.next(), when, policy);
      if (sig == null) {
        continue;
      }
      boolean marked = sig.getHashedSubPackets().isPrimaryUserID();
      boolean bestMarked = best != null && best.getHashedSubPackets().isPrimaryUserID();
      if (best == null
          || (marked && !bestMarked)
          || (marked == bestMarked && sig.getCreationTime().after(best.getCreationTime()))) {
        best = sig;
      }
    }
    return best;
  }

  /** The user ID's newest valid self-certification, or null if it has none or is revoked. */
  private static @Nullable PGPSignature userIdSignature(
      PGPPublicKey primary, byte[] id, Date when, @Nullable OpenPGPPolicy policy) {
    UserIdState state = userIdState(primary, id, when, true, policy);
    return state.revoked() ? null : state.certification();
  }

  /**
   * The newest valid self-certification and revocation of a user ID made by {@code when}, either
   * null if there is none; with {@code liveAtWhen}, a self-certification that has expired by {@code
   * when} is not valid (without, for finding revocations that reach back, any that {@link
   * #understood} is).
   */
  private record UserIdState(
      @Nullable PGPSignature certification, @Nullable PGPSignature revocation) {
    /** Whether the revocation is the newer (or as new): the user ID is revoked. */
    boolean revoked() {
      return certification != null
          && revocation != null
          && !revocation.getCreationTime().before(certification.getCreationTime());
    }
  }

  private static UserIdState userIdState(
      PGPPublicKey primary,
      byte[] id,
      Date when,
      boolean liveAtWhen,
      @Nullable OpenPGPPolicy policy) {
    PGPSignature newest = null;
    PGPSignature revocation = null;
    for (Iterator<PGPSignature> it = primary.getSignaturesForID(id); it.hasNext(); ) {
      PGPSignature sig = it.next();
      if (sig.getHashedSubPackets() == null
          || !issuedBy(sig, primary)
          || !accepted(sig, primary, policy)) {
        continue;
      }
      if (sig.isCertification()) {
        if (newer(sig, newest, when)
            && (liveAtWhen ? counts(sig, when) : understood(sig))
            && verifies(sig, primary, id)) {
          newest = sig;
        }
      } else if (sig.getSignatureType() == PGPSignature.CERTIFICATION_REVOCATION
          && newer(sig, revocation, when)
          && verifies(sig, primary, id)) {
        revocation = sig;
      }
    }
    return new UserIdState(newest, revocation);
  }

  /**
   * Whether a user ID binds {@code primary} at {@code when}: bound by a self-signature that counts
   * and not revoked by then, nor hard-revoked ever ({@link RevocationReasons#hard}: with any reason
   * but 32, 1 or 3). As a hard key revocation does, a hard revocation of a key's last user ID
   * reaches back: what the key signed before it does not verify.
   */
  private static boolean validUserId(PGPPublicKey primary, Date when, OpenPGPPolicy policy) {
    Date ever = new Date(Long.MAX_VALUE);
    for (Iterator<byte[]> it = primary.getRawUserIDs(); it.hasNext(); ) {
      byte[] id = it.next();
      UserIdState now = userIdState(primary, id, ever, false, policy);
      boolean hard = now.revoked() && RevocationReasons.hard(now.revocation());
      if (!hard && userIdSignature(primary, id, when, policy) != null) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether the self-signature {@code sig} can count at {@code when}: it has not expired by then
   * and holds no critical subpacket or notation that is not understood ({@link
   * SignatureSubpackets}, as for a signature over data). GnuPG and Sequoia ignore such a
   * self-signature (RFC 9580, sections 5.2.3.7 and 5.2.3.18), so that it gives the key neither a
   * binding nor flags nor an expiry; BouncyCastle ignores it in its own bindings, but the user ID's
   * and direct-key signatures read here took it: a user ID whose only self-signature had expired,
   * or held a critical subpacket nobody understands, bound the primary key, made it a signing key
   * by its flags and its subkeys usable, and an ignored direct-key signature's key expiry expired
   * the certificate.
   */
  static boolean counts(PGPSignature sig, Date when) {
    return SignatureSubpackets.problem(sig, when.toInstant()) == null;
  }

  /** Whether {@code sig} holds no critical subpacket or notation that is not understood. */
  private static boolean understood(PGPSignature sig) {
    return SignatureSubpackets.problem(sig, Instant.MIN) == null;
  }

  /** Whether {@code sig}, made by {@code when}, is newer than {@code than} (or there is none). */
  private static boolean newer(PGPSignature sig, @Nullable PGPSignature than, Date when) {
    return !sig.getCreationTime().after(when)
        && (than == null || sig.getCreationTime().after(than.getCreationTime()));
  }

  /** A third party's certification names its issuer; checking it against our key would fail. */
  private static boolean issuedBy(PGPSignature sig, PGPPublicKey primary) {
    return sig.getKeyIdentifiers().isEmpty() || sig.hasKeyIdentifier(primary.getKeyIdentifier());
  }

  /**
   * Whether {@code policy} accepts {@code sig}'s hash algorithm for a signature of its kind made
   * when it was, and, unless {@code sig} is a revocation, the hash is long enough for {@code
   * signer} ({@link SignatureHash#longEnough}): for a self-signature, what the signatures that bind
   * a key must pass, while a revocation with a short hash (see {@link
   * SignatureHash#refusingShortHashes}) or a weak one made after the cut-off (SHA-1, RIPEMD-160,
   * MD5: {@link BcPolicy#isAcceptableRevocationSignatureHashAlgorithm}) still revokes. A null
   * {@code policy} accepts every hash, long enough or not: to read what a self-signature declares.
   */
  static boolean accepted(PGPSignature sig, PGPPublicKey signer, @Nullable OpenPGPPolicy policy) {
    if (policy == null) {
      return true;
    }
    int hash = sig.getHashAlgorithm();
    Date made = sig.getCreationTime();
    if (PGPSignature.isRevocation(sig.getSignatureType())) {
      return policy.isAcceptableRevocationSignatureHashAlgorithm(hash, made);
    }
    return policy.isAcceptableCertificationSignatureHashAlgorithm(hash, made)
        && SignatureHash.longEnough(signer, hash);
  }

  private static boolean verifies(PGPSignature sig, PGPPublicKey primary, byte @Nullable [] id) {
    try {
      sig.init(JdkRsa.verifiers(), primary);
      return id == null ? sig.verifyCertification(primary) : sig.verifyCertification(id, primary);
    } catch (PGPException | RuntimeException e) {
      return false;
    }
  }
}
