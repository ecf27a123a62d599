package dev.tributary.pgp.internal;

import dev.tributary.pgp.ComponentKey;
import dev.tributary.pgp.KeyCapability;
import dev.tributary.pgp.KeyDescription;
import dev.tributary.pgp.KeyRevocation;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.bcpg.ECPublicBCPGKey;
import org.bouncycastle.bcpg.PublicKeyAlgorithmTags;
import org.bouncycastle.bcpg.SignatureSubpacketTags;
import org.bouncycastle.bcpg.sig.KeyFlags;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPSecretKey;
import org.bouncycastle.openpgp.PGPSignature;
import org.bouncycastle.openpgp.api.OpenPGPCertificate;
import org.bouncycastle.openpgp.api.OpenPGPCertificate.OpenPGPComponentKey;
import org.bouncycastle.openpgp.api.OpenPGPCertificate.OpenPGPComponentSignature;
import org.bouncycastle.openpgp.api.OpenPGPCertificate.OpenPGPUserId;
import org.bouncycastle.openpgp.api.OpenPGPKey;
import org.bouncycastle.util.encoders.Hex;
import org.jspecify.annotations.Nullable;

/** Turns a BouncyCastle certificate or key into a {@link KeyDescription}. */
public final class KeyDescriber {
  private static final HexFormat KEY_ID = HexFormat.of().withUpperCase();

  private KeyDescriber() {}

  /**
   * {@code cert} as of {@code at}; {@code engine} is the one {@code cert} was read with, whose
   * policy says which self-signatures count. Its keys come in the order of {@code cert.getKeys()},
   * the primary key first: {@link Signing} and {@link SignatureChecks} pair them by index.
   */
  public static KeyDescription describe(OpenPGPCertificate cert, Engine engine, Instant at) {
    return describe(cert, engine, at, ASKED);
  }

  /**
   * {@link #describe(OpenPGPCertificate, Engine, Instant)}, the reasons of a key made after {@code
   * at} and of a subkey declared only by a binding made after {@code at} naming {@code at} as
   * {@code time} ("the time of signing", {@link #SIGNATURE_MADE}), as the caller that judges the
   * keys then says it.
   */
  static KeyDescription describe(OpenPGPCertificate cert, Engine engine, Instant at, String time) {
    Date when = Date.from(at);
    List<String> userIds = new ArrayList<>();
    List<String> revokedUserIds = new ArrayList<>();
    Map<String, KeyRevocation> userIdRevocations = new LinkedHashMap<>();
    for (OpenPGPUserId uid : cert.getAllUserIds()) {
      userIds.add(uid.getUserId());
      OpenPGPComponentSignature revocation = safe(() -> uid.getRevocation(when));
      if (revocation != null) {
        revokedUserIds.add(uid.getUserId());
        userIdRevocations.putIfAbsent(
            uid.getUserId(), RevocationReasons.describe(revocation.getSignature()));
      }
    }
    List<ComponentKey> keys = new ArrayList<>();
    String primaryProblem = null;
    for (OpenPGPComponentKey k : cert.getKeys()) {
      ComponentKey described = component(cert, k, engine, when, time, primaryProblem);
      if (k.isPrimaryKey()) {
        primaryProblem = described.unusableBecause();
      }
      keys.add(described);
    }
    return new KeyDescription(
        fingerprint(cert.getPrimaryKey().getPGPPublicKey()),
        userIds,
        revokedUserIds,
        userIdRevocations,
        cert.isSecretKey(),
        keys);
  }

