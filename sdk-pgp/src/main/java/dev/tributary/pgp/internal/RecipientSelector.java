package dev.tributary.pgp.internal;

import dev.tributary.pgp.PgpKeyCannotEncryptException;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.Iterator;
import java.util.List;
import org.bouncycastle.bcpg.ElGamalPublicBCPGKey;
import org.bouncycastle.bcpg.HashAlgorithmTags;
import org.bouncycastle.bcpg.sig.Features;
import org.bouncycastle.bcpg.sig.KeyFlags;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPPublicKeyRing;
import org.bouncycastle.openpgp.PGPSignature;
import org.bouncycastle.openpgp.api.OpenPGPCertificate;
import org.bouncycastle.openpgp.api.OpenPGPCertificate.OpenPGPComponentKey;
import org.jspecify.annotations.Nullable;

/**
 * Picks the keys of a certificate that a message may be encrypted to: encryption-capable, bound by
 * a valid self-signature, not expired, not revoked and strong enough under the policy. When none
 * qualifies, the error lists every key with the reason it was passed over.
 */
public final class RecipientSelector {
  private RecipientSelector() {}

  /** The keys to encrypt to, and whether the certificate announces SEIPD v2 (AEAD) support. */
  public record Selection(List<PGPPublicKey> keys, boolean seipdV2) {}

  public static List<PGPPublicKey> encryptionKeys(
      PGPPublicKeyRing ring, Engine engine, Instant at) {
    return select(ring, engine, at).keys();
  }

  public static Selection select(PGPPublicKeyRing ring, Engine engine, Instant at) {
    OpenPGPCertificate cert = KeyRings.certificate(ring, engine);
    Date when = Date.from(at);
    List<PGPPublicKey> usable = new ArrayList<>();
    List<String> reasons = new ArrayList<>();
    boolean primaryMadeLater = madeLater(cert.getPrimaryKey(), when);
    String primaryProblem =
        primaryMadeLater ? PRIMARY_MADE_LATER : primaryProblem(cert, engine, when);
    boolean anyMadeLater = false;
    for (OpenPGPComponentKey k : cert.getKeys()) {
      String problem;
      if (madeLater(k, when)) {
        anyMadeLater = true;
        problem =
            KeyDescriber.madeAfter(
                k.getPGPPublicKey().getCreationTime().toInstant(),
                "the time of encryption",
                KeyDescriber.at(when));
      } else if (primaryProblem != null) {
        problem = k.isPrimaryKey() ? primaryProblem : forSubkeys(primaryProblem);
      } else {
        problem = problem(k, engine, when);
      }
      if (problem == null) {
        usable.add(k.getPGPPublicKey());
      } else {
        reasons.add(KeyDescriber.keyId(k.getPGPPublicKey().getKeyID()) + ": " + problem);
      }
    }
    if (usable.isEmpty()) {
      String fingerprint = KeyDescriber.fingerprint(ring.getPublicKey());
      throw new PgpKeyCannotEncryptException(
          fingerprint,
          "certificate "
              + fingerprint
              + " has no key we may encrypt to: "
              + String.join("; ", reasons)
              + (anyMadeLater ? CLOCK_WRONG : ". Ask")
              + " the recipient for a current public key with a valid encryption subkey");
    }
    return new Selection(usable, seipdV2(cert, when));
  }

  /**
   * Whether {@code k} was made after {@code when}: then no self-signature binds it, and it says so
   * of itself ({@link KeyDescriber#madeAfter}), as {@code describe()} and signing do, not what
   * follows from it (not bound, its primary key not valid).
   */
  private static boolean madeLater(OpenPGPComponentKey k, Date when) {
    return k.getPGPPublicKey().getCreationTime().after(when);
  }

  /** What a subkey made by the time of encryption says of its primary key made after it. */
  private static final String PRIMARY_MADE_LATER =
      "its primary key was created after the time of encryption";

