package dev.tributary.pgp.internal;

import dev.tributary.core.SystemException;
import dev.tributary.core.TransientException;
import dev.tributary.core.TributaryException;
import dev.tributary.pgp.CreatedSignature;
import dev.tributary.pgp.HashAlgorithm;
import dev.tributary.pgp.PgpDataException;
import dev.tributary.pgp.PgpDataException.Reason;
import dev.tributary.pgp.PgpKeyException;
import dev.tributary.pgp.SignatureType;
import dev.tributary.pgp.SignatureVerification;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import org.bouncycastle.bcpg.ArmoredOutputStream;
import org.bouncycastle.bcpg.BCPGOutputStream;
import org.bouncycastle.bcpg.KeyIdentifier;
import org.bouncycastle.bcpg.PacketFormat;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPMarker;
import org.bouncycastle.openpgp.PGPPadding;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPPublicKeyRing;
import org.bouncycastle.openpgp.PGPSignature;
import org.bouncycastle.openpgp.PGPSignatureGenerator;
import org.bouncycastle.openpgp.PGPSignatureList;
import org.bouncycastle.openpgp.bc.BcPGPObjectFactory;

/** Makes and checks detached signatures with BouncyCastle. */
public final class DetachedSignatures {
  private DetachedSignatures() {}

  /**
   * Signs {@code data} with each key's signing key valid at {@code now}, and writes the signatures,
   * made {@code now}, to {@code target}; returns what was made, in key order. For {@link
   * SignatureType#TEXT} the data is signed in its canonical form, with CRLF line endings.
   */
  public static List<CreatedSignature> sign(
      InputStream data,
      OutputStream target,
      List<UnlockedKeys> keys,
      SignatureType type,
      boolean armor,
      Engine engine,
      Instant now) {
    Date made = Date.from(now);
    List<PGPSignatureGenerator> generators = new ArrayList<>();
    for (UnlockedKeys k : keys) {
      generators.add(Signing.generator(k, engine, type.id(), made));
    }
    try (OutputStream signing =
        SigningOutputStream.of(
            OutputStream.nullOutputStream(), generators, type == SignatureType.TEXT)) {
      Interrupts.copy(data, signing, Signing.SIGNING);
    } catch (IOException e) {
      if (Interrupts.causedAny(e)) {
        throw new TransientException(Signing.INTERRUPTED, e);
      }
      // Only the caller's stream throws here (the generators and the null stream do not).
      throw new TransientException("cannot sign: reading the data failed: " + e.getMessage(), e);
    }
    List<PGPSignature> signatures = generate(generators, keys);
    // Encoded in memory (a few hundred bytes a key) so that a failure writing to the caller's
    // stream, whose message is theirs to see, is told from one of BouncyCastle's.
    byte[] encoded = encode(signatures, armor);
    try {
      target.write(encoded);
      target.flush();
    } catch (IOException e) {
      throw new TransientException(
          "cannot sign: writing the signature failed: " + e.getMessage(), e);
    }
    List<CreatedSignature> created = new ArrayList<>();
    for (int i = 0; i < keys.size(); i++) {
      created.add(created(signatures.get(i), keys.get(i)));
    }
    return created;
  }

  private static List<PGPSignature> generate(
      List<PGPSignatureGenerator> generators, List<UnlockedKeys> keys) {
    List<PGPSignature> signatures = new ArrayList<>();
    for (int i = 0; i < generators.size(); i++) {
      try {
        signatures.add(generators.get(i).generate());
      } catch (PGPException e) {
        throw new PgpKeyException(
            "cannot sign with key " + keys.get(i).fingerprint() + ": the signature cannot be made",
            e);
      }
    }
    return signatures;
  }

  /** What {@code sig}, just made with {@code key}, is. */
  private static CreatedSignature created(PGPSignature sig, UnlockedKeys key) {
    PGPPublicKey signing = null;
    for (KeyIdentifier id : sig.getKeyIdentifiers()) {
      signing = signing != null ? signing : key.ring().getPublicKey(id);
    }
    return new CreatedSignature(
        key.fingerprint(),
        signing == null ? key.fingerprint() : KeyDescriber.fingerprint(signing),
        Objects.requireNonNull(SignatureChecks.type(sig)),
        HashAlgorithm.ofId(sig.getHashAlgorithm()),
        sig.getCreationTime().toInstant());
  }