  /**
   * One key of {@code cert} at {@code when}, which {@code time} names; {@code primaryProblem} is
   * why its primary key cannot be used (null: it can), which makes a subkey unusable too. A key
   * made after {@code when} says that of itself ({@link #madeAfter}), not what follows from it (no
   * key flags, no binding, its primary key). A key no self-signature binds at {@code when} (made
   * after it, its user IDs all revoked, or bound only by self-signatures the policy refuses) shows
   * the capabilities its newest self-signature that verifies declares, the primary key as its
   * subkeys ({@link PrimaryKeyProperties#declaredFlags}), while its reason says why it is unusable.
   */
  static ComponentKey component(
      OpenPGPCertificate cert,
      OpenPGPComponentKey k,
      Engine engine,
      Date when,
      String time,
      @Nullable String primaryProblem) {
    PGPPublicKey pub = k.getPGPPublicKey();
    Date expires = safe(() -> k.getKeyExpirationDateAt(when));
    PrimaryKeyProperties.Read primary =
        k.isPrimaryKey() ? PrimaryKeyProperties.read(pub, when, engine.bcPolicy()) : null;
    if (primary != null) {
      expires = PrimaryKeyProperties.earlier(expires, primary.expiry());
    }
    PGPSignature revocation = revocation(cert, k, engine, when);
    Date boundAgain = boundAgain(k, revocation, when);
    boolean isProtected = false;
    if (cert instanceof OpenPGPKey key) {
      PGPSecretKey secret = key.getPGPSecretKeyRing().getSecretKey(pub.getKeyIdentifier());
      // a stub (GnuPG's gnu-dummy or divert-to-card S2K) holds no secret, so nothing to protect
      isProtected = secret != null && secret.getS2KUsage() != 0 && !UnlockedKeys.isStub(secret);
    }
    boolean notYetMade = pub.getCreationTime().after(when);
    KeyFlags flags = primary != null ? primary.flags() : safe(() -> k.getKeyFlags(when));
    // a subkey bound by a binding without key flags, declared for something by a newer one that
    // does not count: no use of it is allowed, as the encryptor and the signer refuse it
    boolean declaredOnly = false;
    if (flags == null && primary == null) {
      flags = declaredFlags(k.getPGPPublicKey(), cert.getPrimaryKey().getPGPPublicKey());
      declaredOnly = flags != null;
    }
    Set<KeyCapability> capabilities = capabilities(flags);
    // A signing subkey bound again after a soft revocation signs and verifies as bound; no message
    // is encrypted to an encryption subkey so bound, as in GnuPG and OpenPGP.js.
    boolean revoked =
        revocation != null
            && (boundAgain == null
                || capabilities.contains(KeyCapability.ENCRYPT_COMMUNICATIONS)
                || capabilities.contains(KeyCapability.ENCRYPT_STORAGE));
    String problem =
        notYetMade
            ? notYetMade(pub.getCreationTime().toInstant(), time, at(when))
            : primaryProblem != null
                ? "its primary key is unusable (" + primaryProblem + ")"
                : boundAgain != null
                    ? (revoked ? revokedAndBoundAgain(revocation, boundAgain) : null)
                    : problem(k, engine, when, revocation, expires);
    if (problem == null && declaredOnly) {
      problem = declaredByARefusedBinding(k, engine, when, time);
    }
    if (flags == null && primary != null && problem != null) {
      // none binds it (not yet made, its user IDs all revoked, or the policy refuses its
      // self-signatures): what it was made for, as for a subkey
      capabilities = capabilities(PrimaryKeyProperties.declaredFlags(pub, engine.bcPolicy()));
    }
    return new ComponentKey(
        fingerprint(pub),
        keyId(pub.getKeyID()),
        pub.getVersion(),
        k.isPrimaryKey(),
        algorithmName(pub),
        bits(pub),
        pub.getCreationTime().toInstant(),
        expires == null ? null : expires.toInstant(),
        capabilities,
        revoked,
        revocation == null ? null : RevocationReasons.describe(revocation),
        isProtected,
        problem);
  }

  /**
   * The revocation of {@code k} in force at {@code when}: its own hard key or subkey revocation
   * ({@link PrimaryKeyProperties#revocation}: BouncyCastle takes code 32 as soft), else the one
   * BouncyCastle finds (soft ones, or, for a primary key, the revocation of its user IDs once all
   * are revoked: {@link PrimaryKeyProperties#bcRevocation}).
   */
  private static @Nullable PGPSignature revocation(
      OpenPGPCertificate cert, OpenPGPComponentKey k, Engine engine, Date when) {
    PGPPublicKey primary = cert.getPrimaryKey().getPGPPublicKey();
    PGPSignature own =
        safe(
            () ->
                PrimaryKeyProperties.revocation(
                    k.getPGPPublicKey(), primary, when, engine.bcPolicy()));
    if (own != null && RevocationReasons.hard(own)) {
      return own;
    }
    return PrimaryKeyProperties.bcRevocation(k, when, engine.bcPolicy());
  }