  /**
   * How the refusal ends once a key was made after the time of encryption, in place of ". Ask": a
   * clock is wrong, as {@code describe()} says of such a key, or the encryptor's was set before the
   * key was made ({@code PgpEncryptor.Builder.clock}).
   */
  private static final String CLOCK_WRONG =
      ". A clock is wrong (this machine's, the key maker's, or the one given to the encryptor):"
          + " set it right, or ask";

  private static boolean seipdV2(OpenPGPCertificate cert, Date when) {
    try {
      Features features = cert.getPrimaryKey().getFeatures(when);
      return features != null && features.supportsSEIPDv2();
    } catch (RuntimeException e) {
      return false;
    }
  }

  private static String primaryProblem(OpenPGPCertificate cert, Engine engine, Date when) {
    OpenPGPComponentKey primary = cert.getPrimaryKey();
    PGPSignature revocation = revocation(primary, engine, when);
    if (revocation != null) {
      // BouncyCastle counts a primary key whose user IDs are all revoked as revoked
      return (RevocationReasons.ofUserId(revocation)
              ? "the certificate's user IDs are all revoked (since "
              : "the whole certificate is revoked (since ")
          + RevocationReasons.dayAndKind(revocation)
          + ")";
    }
    Date expiry =
        PrimaryKeyProperties.earlier(
            expiry(primary, when),
            PrimaryKeyProperties.expiry(primary.getPGPPublicKey(), when, engine.bcPolicy()));
    if (expiry != null && !expiry.after(when)) {
      return "the whole certificate expired on " + Days.of(expiry);
    }
    if (!primaryBound(primary, engine, when)) {
      // BouncyCastle takes the subkeys of such a certificate as encryption keys
      return NOT_VALID + ", as its primary key is not bound: " + unbound(primary, engine, when);
    }
    return null;
  }

  private static final String NOT_VALID = "the whole certificate is not valid";

  /** The primary key's problem as its subkeys' lines say it: without the details, given once. */
  private static String forSubkeys(String primaryProblem) {
    return primaryProblem.startsWith(NOT_VALID) ? NOT_VALID : primaryProblem;
  }

  private static String problem(OpenPGPComponentKey k, Engine engine, Date when) {
    PGPPublicKey pub = k.getPGPPublicKey();
    if (!KeyDescriber.canEncrypt(pub.getAlgorithm())) {
      return KeyDescriber.algorithmName(pub) + " can only sign";
    }
    if (KeyDescriber.isSizeRated(pub.getAlgorithm())
        && pub.getBitStrength() < engine.policy().minimumRsaBits()) {
      return KeyDescriber.algorithmName(pub)
          + " "
          + pub.getBitStrength()
          + " bits is weaker than the policy's minimum of "
          + engine.policy().minimumRsaBits()
          + " (PgpPolicy.minimumRsaBits)";
    }
    if (!elGamalWellFormed(pub)) {
      return "its ElGamal numbers are invalid (the prime must be odd, the generator and the public"
          + " value between 2 and p - 2)";
    }
    if (!bound(k, engine, when)) {
      return unbound(k, engine, when);
    }
    KeyFlags flags = flags(k, engine, when);
    if (flags != null
        && (flags.getFlags() & (KeyFlags.ENCRYPT_COMMS | KeyFlags.ENCRYPT_STORAGE)) == 0) {
      return "its key flags do not allow encryption";
    }
    PGPSignature revocation = revocation(k, engine, when);
    if (revocation != null) {
      Date boundAgain = KeyDescriber.boundAgain(k, revocation, when);
      return "revoked (since "
          + RevocationReasons.dayAndKind(revocation)
          + (boundAgain == null ? "" : KeyDescriber.boundAgain(boundAgain))
          + ")";
    }
    Date expiry = expiry(k, when);
    if (expiry != null && !expiry.after(when)) {
      return "expired on " + Days.of(expiry);
    }
    String declaredOnly = KeyDescriber.declaredOnly(k, engine, when, "the time of encryption");
    if (declaredOnly != null) {
      // as describe() says it: no key flags in force, a newer binding that does not count declares
      return declaredOnly;
    }
    if (flags == null && KeyDescriber.givenNoKeyFlags(k, when)) {
      // GnuPG then goes by the algorithm and encrypts to it; Sequoia and OpenPGP.js do not
      return KeyDescriber.noKeyFlags("an encryption key");
    }
    if (!safeIsEncryptionKey(k, engine, when)) {
      return "not valid for encryption now";
    }
    return null;
  }