  /** {@code signatures} as binary packets or armored ({@code -----BEGIN PGP SIGNATURE-----}). */
  static byte[] encode(List<PGPSignature> signatures, boolean armor) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (OutputStream out =
            armor ? ArmoredOutputStream.builder().clearHeaders().build(bytes) : bytes;
        BCPGOutputStream packets = new BCPGOutputStream(out, PacketFormat.CURRENT)) {
      for (PGPSignature sig : signatures) {
        sig.encode(packets);
      }
    } catch (IOException e) {
      throw new SystemException("the signatures cannot be encoded", e);
    }
    return bytes.toByteArray();
  }

  /**
   * Checks detached signatures over {@code data}; expiry and creation times against {@code clock}.
   */
  public static List<SignatureVerification> verify(
      InputStream data,
      InputStream signatures,
      List<PGPPublicKeyRing> certs,
      Engine engine,
      Clock clock) {
    List<PGPSignature> sigs = readSignatures(signatures);
    SignatureChecks checks = new SignatureChecks(engine, certs, clock);
    List<PGPSignature> verifiable = new ArrayList<>();
    List<TextSignatureHashing.Feed> feeds = new ArrayList<>();
    for (PGPSignature sig : sigs) {
      PGPPublicKey key = checks.signingKey(sig);
      if (key != null) {
        try {
          feeds.add(TextSignatureHashing.verifying(sig, JdkRsa.verifiers(), key));
          verifiable.add(sig);
        } catch (PGPException | RuntimeException e) {
          // Reported as invalid below. BouncyCastle throws a ClassCastException for a key of
          // another algorithm than the signature's (JdkRsa leaves such a key to BouncyCastle).
        }
      }
    }
    try {
      byte[] buffer = new byte[1 << 16];
      int n;
      while ((n = data.read(buffer)) >= 0) {
        for (TextSignatureHashing.Feed feed : feeds) {
          feed.update(buffer, 0, n);
        }
      }
    } catch (IOException e) {
      // Only the caller's stream throws here (update does not): its message is theirs.
      throw new TransientException("cannot read the signed data: " + e.getMessage(), e);
    }
    List<SignatureVerification> results = new ArrayList<>();
    for (PGPSignature sig : sigs) {
      results.add(checks.detached(sig, verifiable.contains(sig)));
    }
    return results;
  }

  /**
   * The signatures in {@code in}, armored or binary; at least one. Armored blocks one after another
   * are all read; text after a footer that does not start another block ends the data.
   */
  static List<PGPSignature> readSignatures(InputStream in) {
    List<PGPSignature> sigs = new ArrayList<>();
    try {
      InputStream packets = ArmorDetection.binaryWithFooter(SourceFailure.guard(in), "SIGNATURE");
      // Armored blocks one after another (signatures collected from several signers) are read
      // block by block, as GnuPG reads them; other text after a footer ends the data, as before.
      while (packets != null) {
        BcPGPObjectFactory factory = new BcPGPObjectFactory(new MarkerSkippingPackets(packets));
        Object o;
        while ((o = factory.nextObject()) != null) {
          if (o instanceof PGPSignatureList list) {
            list.forEach(sigs::add);
          } else if (!(o instanceof PGPMarker || o instanceof PGPPadding)) {
            throw new PgpDataException(Reason.NOT_OPENPGP, "the signature data holds no signature");
          }
        }
        ArmorDecoder.require(packets, "the signature");
        packets = ArmorDetection.nextBlockOrEnd(packets);
      }
    } catch (IOException | RuntimeException e) {
      if (e instanceof TributaryException t) {
        throw t;
      }
      if (SourceFailure.isCause(e)) {
        throw new TransientException("reading the signature failed: " + e.getMessage(), e);
      }
      throw ParseFailures.malformed("the signature", e);
    }
    if (sigs.isEmpty()) {
      throw new PgpDataException(Reason.NOT_OPENPGP, "the signature data holds no signature");
    }
    return sigs;
  }
}
