package dev.tributary.pgp.internal;

import static dev.tributary.pgp.internal.CertificateMerge.isBy;
import static dev.tributary.pgp.internal.CertificateMerge.list;
import static dev.tributary.pgp.internal.CertificateMerge.verifies;

import dev.tributary.core.TributaryException;
import dev.tributary.pgp.ComponentKey;
import dev.tributary.pgp.KeyCapability;
import dev.tributary.pgp.KeyDescription;
import dev.tributary.pgp.PgpCertificationException;
import dev.tributary.pgp.PgpKeyException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import org.bouncycastle.bcpg.HashAlgorithmTags;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPPublicKeyRing;
import org.bouncycastle.openpgp.PGPSecretKey;
import org.bouncycastle.openpgp.PGPSignature;
import org.bouncycastle.openpgp.api.OpenPGPCertificate;
import org.bouncycastle.openpgp.api.OpenPGPCertificate.OpenPGPComponentKey;
import org.bouncycastle.openpgp.api.OpenPGPCertificate.OpenPGPComponentSignature;
import org.bouncycastle.openpgp.api.OpenPGPCertificate.OpenPGPUserId;
import org.jspecify.annotations.Nullable;

/**
 * Third-party certifications of user IDs (RFC 9580, section 5.2.1: types 0x10 to 0x13, revoked by
 * 0x30): making them with a key, for {@link dev.tributary.pgp.PgpKey#certify}, and finding the user
 * IDs that certificates of authorities certified, for {@link
 * dev.tributary.pgp.PgpCertificate#userIdsCertifiedBy}.
 */
public final class Certifications {
  private Certifications() {}

  /**
   * A copy of {@code shared} with a generic certification (0x10) of each of {@code userIds} by
   * {@code key}'s certification key, made {@code now}. With {@code requireSelfSignature}, each user
   * ID must be bound to the certificate by a valid self-signature; without it, a user ID the
   * certificate lacks is added, bound by this certification alone.
   *
   * @throws PgpCertificationException if {@code key} cannot certify, or a user ID is not bound
   */
  public static PGPPublicKeyRing certify(
      UnlockedKeys key,
      Engine engine,
      PGPPublicKeyRing shared,
      List<String> userIds,
      boolean requireSelfSignature,
      Instant now) {
    PGPPublicKeyRing cert = KeyRings.copy(shared); // the result shares no signature with it
    Date when = Date.from(now);
    PGPSecretKey certifier = certificationKey(key, engine, when);
    PGPPublicKey primary = cert.getPublicKey();
    String fingerprint = KeyDescriber.fingerprint(primary);
    if (requireSelfSignature) {
      OpenPGPCertificate view = KeyRings.certificate(cert, engine);
      for (String userId : userIds) {
        OpenPGPUserId bound = view.getUserId(userId);
        if (bound == null || !bound.isBoundAt(when)) {
          throw new PgpCertificationException(
              PgpCertificationException.Reason.USER_ID_NOT_BOUND,
              fingerprint,
              "certificate "
                  + fingerprint
                  + " has no user ID '"
                  + userId
                  + "' bound by a valid self-signature"
                  + (CertificateMerge.hasUserId(primary, userId)
                      ? ": " + whyNotBound(view, bound, userId, engine, when)
                      : "")
                  + boundUserIds(view, primary, when));
        }
      }
    }
    PGPPublicKey certified = primary;
    try {
      for (String userId : userIds) {
        PGPSignature sig =
            Signing.generator(
                    certifier.getPublicKey(),
                    key.privateKey(certifier),
                    PGPSignature.DEFAULT_CERTIFICATION,
                    when,
                    hashed -> {})
                .generateCertification(userId, primary);
        certified = PGPPublicKey.addCertification(certified, userId, sig);
      }
    } catch (PGPException | RuntimeException e) {
      if (e instanceof TributaryException t) {
        throw t;
      }
      throw new PgpKeyException(
          "cannot certify with key "
              + key.fingerprint()
              + ": its key "
              + KeyDescriber.keyId(certifier.getKeyID())
              + " ("
              + KeyDescriber.algorithmName(certifier.getPublicKey())
              + ") cannot make the certification",
          e);
    }
    return PGPPublicKeyRing.insertPublicKey(cert, certified);
  }