  /**
   * Whether an ElGamal key's numbers have the form they must have: BouncyCastle encrypts to any (an
   * even "prime", a generator of 0), giving a message nobody can decrypt. This checks form, not
   * that p is prime. Keys of other algorithms: true.
   */
  private static boolean elGamalWellFormed(PGPPublicKey pub) {
    if (!(pub.getPublicKeyPacket().getKey() instanceof ElGamalPublicBCPGKey key)) {
      return true;
    }
    BigInteger p = key.getP();
    BigInteger top = p.subtract(BigInteger.TWO);
    return p.testBit(0)
        && p.bitLength() > 2
        && key.getG().compareTo(BigInteger.TWO) >= 0
        && key.getG().compareTo(top) <= 0
        && key.getY().compareTo(BigInteger.TWO) >= 0
        && key.getY().compareTo(top) <= 0;
  }

  /**
   * Why no self-signature binds {@code k}, made by {@code when} (its callers say of a key made
   * after it that it was, {@link KeyDescriber#madeAfter}), where that can be told: every signature
   * on it uses one hash that the policy refuses at their dates ({@link #refusedHashOfAll}: SHA-1,
   * RIPEMD-160, MD5), or a hash too short for the primary key (SHA-256 for P-384, SHA-1 for
   * Ed25519: then accepting SHA-1 would not help), or its newest self-signature is void ({@link
   * SelfSignatureProblems}).
   */
  static String unbound(OpenPGPComponentKey k, Engine engine, Date when) {
    PGPPublicKey pub = k.getPGPPublicKey();
    String tooShort =
        SignatureHash.tooShortSelfSignatures(
            k.getCertificate().getPrimaryKey().getPGPPublicKey(), pub);
    if (tooShort != null) {
      return tooShort;
    }
    String refused = refusedHashOfAll(pub, engine);
    if (refused != null) {
      return "its self-signatures use " + refused;
    }
    String voided =
        SelfSignatureProblems.of(pub, k.getCertificate().getPrimaryKey().getPGPPublicKey(), when);
    return "no valid self-signature binds it to the certificate"
        + (voided == null ? "" : "; " + voided);
  }

  /**
   * Why the policy refuses every signature on {@code pub} ({@link #refusal}), when all use one hash
   * that it refuses at their dates: SHA-1 made since 2023-02-01 (GnuPG before 2.1 made them so),
   * RIPEMD-160 or MD5 made since their cut-offs (GnuPG 2.2 makes them with {@code
   * --cert-digest-algo}). Null otherwise: a SHA-1 self-signature made before 2023-02-01 counts, so
   * its hash is not why it binds nothing.
   */
  private static @Nullable String refusedHashOfAll(PGPPublicKey pub, Engine engine) {
    String refused = null;
    for (Iterator<PGPSignature> it = pub.getSignatures(); it.hasNext(); ) {
      PGPSignature sig = it.next();
      String why =
          refusal(
              sig.getHashAlgorithm(), sig.getCreationTime(), engine, "them", "new self-signatures");
      if (why == null || (refused != null && !why.equals(refused))) {
        return null;
      }
      refused = why;
    }
    return refused;
  }