  /**
   * When a binding signature made after {@code revocation}, a soft revocation of subkey {@code k},
   * and by {@code when} bound {@code k} again, if BouncyCastle takes it as bound at {@code when}:
   * as it does to verify and make signatures (Sequoia too); null if none did, or {@code revocation}
   * is hard or of a primary key.
   */
  static @Nullable Date boundAgain(
      OpenPGPComponentKey k, @Nullable PGPSignature revocation, Date when) {
    if (revocation == null || k.isPrimaryKey() || RevocationReasons.hard(revocation)) {
      return null;
    }
    Boolean bound = safe(() -> k.isBoundAt(when));
    if (bound == null || !bound) {
      return null;
    }
    PGPPublicKey sub = k.getPGPPublicKey();
    PGPPublicKey primary = k.getCertificate().getPrimaryKey().getPGPPublicKey();
    Date newest = null;
    for (Iterator<PGPSignature> it = sub.getSignaturesOfType(PGPSignature.SUBKEY_BINDING);
        it.hasNext(); ) {
      PGPSignature sig = it.next();
      Date made = sig.getCreationTime();
      if (made.after(revocation.getCreationTime())
          && !made.after(when)
          && (newest == null || made.after(newest))
          && CertificateMerge.isBy(sig, primary)
          && CertificateMerge.verifies(sig, primary, () -> sig.verifyCertification(primary, sub))) {
        newest = made;
      }
    }
    return newest;
  }

  /** What the reason of a key made after the time asked starts with. */
  private static final String NOT_YET_MADE = "not yet made: ";

  /** What {@link #describe} calls the time it judges at, as {@link Revocation}'s refusals do. */
  private static final String ASKED = "the time asked";

  /**
   * What a key made after the time asked adds: {@code describe()} asks at this machine's now, and a
   * key dated after that was made by (or is judged on) a clock that is wrong.
   */
  private static final String IF_NOW =
      " (if that is now, a clock is wrong: this machine's or the key maker's)";

  /**
   * "not yet made: created …, after {@code time}, {@code at}", the reason of a key made after
   * {@code at}; at {@link #ASKED}, {@code describe()}'s time, which is this machine's now unless
   * its caller gives another, with {@link #IF_NOW}. The signer, the verifier and the certifier name
   * their time ("the time of signing", {@link #SIGNATURE_MADE}, "the time of certification"), which
   * is not necessarily now.
   */
  private static String notYetMade(Instant created, String time, Instant at) {
    return NOT_YET_MADE + madeAfter(created, time, at) + (time.equals(ASKED) ? IF_NOW : "");
  }

  /**
   * What the verifier calls the time it judges a signature's keys at, the signature's creation
   * time, as its reasons say it ("… was not a valid signing key when the signature was made").
   */
  static final String SIGNATURE_MADE = "the time the signature was made";

  /** {@code when} in whole seconds, as OpenPGP dates keys and signatures. */
  static Instant at(Date when) {
    return when.toInstant().truncatedTo(ChronoUnit.SECONDS);
  }

  /**
   * "created 2026-11-30T22:58:52Z, after the time of signing, 2026-11-30T22:58:00Z": that a key
   * made at {@code created} did not exist yet at {@code at}, which {@code time} names ("the time of
   * signing", "the time asked"). No self-signature binds a key before it was made, so it has no key
   * flags then: this says why, where "its key flags do not allow signing" would mislead.
   */
  static String madeAfter(Instant created, String time, Instant at) {
    return "created " + created + ", after " + time + ", " + at;
  }

  /**
   * Whether subkey {@code k} has no key flags at all at {@code when}: none in force, and none in
   * its newest binding signature that verifies. GnuPG then goes by the algorithm (an EdDSA subkey
   * signs, an ECDH one encrypts); Sequoia and OpenPGP.js take it for nothing, as we do. False for a
   * primary key.
   */
  static boolean givenNoKeyFlags(OpenPGPComponentKey k, Date when) {
    if (k.isPrimaryKey()) {
      return false;
    }
    KeyFlags flags = safe(() -> k.getKeyFlags(when));
    if (flags == null) {
      flags = safe(k::getKeyFlags);
    }
    return flags == null
        && declaredFlags(k.getPGPPublicKey(), k.getCertificate().getPrimaryKey().getPGPPublicKey())
            == null;
  }