  /**
   * What the reasons of a certification call the time it judges the certificate at, its own
   * creation time ("not yet made: created …, after the time of certification, …"), as the signer
   * names "the time of signing": not {@code describe()}'s "the time asked", which is not
   * necessarily now.
   */
  private static final String CERTIFYING = "the time of certification";

  /**
   * Why no valid self-signature binds {@code userId}, which {@code cert} holds, at {@code when}: it
   * is revoked, the certificate's primary key is unusable (judged at {@code when}, which its reason
   * names {@link #CERTIFYING}), its newest self-signature does not count ({@link
   * SelfSignatureProblems#ofUserId}, as {@link KeyDescriber} tells of keys), or it has no
   * self-signature, or none that verifies and that the policy accepts.
   */
  private static String whyNotBound(
      OpenPGPCertificate cert,
      @Nullable OpenPGPUserId userId,
      String name,
      Engine engine,
      Date when) {
    OpenPGPComponentSignature revocation =
        userId == null ? null : safe(() -> userId.getRevocation(when));
    if (revocation != null) {
      return "it is revoked (on " + RevocationReasons.dayAndKind(revocation.getSignature()) + ")";
    }
    PGPPublicKey primary = cert.getPrimaryKey().getPGPPublicKey();
    String voided = SelfSignatureProblems.ofUserId(primary, name, when);
    if (voided != null) {
      return voided;
    }
    String primaryProblem =
        KeyDescriber.describe(cert, engine, when.toInstant(), CERTIFYING)
            .primaryKey()
            .unusableBecause();
    if (primaryProblem != null) {
      return "the certificate's primary key is unusable (" + primaryProblem + ")";
    }
    return list(primary.getSignaturesForID(name)).stream().anyMatch(sig -> isBy(sig, primary))
        ? "none of its self-signatures verifies and is accepted by the policy"
        : "it carries no self-signature by the certificate's primary key";
  }

  private static <T> @Nullable T safe(java.util.function.Supplier<T> lookup) {
    try {
      return lookup.get();
    } catch (RuntimeException e) {
      return null;
    }
  }

  /** The secret key that certifies for {@code key} at {@code when}: usually its primary key. */
  private static PGPSecretKey certificationKey(UnlockedKeys key, Engine engine, Date when) {
    OpenPGPCertificate own = KeyRings.key(key.ring(), engine);
    PGPSecretKey primaryStub = null;
    for (OpenPGPComponentKey k :
        PrimaryKeyProperties.certificationKeys(own, when, engine.bcPolicy())) {
      PGPSecretKey secret = key.ring().getSecretKey(k.getKeyIdentifier());
      if (secret != null && !UnlockedKeys.isStub(secret)) {
        return secret;
      }
      if (secret != null && secret.isMasterKey()) {
        primaryStub = secret;
      }
    }
    if (primaryStub != null) {
      throw new PgpCertificationException(
          PgpCertificationException.Reason.KEY_CANNOT_CERTIFY,
          key.fingerprint(),
          "key "
              + key.fingerprint()
              + " cannot certify: "
              + UnlockedKeys.primarySecretMissing(primaryStub, "certify")
              + ", or with another key");
    }
    throw new PgpCertificationException(
        PgpCertificationException.Reason.KEY_CANNOT_CERTIFY,
        key.fingerprint(),
        "key " + key.fingerprint() + " cannot certify: " + whyNotCertifying(own, engine, when));
  }