  /**
   * Why the policy refuses a self-signature made with {@code hash} at {@code made}, in words that
   * follow "uses", or null if it accepts it: for SHA-1 made since 2023-02-01, "SHA-1, which the
   * policy refuses (PgpPolicy.acceptSha1Signatures accepts {@code them})"; for a hash that every
   * policy refuses in signatures made since a date ({@link BcPolicy#refusedSince}: RIPEMD-160,
   * MD5), "RIPEMD160, which the policy refuses in signatures made since 2023-02-01 (no setting
   * accepts it; ask the key's owner for {@code anew} made with SHA-256 or better)". Null too for a
   * hash it refuses at any date, which this does not name. {@link #unbound} says it of every
   * self-signature of a key, {@link KeyDescriber} of a subkey's newer binding that declares its key
   * flags.
   */
  static @Nullable String refusal(int hash, Date made, Engine engine, String them, String anew) {
    if (engine.bcPolicy().isAcceptableCertificationSignatureHashAlgorithm(hash, made)) {
      return null;
    }
    if (hash == HashAlgorithmTags.SHA1) {
      return "SHA-1, which the policy refuses (PgpPolicy.acceptSha1Signatures accepts "
          + them
          + ")";
    }
    Date since = BcPolicy.refusedSince(hash);
    return since == null
        ? null
        : SignatureHash.name(hash)
            + ", which the policy refuses in signatures made since "
            + Days.of(since)
            + " (no setting accepts it; ask the key's owner for "
            + anew
            + " made with SHA-256 or better)";
  }

  private static boolean bound(OpenPGPComponentKey k, Engine engine, Date when) {
    try {
      return (k.isPrimaryKey()
              ? PrimaryKeyProperties.bound(k, when, engine.bcPolicy())
              : k.isBoundAt(when))
          || expiry(k, when) != null
          || revocation(k, engine, when) != null;
    } catch (RuntimeException e) {
      return false;
    }
  }

  private static boolean primaryBound(OpenPGPComponentKey primary, Engine engine, Date when) {
    try {
      return PrimaryKeyProperties.bound(primary, when, engine.bcPolicy());
    } catch (RuntimeException e) {
      return false;
    }
  }

  private static boolean safeIsEncryptionKey(OpenPGPComponentKey k, Engine engine, Date when) {
    try {
      if (k.isPrimaryKey()) {
        // BouncyCastle reads these from a direct-key signature that may carry none
        KeyFlags flags = flags(k, engine, when);
        return flags != null
            && (flags.getFlags() & (KeyFlags.ENCRYPT_COMMS | KeyFlags.ENCRYPT_STORAGE)) != 0
            && PrimaryKeyProperties.bound(k, when, engine.bcPolicy());
      }
      return k.isEncryptionKey(when);
    } catch (RuntimeException e) {
      return false;
    }
  }

  private static KeyFlags flags(OpenPGPComponentKey k, Engine engine, Date when) {
    try {
      if (k.isPrimaryKey()) {
        return PrimaryKeyProperties.flags(k.getPGPPublicKey(), when, engine.bcPolicy());
      }
      KeyFlags flags = k.getKeyFlags(when);
      return flags != null ? flags : k.getKeyFlags();
    } catch (RuntimeException e) {
      return null;
    }
  }

  /** {@link PrimaryKeyProperties#bcRevocation}. */
  private static @Nullable PGPSignature revocation(
      OpenPGPComponentKey k, Engine engine, Date when) {
    return PrimaryKeyProperties.bcRevocation(k, when, engine.bcPolicy());
  }

  private static Date expiry(OpenPGPComponentKey k, Date when) {
    try {
      Date expiry = k.getKeyExpirationDateAt(when);
      if (expiry == null && !k.isBoundAt(when)) {
        // An expired binding is not "bound" now; look at the latest binding ever made.
        expiry = k.getKeyExpirationDate();
      }
      return expiry;
    } catch (RuntimeException e) {
      return null;
    }
  }
}