  /**
   * Why a key whose flags do not declare {@code use} ("signing") may not be used for it, {@code a}
   * naming such a key ("a signing key"): its newest binding gives it no key flags ({@link
   * #givenNoKeyFlags}), or its key flags do not allow it.
   */
  static String flagsForbid(OpenPGPComponentKey k, Date when, String use, String a) {
    return givenNoKeyFlags(k, when) ? noKeyFlags(a) : "its key flags do not allow " + use;
  }

  /** That a subkey's newest binding gives it no key flags, so nothing declares it {@code a}. */
  static String noKeyFlags(String a) {
    return "its newest binding signature gives it no key flags (RFC 9580, section 5.2.3.29), so"
        + " nothing declares it "
        + a;
  }

  /** Why an encryption key bound again after a soft revocation is not encrypted to. */
  private static String revokedAndBoundAgain(PGPSignature revocation, Date boundAgain) {
    return "revoked on " + RevocationReasons.dayAndKind(revocation) + boundAgain(boundAgain);
  }

  /** "; bound again on …, which counts for signing only", said of an encryption key. */
  static String boundAgain(Date boundAgain) {
    return "; bound again on "
        + Days.of(boundAgain)
        + ", which counts for signing only: no message is encrypted to it";
  }

  /**
   * Why {@code k}, made by {@code when}, cannot be used then, or null if it can: revoked, expired,
   * weaker than the policy allows, or bound by no self-signature that counts (as {@link
   * RecipientSelector#unbound} tells it: the policy refuses their hash, or it is too short).
   */
  private static @Nullable String problem(
      OpenPGPComponentKey k,
      Engine engine,
      Date when,
      @Nullable PGPSignature revocation,
      @Nullable Date expires) {
    PGPPublicKey pub = k.getPGPPublicKey();
    if (revocation != null) {
      return (RevocationReasons.ofUserId(revocation)
              ? "its user IDs are all revoked, on "
              : "revoked on ")
          + RevocationReasons.dayAndKind(revocation);
    }
    if (expires != null && !expires.after(when)) {
      return "expired on " + Days.of(expires);
    }
    if (isSizeRated(pub.getAlgorithm())
        && pub.getBitStrength() < engine.policy().minimumRsaBits()) {
      return algorithmName(pub)
          + " "
          + pub.getBitStrength()
          + " bits is weaker than the policy's minimum of "
          + engine.policy().minimumRsaBits()
          + " (PgpPolicy.minimumRsaBits)";
    }
    Boolean bound =
        safe(
            () ->
                k.isPrimaryKey()
                    ? PrimaryKeyProperties.bound(k, when, engine.bcPolicy())
                    : k.isBoundAt(when));
    if (bound == null || !bound) {
      return RecipientSelector.unbound(k, engine, when);
    }
    return null;
  }

  /**
   * Why subkey {@code k}, bound at {@code when} by a binding signature that gives it no key flags,
   * may not be used for what its newer binding declares ({@link #declaredFlags}): that one does not
   * count, its hash too short for the primary key ({@link SignatureHash#longEnough}) or refused by
   * the policy ({@link RecipientSelector#refusal}, the words {@link RecipientSelector#unbound} says
   * of every self-signature), made after {@code when}, which {@code time} names, or void for what
   * it holds ({@link SignatureSubpackets#problem}, {@link SelfSignatureProblems}).
   */
  private static String declaredByARefusedBinding(
      OpenPGPComponentKey k, Engine engine, Date when, String time) {
    PGPPublicKey sub = k.getPGPPublicKey();
    PGPPublicKey primary = k.getCertificate().getPrimaryKey().getPGPPublicKey();
    PGPSignature newer = declaredBinding(sub, primary);
    int hash = newer.getHashAlgorithm();
    String refused =
        RecipientSelector.refusal(hash, newer.getCreationTime(), engine, "it", "a new binding");
    String why;
    if (!SignatureHash.longEnough(primary, hash)) {
      why = "uses " + SignatureHash.tooShort(hash, primary, "it");
    } else if (refused != null) {
      why = "uses " + refused;
    } else if (newer.getCreationTime().after(when)) {
      why = "was made " + newer.getCreationTime().toInstant() + ", after " + time;
    } else {
      String voided = SignatureSubpackets.problem(newer, when.toInstant());
      if (voided == null) {
        voided = SelfSignatureProblems.of(sub, primary, when);
      }
      why = "does not count" + (voided == null ? "" : ": " + voided);
    }
    return "its binding signature that counts gives it no key flags (RFC 9580, section 5.2.3.29);"
        + " its newer one, which declares them, "
        + why;
  }