  /**
   * Why {@code key}, which has no key that may certify at {@code when}, cannot certify then, and
   * what to do, as the signer says why a key cannot sign: its primary key is unusable, judged at
   * {@code when}, which its reason names {@link #CERTIFYING} ("not yet made: created …, after the
   * time of certification, …", "expired on …", "revoked on …"), or its key flags do not allow
   * certifying and no subkey may (each subkey declared for it says why it is unusable). A key made
   * after {@code when} is told to certify later, as no self-signature binds it before it was made.
   * The generic reason only where neither explains it: a certification subkey that is usable, but
   * only a stub here, while its primary key may not certify.
   */
  private static String whyNotCertifying(OpenPGPCertificate key, Engine engine, Date when) {
    KeyDescription described = KeyDescriber.describe(key, engine, when.toInstant(), CERTIFYING);
    ComponentKey primary = described.primaryKey();
    String unusable = primary.unusableBecause();
    if (unusable != null) {
      return "its primary key "
          + primary.keyId()
          + " is unusable ("
          + unusable
          + "); "
          + (primary.created().isAfter(KeyDescriber.at(when))
              ? "certify at a later time (if the time of certification is now, a clock is wrong:"
                  + " this machine's or the key maker's), or with another key"
              : "certify with another key");
    }
    List<String> subkeys = new ArrayList<>();
    boolean usableSubkey = false;
    for (ComponentKey k : described.keys()) {
      if (!k.primary() && k.capabilities().contains(KeyCapability.CERTIFY)) {
        usableSubkey |= k.usable();
        k.whyUnusable().ifPresent(why -> subkeys.add(k.keyId() + ": " + why));
      }
    }
    if (!primary.capabilities().contains(KeyCapability.CERTIFY) && !usableSubkey) {
      return "the key flags of its primary key "
          + primary.keyId()
          + " do not allow certifying, and "
          + (subkeys.isEmpty()
              ? "no subkey may certify"
              : "its subkeys declared for it are unusable (" + String.join("; ", subkeys) + ")")
          + "; certify with another key";
    }
    return "it has no valid certification key with its secret part (expired, revoked, without the"
        + " certify flag, or a stub); certify with another key";
  }

  /**
   * What {@code cert}'s user IDs offer the caller of a certification refused for a user ID that is
   * not bound at {@code when}: "; certify one of its user IDs [...]", those bound then. If none is,
   * that it binds none at the time of certification, and the user IDs it binds later ({@link
   * #boundAt}), to certify then; else those it bound before, for which its owner must update it;
   * else, as when it has no user ID, that {@code certifyAddingUserIds} vouches for a user ID its
   * owner has not bound.
   */
  private static String boundUserIds(OpenPGPCertificate cert, PGPPublicKey primary, Date when) {
    List<String> bound = cert.getValidUserIds(when).stream().map(OpenPGPUserId::getUserId).toList();
    if (!bound.isEmpty()) {
      return "; certify one of its user IDs " + bound;
    }
    String vouch =
        "; to vouch for a user ID its owner has not bound, certify it with certifyAddingUserIds";
    if (cert.getAllUserIds().isEmpty()) {
      return "; it has no user ID" + vouch;
    }
    List<String> later = new ArrayList<>();
    List<String> earlier = new ArrayList<>();
    for (OpenPGPUserId userId : cert.getAllUserIds()) {
      Instant after = boundAt(userId, primary, when, true);
      Instant before = after != null ? null : boundAt(userId, primary, when, false);
      if (after != null) {
        later.add("'" + userId.getUserId() + "' at " + after);
      } else if (before != null) {
        earlier.add("'" + userId.getUserId() + "' at " + before);
      }
    }
    String none = "; it binds none of its user IDs at " + CERTIFYING + ", " + KeyDescriber.at(when);
    if (!later.isEmpty()) {
      return none + ", but binds " + String.join(", ", later) + ": certify at such a time";
    }
    if (!earlier.isEmpty()) {
      return none
          + ", though it bound "
          + String.join(", ", earlier)
          + ": ask its owner for an updated certificate";
    }
    return none + ", nor when any of its self-signatures was made" + vouch;
  }

