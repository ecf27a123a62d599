package dev.tributary.pgp.internal;

import dev.tributary.pgp.SignatureVerification;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bouncycastle.bcpg.HashAlgorithmTags;
import org.bouncycastle.bcpg.KeyIdentifier;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPOnePassSignature;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPPublicKeyRing;
import org.bouncycastle.openpgp.PGPSignature;
import org.bouncycastle.openpgp.api.OpenPGPCertificate;
import org.bouncycastle.openpgp.api.OpenPGPCertificate.OpenPGPComponentKey;
import org.bouncycastle.openpgp.operator.bc.BcPGPContentVerifierBuilderProvider;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Verifies one-pass signatures of a message as its data streams past. Each one-pass signature whose
 * key is in a verification certificate is fed the data; at the end each signature packet is matched
 * to its one-pass signature and checked against the policy (hash algorithm, the key being a valid
 * signing key of its certificate when it signed). Not thread-safe.
 */
final class SignatureChecks {
  private static final Logger LOG = LoggerFactory.getLogger(SignatureChecks.class);

  private record Pending(
      @Nullable PGPOnePassSignature ops, PGPPublicKeyRing ring, PGPPublicKey key) {}

  private final Engine engine;
  private final List<PGPPublicKeyRing> certificates;
  private final List<Pending> pending = new ArrayList<>();
  private final List<SignatureVerification> results = new ArrayList<>();

  SignatureChecks(Engine engine, List<PGPPublicKeyRing> certificates) {
    this.engine = engine;
    this.certificates = certificates;
  }

  void onePassSignature(PGPOnePassSignature ops) throws PGPException {
    KeyIdentifier id = ops.getKeyIdentifier();
    for (PGPPublicKeyRing ring : certificates) {
      PGPPublicKey key = ring.getPublicKey(id);
      if (key != null) {
        ops.init(new BcPGPContentVerifierBuilderProvider(), key);
        pending.add(new Pending(ops, ring, key));
        return;
      }
    }
  }

  void update(byte[] b, int off, int len) {
    for (Pending p : pending) {
      p.ops().update(b, off, len);
    }
  }

  void signature(PGPSignature sig) {
    KeyIdentifier id = new KeyIdentifier(sig.getKeyID());
    for (KeyIdentifier candidate : sig.getKeyIdentifiers()) {
      id = candidate;
    }
    Date created = sig.getCreationTime();
    for (Pending p : pending) {
      if (id.matches(p.key().getKeyIdentifier())) {
        pending.remove(p);
        results.add(check(p, sig));
        return;
      }
    }
    results.add(
        new SignatureVerification(
            KeyDescriber.keyId(sig.getKeyID()),
            null,
            null,
            created.toInstant(),
            false,
            "no verification certificate holds the signing key"));
  }

  private SignatureVerification check(Pending p, PGPSignature sig) {
    return verification(p, sig, problem(p, sig, () -> p.ops().verify(sig)));
  }

  /** What BouncyCastle says of a signature fed its data: whether it matches. */
  private interface Matching {
    boolean matches() throws PGPException;
  }

  /** Why {@code sig} by {@code p}'s key is not valid, or {@code null} if it is. */
  private @Nullable String problem(Pending p, PGPSignature sig, Matching matching) {
    try {
      String problem = policyProblem(p, sig);
      return problem == null && !matching.matches()
          ? "the signature does not match the data"
          : problem;
    } catch (PGPException | RuntimeException e) {
      // BouncyCastle's message names its internals ("Malformed Ed25519 signature encoding"): it
      // is for whoever debugs, not for the user.
      LOG.debug("the signature by key {} cannot be checked", keyId(p), e);
      return "the signature cannot be checked";
    }
  }

  private static SignatureVerification verification(
      Pending p, PGPSignature sig, @Nullable String problem) {
    return new SignatureVerification(
        keyId(p),
        KeyDescriber.fingerprint(p.ring().getPublicKey()),
        KeyDescriber.fingerprint(p.key()),
        sig.getCreationTime().toInstant(),
        problem == null,
        problem);
  }

  private static String keyId(Pending p) {
    return KeyDescriber.keyId(p.key().getKeyID());
  }

  private @Nullable String policyProblem(Pending p, PGPSignature sig) {
    int hash = sig.getHashAlgorithm();
    if (hash == HashAlgorithmTags.MD5
        || hash == HashAlgorithmTags.RIPEMD160
        || (hash == HashAlgorithmTags.SHA1 && !engine.policy().acceptsSha1Signatures())) {
      return "the signature uses a weak hash algorithm (" + hash + ")";
    }
    OpenPGPCertificate cert =
        new OpenPGPCertificate(p.ring(), engine.implementation(), engine.bcPolicy());
    try {
      for (OpenPGPComponentKey k : cert.getSigningKeys(sig.getCreationTime())) {
        if (k.getKeyIdentifier().matches(p.key().getKeyIdentifier())) {
          return null;
        }
      }
    } catch (RuntimeException e) {
      LOG.debug("the validity of signing key {} cannot be established", keyId(p), e);
      return "the signing key's validity cannot be established";
    }
    return "key "
        + keyId(p)
        + " was not a valid signing key when the signature was made (expired, revoked, or not a"
        + " signing key)";
  }

  /** Checks a detached signature that has been initialised and fed the data ({@code ready}). */
  SignatureVerification detached(PGPSignature sig, boolean ready) {
    for (PGPPublicKeyRing ring : certificates) {
      for (KeyIdentifier id : sig.getKeyIdentifiers()) {
        PGPPublicKey key = ring.getPublicKey(id);
        if (key != null && ready) {
          Pending p = new Pending(null, ring, key);
          return verification(p, sig, problem(p, sig, sig::verify));
        }
      }
    }
    return new SignatureVerification(
        KeyDescriber.keyId(sig.getKeyID()),
        null,
        null,
        sig.getCreationTime().toInstant(),
        false,
        "no verification certificate holds the signing key");
  }

  List<SignatureVerification> results() {
    return List.copyOf(results);
  }
}