  /**
   * Why subkey {@code k} may not be used at {@code when} for what it was declared for, if no key
   * flags are in force then while a newer binding that does not count declares some ({@link
   * #declaredByARefusedBinding}); null otherwise, and for a primary key. {@code time} names {@code
   * when} ("the time of encryption"), as the encryptor and the signer say it.
   */
  static @Nullable String declaredOnly(
      OpenPGPComponentKey k, Engine engine, Date when, String time) {
    if (k.isPrimaryKey()
        || safe(() -> k.getKeyFlags(when)) != null
        || declaredFlags(k.getPGPPublicKey(), k.getCertificate().getPrimaryKey().getPGPPublicKey())
            == null) {
      return null;
    }
    return declaredByARefusedBinding(k, engine, when, time);
  }

  /**
   * The key flags of the newest binding signature by {@code primary} on subkey {@code sub} that
   * verifies, whether or not it counts: what the subkey was declared for.
   */
  static @Nullable KeyFlags declaredFlags(PGPPublicKey sub, PGPPublicKey primary) {
    PGPSignature newest = declaredBinding(sub, primary);
    return newest == null
        ? null
        : (KeyFlags) newest.getHashedSubPackets().getSubpacket(SignatureSubpacketTags.KEY_FLAGS);
  }

  /**
   * The newest binding signature by {@code primary} on subkey {@code sub} that verifies, whether or
   * not it counts ({@link #declaredFlags}); null if none does.
   */
  private static @Nullable PGPSignature declaredBinding(PGPPublicKey sub, PGPPublicKey primary) {
    PGPSignature newest = null;
    for (Iterator<PGPSignature> it = sub.getSignaturesOfType(PGPSignature.SUBKEY_BINDING);
        it.hasNext(); ) {
      PGPSignature sig = it.next();
      if ((newest == null || sig.getCreationTime().after(newest.getCreationTime()))
          && sig.getHashedSubPackets() != null
          && CertificateMerge.isBy(sig, primary)
          && CertificateMerge.verifies(sig, primary, () -> sig.verifyCertification(primary, sub))) {
        newest = sig;
      }
    }
    return newest;
  }

  /**
   * The key size in bits, as GnuPG gives it: 255 for the Curve25519 family (Ed25519, X25519 and the
   * legacy EdDSA/ECDH forms), where BouncyCastle says 256.
   */
  private static int bits(PGPPublicKey pub) {
    return algorithmName(pub).contains("25519") ? 255 : pub.getBitStrength();
  }

  /** BouncyCastle throws from some lookups on keys it finds invalid; that just means "none". */
  private static <T> T safe(java.util.function.Supplier<T> lookup) {
    try {
      return lookup.get();
    } catch (RuntimeException e) {
      return null;
    }
  }

  static Set<KeyCapability> capabilities(KeyFlags flags) {
    Set<KeyCapability> caps = EnumSet.noneOf(KeyCapability.class);
    if (flags == null) {
      return caps;
    }
    int f = flags.getFlags();
    if ((f & KeyFlags.CERTIFY_OTHER) != 0) {
      caps.add(KeyCapability.CERTIFY);
    }
    if ((f & KeyFlags.SIGN_DATA) != 0) {
      caps.add(KeyCapability.SIGN);
    }
    if ((f & KeyFlags.ENCRYPT_COMMS) != 0) {
      caps.add(KeyCapability.ENCRYPT_COMMUNICATIONS);
    }
    if ((f & KeyFlags.ENCRYPT_STORAGE) != 0) {
      caps.add(KeyCapability.ENCRYPT_STORAGE);
    }
    if ((f & KeyFlags.AUTHENTICATION) != 0) {
      caps.add(KeyCapability.AUTHENTICATE);
    }
    return caps;
  }

  public static String fingerprint(PGPPublicKey key) {
    return Hex.toHexString(key.getFingerprint()).toUpperCase(Locale.ROOT);
  }