  /**
   * The creation time of a self-signature by {@code primary} on {@code userId} at which {@code
   * userId} is bound: the earliest after {@code when} ({@code after}), or the latest before it;
   * null if it is bound at none of them.
   */
  private static @Nullable Instant boundAt(
      OpenPGPUserId userId, PGPPublicKey primary, Date when, boolean after) {
    List<Date> times =
        list(primary.getSignaturesForID(userId.getUserId())).stream()
            .filter(sig -> isBy(sig, primary))
            .map(PGPSignature::getCreationTime)
            .filter(t -> after ? t.after(when) : t.before(when))
            .distinct()
            .sorted(after ? Comparator.naturalOrder() : Comparator.reverseOrder())
            .toList();
    for (Date t : times) {
      if (Boolean.TRUE.equals(safe(() -> userId.isBoundAt(t)))) {
        return t.toInstant();
      }
    }
    return null;
  }

  /**
   * The user IDs of {@code subject} that are certified at {@code at} by one of {@code authorities}:
   * by a certification that verifies, was made by a key that could certify for its authority then
   * and can still at {@code at}, has not expired, uses no weak hash and is not revoked by a later
   * certification revocation of the same key. A subject that is itself among the authorities
   * vouches for its own user IDs by their self-signatures. None if the subject's primary key is
   * revoked or expired at {@code at} or no self-signature binds it then, and none that its owner
   * revoked.
   */
  public static List<String> certifiedUserIds(
      PGPPublicKeyRing shared, List<PGPPublicKeyRing> authorities, Engine engine, Instant at) {
    // The certifications are checked here, not in a BouncyCastle view: on a copy, since a
    // signature object keeps its check's state and the certificate is shared between threads.
    PGPPublicKeyRing subject = KeyRings.copy(shared);
    Date when = Date.from(at);
    OpenPGPCertificate view = KeyRings.certificate(subject, engine);
    ComponentKey primary = KeyDescriber.describe(view, engine, at).primaryKey();
    if (primary.revoked()
        || primary.expiry().filter(e -> !e.isAfter(at)).isPresent()
        || !bound(view, engine, when)) {
      return List.of();
    }
    List<OpenPGPCertificate> others = new ArrayList<>();
    boolean selfAuthority = false;
    for (PGPPublicKeyRing a : authorities) {
      if (a.getPublicKey().hasFingerprint(subject.getPublicKey().getFingerprint())) {
        selfAuthority = true;
      } else {
        others.add(KeyRings.certificate(a, engine));
      }
    }
    List<String> certified = new ArrayList<>();
    for (String userId : list(subject.getPublicKey().getUserIDs())) {
      OpenPGPUserId own = view.getUserId(userId);
      if (own != null && own.getRevocation(when) != null) {
        continue;
      }
      boolean selfBound = selfAuthority && own != null && own.isBoundAt(when);
      if (selfBound || certifiedByAny(subject.getPublicKey(), userId, others, engine, when)) {
        certified.add(userId);
      }
    }
    return certified;
  }

  /**
   * Whether a self-signature binds {@code cert}'s primary key at {@code when} ({@link
   * PrimaryKeyProperties#bound}). A third party's certification of a user ID binds nothing for the
   * key's owner: a certificate whose user ID has only that, or only a self-signature that has
   * expired or that nobody understands, is not valid, and none of its user IDs is certified.
   */
  private static boolean bound(OpenPGPCertificate cert, Engine engine, Date when) {
    try {
      return PrimaryKeyProperties.bound(cert.getPrimaryKey(), when, engine.bcPolicy());
    } catch (RuntimeException e) {
      return false;
    }
  }

