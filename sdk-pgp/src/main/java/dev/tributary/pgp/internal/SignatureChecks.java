package dev.tributary.pgp.internal;

import dev.tributary.pgp.ComponentKey;
import dev.tributary.pgp.HashAlgorithm;
import dev.tributary.pgp.PgpDataException;
import dev.tributary.pgp.SignatureType;
import dev.tributary.pgp.SignatureVerification;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.bouncycastle.bcpg.HashAlgorithmTags;
import org.bouncycastle.bcpg.KeyIdentifier;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPOnePassSignature;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPPublicKeyRing;
import org.bouncycastle.openpgp.PGPSignature;
import org.bouncycastle.openpgp.api.OpenPGPCertificate;
import org.bouncycastle.openpgp.api.OpenPGPCertificate.OpenPGPComponentKey;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Verifies the signatures of a message as its data streams past: one-pass signatures, and the
 * old-style signature packets that precede the literal data without one (RFC 9580, section 10.3:
 * "Signature Packet, OpenPGP Message"). Each whose key is in a verification certificate is fed the
 * data. An old-style signature is checked when the data ends; a one-pass signature's signature
 * packet after the data is checked with the one-pass signature it closes, which the caller pairs
 * ({@link OnePassPairing}), and against the policy (hash algorithm, the key being a valid signing
 * key of its certificate when it signed, the signature not expired and holding nothing critical
 * that is not understood: {@link SignatureSubpackets}; not made more than {@link
 * SignatureVerification#CLOCK_SKEW_TOLERANCE} after the clock's "now"). The clock is read at each
 * signature's check. Not thread-safe.
 */
final class SignatureChecks {
  /**
   * Made on first use: every decryption meets this class, and SLF4J's set-up (finding its provider)
   * took 9 ms of a {@code sop decrypt}'s start while this logs only when a signature fails.
   */
  private static final class Log {
    static final Logger LOG = LoggerFactory.getLogger(SignatureChecks.class);

    private Log() {}
  }

  /** A signing key and the verification certificate that holds it. */
  private record Pending(PGPPublicKeyRing ring, PGPPublicKey key) {}

  /** The most signatures by verification keys one message may ask to check. */
  static final int MAX_CHECKED = 16;

  private final Engine engine;
  private final List<PGPPublicKeyRing> certificates;
  private final Clock clock;

  /** A one-pass signature's signer, and what feeds it the data. */
  private record Fed(Pending signer, TextSignatureHashing.Feed feed) {}

  /** The one-pass signatures being fed the data, by identity: two may be alike. */
  private final Map<PGPOnePassSignature, Fed> pending = new IdentityHashMap<>();

  /** The one-pass signatures whose key BouncyCastle could not set up to verify. */
  private final Map<PGPOnePassSignature, Pending> uncheckable = new IdentityHashMap<>();

  /**
   * An old-style signature; {@code signer} is null when no verification certificate holds its key,
   * {@code feed} what feeds it the data, null when it is not fed.
   */
  private record Before(
      PGPSignature sig, @Nullable Pending signer, TextSignatureHashing.@Nullable Feed feed) {
    boolean fed() {
      return feed != null;
    }
  }

  private final List<Before> before = new ArrayList<>();

  /** How many signatures by verification keys the message has asked to check. */
  private int checked;

  /** Whether text signatures set up from now on feed BouncyCastle's legacy digest too. */
  private boolean legacyText = true;

  private final List<SignatureVerification> results = new ArrayList<>();

  /** {@code clock}: what expiry and a creation time in the future are judged against. */
  SignatureChecks(Engine engine, List<PGPPublicKeyRing> certificates, Clock clock) {
    this.engine = engine;
    this.certificates = certificates;
    this.clock = clock;
  }

  void onePassSignature(PGPOnePassSignature ops) {
    KeyIdentifier id = ops.getKeyIdentifier();
    for (PGPPublicKeyRing ring : certificates) {
      PGPPublicKey key = ring.getPublicKey(id);
      if (key != null) {
        feedOneMore();
        try {
          pending.put(
              ops,
              new Fed(
                  new Pending(ring, key),
                  TextSignatureHashing.verifying(ops, JdkRsa.verifiers(), key)));
        } catch (PGPException | RuntimeException e) {
          // The one-pass signature may name another algorithm than the key's: its signature will
          // tell whether the message is malformed, or the signature merely uncheckable.
          Log.LOG.debug("the one-pass signature by key {} cannot be checked", id, e);
          uncheckable.put(ops, new Pending(ring, key));
        }
        return;
      }
    }
  }

  /**
   * Says that the data, known whole before any signature is set up (a cleartext-signed message's
   * text), holds no lone CR ({@link TextSignatureHashing#hasLoneCr}): its text signatures then do
   * not hash the legacy form of the data, which BouncyCastle consults only when the data has one,
   * half of the hashing. Call it before the signatures are given.
   */
  void dataHasNoLoneCr() {
    legacyText = false;
  }

  /** An old-style signature, read before the literal data. */
  void signatureBefore(PGPSignature sig) {
    Pending signer = signer(sig);
    TextSignatureHashing.Feed feed = null;
    if (signer != null) {
      feedOneMore();
      try {
        feed = TextSignatureHashing.verifying(sig, JdkRsa.verifiers(), signer.key(), legacyText);
      } catch (PGPException | RuntimeException e) {
        Log.LOG.debug("the signature by key {} cannot be checked", keyId(signer), e);
      }
    }
    before.add(new Before(sig, signer, feed));
  }

  /**
   * Counts one more signature to feed the data, refusing a message with more than {@link
   * #MAX_CHECKED}: each hashes all of the data, so a crafted message naming a verification key a
   * thousand times would make decryption a thousand times slower.
   */
  private void feedOneMore() {
    if (++checked > MAX_CHECKED) {
      throw new PgpDataException(
          PgpDataException.Reason.UNSUPPORTED,
          "the message holds more than "
              + MAX_CHECKED
              + " signatures by the verification certificates' keys; each would be checked over"
              + " all of its data, so it is refused (ignore its signatures to read it)");
    }
  }

  void update(byte[] b, int off, int len) {
    for (Fed fed : pending.values()) {
      fed.feed().update(b, off, len);
    }
    for (int i = 0; i < before.size(); i++) {
      TextSignatureHashing.Feed feed = before.get(i).feed();
      if (feed != null) {
        feed.update(b, off, len);
      }
    }
  }

  /** Checks the old-style signatures, once the literal data has been read to its end. */
  void literalDataEnded() {
    for (Before s : before) {
      Pending p = s.signer();
      results.add(
          p == null
              ? unknownKey(s.sig())
              : s.fed()
                  ? checked(p, s.sig(), s.sig()::verify)
                  : verification(p, s.sig(), uncheckable(p, s.sig())));
    }
    before.clear();
  }

  /** Checks {@code sig}, which closes {@code ops} and matches it. */
  void signature(PGPOnePassSignature ops, PGPSignature sig) {
    Fed fed = pending.remove(ops);
    if (fed != null) {
      results.add(checked(fed.signer(), sig, () -> ops.verify(sig)));
      return;
    }
    Pending p = uncheckable.remove(ops);
    results.add(p != null ? verification(p, sig, uncheckable(p, sig)) : unknownKey(sig));
  }

  private static SignatureVerification unknownKey(PGPSignature sig) {
    boolean namesNoKey = sig.getKeyIdentifiers().isEmpty();
    return new SignatureVerification(
        namesNoKey ? "" : KeyDescriber.keyId(sig.getKeyID()),
        null,
        null,
        sig.getCreationTime().toInstant(),
        type(sig),
        false,
        namesNoKey
            ? "the signature names no issuer (it holds neither an Issuer Fingerprint nor an Issuer"
                + " Key ID subpacket), so no key is known to check it with"
            : SignatureVersions.namedByKeyIdOnly(sig)
                ? "the signature is of version 6 and names its key by key ID only, which this verifier"
                    + " does not look for: RFC 9580 (sections 5.2.3.12 and 5.2.3.35) has a version 6"
                    + " signature name its key by fingerprint"
                : "no verification certificate holds the signing key");
  }

  /** What BouncyCastle says of a signature fed its data: whether it matches. */
  private interface Matching {
    boolean matches() throws PGPException;
  }

  /**
   * The verification of {@code sig} by {@code p}'s key, which {@code matching} says matches its
   * data or not; valid in another verification certificate that holds the same key when {@code p}'s
   * refuses it ({@link #otherCopy}).
   */
  private SignatureVerification checked(Pending p, PGPSignature sig, Matching matching) {
    Pending signer = p;
    try {
      String problem = malformed(p, sig);
      problem = problem != null ? problem : revokedInACopy(p, sig.getCreationTime());
      if (problem == null) {
        problem = policyProblem(p, sig);
        Pending other = problem == null ? null : otherCopy(p, sig);
        signer = other != null ? other : p;
        problem = other != null ? null : problem;
      }
      return verification(
          signer,
          sig,
          problem == null && !matching.matches()
              ? "the signature does not match the data"
              : problem);
    } catch (PGPException | RuntimeException e) {
      // BouncyCastle's message names its internals ("Malformed Ed25519 signature encoding"): it
      // is for whoever debugs, not for the user.
      Log.LOG.debug("the signature by key {} cannot be checked", keyId(p), e);
      return verification(signer, sig, "the signature cannot be checked");
    }
  }

  /**
   * That a copy of {@code p}'s certificate (the same primary key) among the verification
   * certificates revokes {@code p}'s key, or its primary key, in a way that covers a signature made
   * {@code made}; null if none does, or the certificate has no other copy there. A revocation can
   * only take away: the copies are read as one, whatever their order, as gpg merges them.
   */
  private @Nullable String revokedInACopy(Pending p, Date made) {
    byte[] primary = p.ring().getPublicKey().getFingerprint();
    List<Pending> copies = new ArrayList<>();
    for (PGPPublicKeyRing ring : certificates) {
      PGPPublicKey key = sameKey(ring, p.key());
      if (key != null && Arrays.equals(ring.getPublicKey().getFingerprint(), primary)) {
        copies.add(new Pending(ring, key));
      }
    }
    for (int i = 0; copies.size() > 1 && i < copies.size(); i++) {
      try {
        String revoked = revoked(copies.get(i), made);
        if (revoked != null) {
          return revoked;
        }
      } catch (RuntimeException e) {
        Log.LOG.debug("the revocations of signing key {} cannot be read", keyId(p), e);
        return "the signing key's validity cannot be established";
      }
    }
    return null;
  }

  /** {@code ring}'s key with {@code key}'s fingerprint, or null. */
  private static @Nullable PGPPublicKey sameKey(PGPPublicKeyRing ring, PGPPublicKey key) {
    PGPPublicKey same = ring.getPublicKey(key.getKeyIdentifier());
    return same != null && Arrays.equals(same.getFingerprint(), key.getFingerprint()) ? same : null;
  }

  /**
   * Another verification certificate than {@code p}'s that holds its key (the same fingerprint, so
   * the same mathematics) and in which {@code sig} passes the policy, or null: a good signature is
   * not reported invalid because a certificate given before its own holds its key too, without
   * binding it (as sqop, which takes each certificate as it is).
   */
  private @Nullable Pending otherCopy(Pending p, PGPSignature sig) {
    for (PGPPublicKeyRing ring : certificates) {
      PGPPublicKey key = ring == p.ring() ? null : sameKey(ring, p.key());
      if (key != null && policyProblem(new Pending(ring, key), sig) == null) {
        return new Pending(ring, key);
      }
    }
    return null;
  }

  /**
   * Why {@code sig} cannot be {@code p}'s key's as RFC 9580 makes signatures, before any check of
   * its mathematics, or null: its public-key algorithm is another, or its version, salt or issuer
   * subpackets do not fit its key ({@link SignatureVersions}).
   */
  private static @Nullable String malformed(Pending p, PGPSignature sig) {
    if (sig.getKeyAlgorithm() != p.key().getAlgorithm()) {
      return "the signature's public-key algorithm ("
          + sig.getKeyAlgorithm()
          + ") is not that of its key "
          + keyId(p)
          + " ("
          + KeyDescriber.algorithmName(p.key())
          + ")";
    }
    return SignatureVersions.problem(p.key(), sig);
  }

  /** Why {@code sig}, which BouncyCastle could not set up to check with {@code p}'s key, is not. */
  private static String uncheckable(Pending p, PGPSignature sig) {
    String malformed = malformed(p, sig);
    return malformed != null ? malformed : "the signature cannot be checked";
  }

  private static SignatureVerification verification(
      Pending p, PGPSignature sig, @Nullable String problem) {
    return new SignatureVerification(
        keyId(p),
        KeyDescriber.fingerprint(p.ring().getPublicKey()),
        KeyDescriber.fingerprint(p.key()),
        sig.getCreationTime().toInstant(),
        type(sig),
        problem == null,
        problem);
  }

  /** What {@code sig} covers, or null if it is not a signature over data. */
  static @Nullable SignatureType type(PGPSignature sig) {
    return switch (sig.getSignatureType()) {
      case PGPSignature.BINARY_DOCUMENT -> SignatureType.BINARY;
      case PGPSignature.CANONICAL_TEXT_DOCUMENT -> SignatureType.TEXT;
      default -> null;
    };
  }

  private static String keyId(Pending p) {
    return KeyDescriber.keyId(p.key().getKeyID());
  }

  private @Nullable String policyProblem(Pending p, PGPSignature sig) {
    int type = sig.getSignatureType();
    if (type != PGPSignature.BINARY_DOCUMENT && type != PGPSignature.CANONICAL_TEXT_DOCUMENT) {
      // A certification, binding, revocation or timestamp is made over other things than data.
      return "the signature is not over data: its type is 0x"
          + Integer.toHexString(type)
          + ", not 0x00 (binary) or 0x01 (text)";
    }
    Instant now = clock.instant();
    String future = madeInTheFuture(sig, now);
    if (future != null) {
      return future;
    }
    String subpackets = SignatureSubpackets.problem(sig, now);
    if (subpackets != null) {
      return subpackets;
    }
    int hash = sig.getHashAlgorithm();
    if (hash == HashAlgorithmTags.MD5
        || hash == HashAlgorithmTags.RIPEMD160
        || (hash == HashAlgorithmTags.SHA1 && !engine.policy().acceptsSha1Signatures())) {
      return "the signature uses a weak hash algorithm ("
          + HashAlgorithm.ofId(hash).textName()
          + (hash == HashAlgorithmTags.SHA1 ? "; PgpPolicy.acceptSha1Signatures allows it" : "")
          + ")";
    }
    String tooShort = hashTooShort(p.key(), hash);
    if (tooShort != null) {
      return tooShort;
    }
    try {
      OpenPGPCertificate cert =
          KeyRings.certificate(
              PrimaryKeyProperties.withoutSoftRevocationsAfter(p.ring(), sig.getCreationTime()),
              engine);
      for (OpenPGPComponentKey k :
          PrimaryKeyProperties.signingKeys(cert, sig.getCreationTime(), engine.bcPolicy())) {
        if (k.getKeyIdentifier().matches(p.key().getKeyIdentifier())) {
          return null;
        }
      }
      String revoked = revoked(p, sig.getCreationTime());
      if (revoked != null) {
        return revoked;
      }
    } catch (RuntimeException e) {
      Log.LOG.debug("the validity of signing key {} cannot be established", keyId(p), e);
      return "the signing key's validity cannot be established";
    }
    return notASigningKey(p, sig.getCreationTime());
  }

  /**
   * That {@code p}'s key was not a valid signing key at {@code made}, with why as its description
   * then says ({@link KeyDescriber}: not yet made, not bound, and why, expired, weaker than the
   * policy allows, its primary key unusable, or its key flags: they do not allow signing, or its
   * newest binding gives it none), or the kinds of reason where that tells none.
   */
  private String notASigningKey(Pending p, Date made) {
    String why = null;
    try {
      OpenPGPCertificate cert =
          KeyRings.certificate(
              PrimaryKeyProperties.withoutSoftRevocationsAfter(p.ring(), made), engine);
      List<OpenPGPComponentKey> components = cert.getKeys();
      List<ComponentKey> described =
          KeyDescriber.describe(cert, engine, made.toInstant(), KeyDescriber.SIGNATURE_MADE).keys();
      for (int i = 0; i < described.size(); i++) {
        ComponentKey k = described.get(i);
        if (k.fingerprint().equals(KeyDescriber.fingerprint(p.key()))) {
          why =
              k.usable()
                  ? (k.canSign()
                      ? null
                      : KeyDescriber.flagsForbid(
                          components.get(i), made, "signing", "a signing key"))
                  : k.unusableBecause();
        }
      }
    } catch (RuntimeException e) {
      Log.LOG.debug("signing key {} cannot be described", keyId(p), e);
    }
    return "key "
        + keyId(p)
        + " was not a valid signing key when the signature was made"
        + (why != null
            ? ": " + why
            : " (expired, revoked, weaker than the policy allows, or not a signing key)");
  }

  /**
   * That {@code sig} was made more than {@link SignatureVerification#CLOCK_SKEW_TOLERANCE} after
   * {@code now}, or null if it was not. Sequoia refuses such a signature too ("not yet live");
   * GnuPG 2.2 accepts it. Once the clock has caught up with it, it is judged as any other.
   */
  private static @Nullable String madeInTheFuture(PGPSignature sig, Instant now) {
    Instant made = sig.getCreationTime().toInstant();
    if (!made.isAfter(now.plus(SignatureVerification.CLOCK_SKEW_TOLERANCE))) {
      return null;
    }
    return "the signature was made in the future: "
        + made
        + ", the clock says "
        + now.truncatedTo(ChronoUnit.SECONDS)
        + " (more than "
        + SignatureVerification.CLOCK_SKEW_TOLERANCE.toMinutes()
        + " minutes of clock skew)";
  }

  /**
   * That the signing key, or its primary key, was revoked in a way that covers a signature made
   * {@code made}: by a hard revocation, whenever made, or a soft one made by then; null if neither
   * was (the key is unusable for another reason).
   */
  private @Nullable String revoked(Pending p, Date made) {
    PGPPublicKey primary = p.ring().getPublicKey();
    String whose = "key " + keyId(p);
    PGPSignature revocation =
        PrimaryKeyProperties.revocation(p.key(), primary, made, engine.bcPolicy());
    if (revocation == null && !p.key().isMasterKey()) {
      whose = "its primary key " + KeyDescriber.keyId(primary.getKeyID());
      revocation = PrimaryKeyProperties.revocation(primary, primary, made, engine.bcPolicy());
    }
    if (revocation == null) {
      return null;
    }
    return whose
        + " was revoked on "
        + RevocationReasons.dayAndKind(revocation)
        + (RevocationReasons.hard(revocation)
            ? ", which makes the signatures it made before invalid too"
            : ", before the signature was made");
  }

  /**
   * Why {@code hash} is too short for a signature by {@code key}, or null if it is long enough. RFC
   * 9580 (sections 5.2.3.2 to 5.2.3.5) asks of a signature a digest as long as a DSA key's q, an
   * ECDSA key's curve (512 bits for P-521), 256 bits for Ed25519 and 512 for Ed448, and tells
   * verifiers to reject an EdDSA signature with less; GnuPG refuses to check an (EC)DSA one ("ECDSA
   * key … requires a 384 bit or larger hash"). BouncyCastle would check it, truncated or padded.
   */
  private static @Nullable String hashTooShort(PGPPublicKey key, int hash) {
    int needed = SignatureHash.minimumDigestBits(key);
    int bits = SignatureHash.digestBits(hash);
    if (bits >= needed) {
      return null;
    }
    return "the signature's hash ("
        + hashName(hash)
        + ", "
        + bits
        + " bits) is too short for its key "
        + KeyDescriber.keyId(key.getKeyID())
        + " ("
        + KeyDescriber.algorithmName(key)
        + "), which needs one of at least "
        + needed
        + " bits (RFC 9580, section 5.2.3)";
  }

  private static String hashName(int hash) {
    try {
      return HashAlgorithm.ofId(hash).textName();
    } catch (IllegalArgumentException e) {
      return "hash algorithm " + hash;
    }
  }

  /** Checks a detached signature that has been initialised and fed the data ({@code ready}). */
  SignatureVerification detached(PGPSignature sig, boolean ready) {
    Pending p = signer(sig);
    if (p == null) {
      return unknownKey(sig);
    }
    return ready ? checked(p, sig, sig::verify) : verification(p, sig, uncheckable(p, sig));
  }

  /**
   * The verification certificates' key that made {@code sig}, if one holds it: the key {@link
   * #detached} checks it with.
   */
  @Nullable PGPPublicKey signingKey(PGPSignature sig) {
    Pending p = signer(sig);
    return p == null ? null : p.key();
  }

  /**
   * The verification certificate's key that made {@code sig}, if one holds it: the first key its
   * issuer subpackets name, in {@link SignatureVersions#issuers}' order, whose public-key algorithm
   * is the signature's; else the first named. So an unhashed subpacket, which anyone may add, that
   * names a key of a certificate given earlier does not hide the signer its hashed ones name.
   */
  private @Nullable Pending signer(PGPSignature sig) {
    Pending first = null;
    for (KeyIdentifier id : SignatureVersions.issuers(sig)) {
      for (PGPPublicKeyRing ring : certificates) {
        PGPPublicKey key = ring.getPublicKey(id);
        if (key != null && key.getAlgorithm() == sig.getKeyAlgorithm()) {
          return new Pending(ring, key);
        }
        first = first == null && key != null ? new Pending(ring, key) : first;
      }
    }
    return first;
  }

  List<SignatureVerification> results() {
    return List.copyOf(results);
  }
}