  /**
   * The key ID as 16 upper-case hex digits, as gpg prints it. By {@link HexFormat}, not {@code
   * String.format}: a decryption names the message's recipients on its way to the key (for the
   * error should none match), and in a fresh JVM, as in one {@code sop decrypt}, the first {@code
   * String.format} costs a few milliseconds of setting up {@code java.util.Formatter}.
   */
  public static String keyId(long keyId) {
    return KEY_ID.toHexDigits(keyId);
  }

  @SuppressWarnings("deprecation") // the deprecated IDs still name old keys that exist
  public static String algorithmName(PGPPublicKey key) {
    int alg = key.getAlgorithm();
    return switch (alg) {
      case PublicKeyAlgorithmTags.RSA_GENERAL,
          PublicKeyAlgorithmTags.RSA_ENCRYPT,
          PublicKeyAlgorithmTags.RSA_SIGN ->
          "RSA";
      case PublicKeyAlgorithmTags.DSA -> "DSA";
      case PublicKeyAlgorithmTags.ELGAMAL_ENCRYPT, PublicKeyAlgorithmTags.ELGAMAL_GENERAL ->
          "ElGamal";
      case PublicKeyAlgorithmTags.ECDH -> "ECDH " + curve(key);
      case PublicKeyAlgorithmTags.ECDSA -> "ECDSA " + curve(key);
      case PublicKeyAlgorithmTags.EDDSA_LEGACY -> "EdDSA " + curve(key);
      case PublicKeyAlgorithmTags.X25519 -> "X25519";
      case PublicKeyAlgorithmTags.X448 -> "X448";
      case PublicKeyAlgorithmTags.Ed25519 -> "Ed25519";
      case PublicKeyAlgorithmTags.Ed448 -> "Ed448";
      default -> "algorithm " + alg;
    };
  }

  /** Whether the algorithm is one whose strength depends on its size (RSA, DSA, ElGamal). */
  @SuppressWarnings("deprecation") // the deprecated IDs still name old keys that exist
  public static boolean isSizeRated(int algorithm) {
    return algorithm == PublicKeyAlgorithmTags.RSA_GENERAL
        || algorithm == PublicKeyAlgorithmTags.RSA_ENCRYPT
        || algorithm == PublicKeyAlgorithmTags.RSA_SIGN
        || algorithm == PublicKeyAlgorithmTags.DSA
        || algorithm == PublicKeyAlgorithmTags.ELGAMAL_ENCRYPT
        || algorithm == PublicKeyAlgorithmTags.ELGAMAL_GENERAL;
  }

  /** Whether the algorithm can encrypt at all. */
  @SuppressWarnings("deprecation") // the deprecated IDs still name old keys that exist
  public static boolean canEncrypt(int algorithm) {
    return algorithm == PublicKeyAlgorithmTags.RSA_GENERAL
        || algorithm == PublicKeyAlgorithmTags.RSA_ENCRYPT
        || algorithm == PublicKeyAlgorithmTags.ELGAMAL_ENCRYPT
        || algorithm == PublicKeyAlgorithmTags.ELGAMAL_GENERAL
        || algorithm == PublicKeyAlgorithmTags.ECDH
        || algorithm == PublicKeyAlgorithmTags.X25519
        || algorithm == PublicKeyAlgorithmTags.X448;
  }

  private static String curve(PGPPublicKey key) {
    if (!(key.getPublicKeyPacket().getKey() instanceof ECPublicBCPGKey ec)) {
      return "";
    }
    ASN1ObjectIdentifier oid = ec.getCurveOID();
    return switch (oid.getId()) {
      case "1.3.6.1.4.1.3029.1.5.1" -> "Curve25519";
      case "1.3.6.1.4.1.11591.15.1", "1.3.101.112" -> "Ed25519";
      case "1.3.101.110" -> "X25519";
      case "1.3.101.111" -> "X448";
      case "1.3.101.113" -> "Ed448";
      case "1.2.840.10045.3.1.7" -> "NIST P-256";
      case "1.3.132.0.34" -> "NIST P-384";
      case "1.3.132.0.35" -> "NIST P-521";
      case "1.3.36.3.3.2.8.1.1.7" -> "brainpoolP256r1";
      case "1.3.36.3.3.2.8.1.1.11" -> "brainpoolP384r1";
      case "1.3.36.3.3.2.8.1.1.13" -> "brainpoolP512r1";
      case "1.3.132.0.10" -> "secp256k1";
      default -> oid.getId();
    };
  }
}