  private static boolean certifiedByAny(
      PGPPublicKey subject,
      String userId,
      List<OpenPGPCertificate> authorities,
      Engine engine,
      Date when) {
    List<PGPSignature> sigs = list(subject.getSignaturesForID(userId));
    for (OpenPGPCertificate authority : authorities) {
      for (PGPSignature sig : sigs) {
        PGPPublicKey by = certifier(authority, sig, engine, when);
        if (by != null
            && PGPSignature.isCertification(sig.getSignatureType())
            && valid(sig, by, userId, subject, engine, when)
            && !revokedLater(sig, by, userId, subject, sigs, engine, when)) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * The key of {@code authority} that issued {@code sig}, if it could certify both when {@code sig}
   * was made and at {@code when}.
   */
  private static @Nullable PGPPublicKey certifier(
      OpenPGPCertificate authority, PGPSignature sig, Engine engine, Date when) {
    PGPPublicKey then =
        issuer(safeCertificationKeys(authority, sig.getCreationTime(), engine), sig);
    PGPPublicKey now = issuer(safeCertificationKeys(authority, when, engine), sig);
    return then != null && now != null ? now : null;
  }

  private static @Nullable PGPPublicKey issuer(List<OpenPGPComponentKey> keys, PGPSignature sig) {
    for (OpenPGPComponentKey k : keys) {
      if (isBy(sig, k.getPGPPublicKey())) {
        return k.getPGPPublicKey();
      }
    }
    return null;
  }

  private static List<OpenPGPComponentKey> safeCertificationKeys(
      OpenPGPCertificate c, Date at, Engine engine) {
    try {
      return PrimaryKeyProperties.certificationKeys(c, at, engine.bcPolicy());
    } catch (RuntimeException e) {
      return List.of(); // BouncyCastle throws for a certificate it finds invalid at that time
    }
  }

  /**
   * Whether {@code sig} is made by then, unexpired at {@code when}, strong (its hash accepted and
   * long enough for {@code by}, as {@link SignatureHash#longEnough}), and verifies. A revocation
   * needs only a hash the policy knows, as {@link PrimaryKeyProperties#accepted} says: one with a
   * short or weak hash (SHA-1 made after the cut-off) still revokes, as in {@link
   * SignatureHash#refusingShortHashes}, since it can only take a certification away.
   */
  private static boolean valid(
      PGPSignature sig,
      PGPPublicKey by,
      String userId,
      PGPPublicKey subject,
      Engine engine,
      Date when) {
    if (sig.getCreationTime().after(when)) {
      return false;
    }
    long expiry =
        sig.getHashedSubPackets() == null
            ? 0
            : sig.getHashedSubPackets().getSignatureExpirationTime();
    if (expiry > 0 && sig.getCreationTime().getTime() + expiry * 1000 <= when.getTime()) {
      return false;
    }
    int hash = sig.getHashAlgorithm();
    boolean strong =
        PGPSignature.isRevocation(sig.getSignatureType())
            ? PrimaryKeyProperties.accepted(sig, by, engine.bcPolicy())
            : hash != HashAlgorithmTags.MD5
                && hash != HashAlgorithmTags.RIPEMD160
                && (hash != HashAlgorithmTags.SHA1 || engine.policy().acceptsSha1Signatures())
                && SignatureHash.longEnough(by, hash);
    if (!strong) {
      return false;
    }
    return verifies(sig, by, () -> sig.verifyCertification(userId, subject));
  }

  /** Whether {@code by} revoked its certification {@code sig} later, but by {@code when}. */
  private static boolean revokedLater(
      PGPSignature sig,
      PGPPublicKey by,
      String userId,
      PGPPublicKey subject,
      List<PGPSignature> sigs,
      Engine engine,
      Date when) {
    for (PGPSignature revocation : sigs) {
      if (revocation.getSignatureType() == PGPSignature.CERTIFICATION_REVOCATION
          && isBy(revocation, by)
          && !revocation.getCreationTime().before(sig.getCreationTime())
          && valid(revocation, by, userId, subject, engine, when)) {
        return true;
      }
    }
    return false;
  }
}
