package dev.tributary.pgp;

import dev.tributary.pgp.internal.DetachedSignatures;
import dev.tributary.pgp.internal.Engine;
import dev.tributary.pgp.internal.UnlockedKeys;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.bouncycastle.openpgp.PGPPublicKeyRing;

/**
 * Detached signatures: {@link #sign} writes a signature over data, {@link #verify} checks one.
 * Stateless and thread-safe.
 */
public final class PgpSignatures {
  private PgpSignatures() {}

  /**
   * Signs {@code data} with each key's signing key and writes the detached signature(s) to {@code
   * signature}; closes neither stream.
   *
   * @param armor whether to write {@code -----BEGIN PGP SIGNATURE-----} armor
   * @throws PgpKeyException if a key cannot sign
   */
  public static void sign(
      InputStream data, OutputStream signature, List<PgpKey> keys, boolean armor) {
    Objects.requireNonNull(data, "data");
    Objects.requireNonNull(signature, "signature");
    if (keys.isEmpty()) {
      throw new IllegalArgumentException("keys must not be empty");
    }
    List<UnlockedKeys> unlocked = new ArrayList<>();
    for (PgpKey k : keys) {
      unlocked.add(k.unlocked());
    }
    DetachedSignatures.sign(data, signature, unlocked, armor, Engine.of(PgpPolicy.defaults()));
  }

  /**
   * Checks the detached signature(s) in {@code signatures} over {@code data} against {@code
   * certificates}; returns one verification per signature, valid or not.
   *
   * @throws PgpDataException if {@code signatures} is not OpenPGP signature data
   */
  public static List<SignatureVerification> verify(
      InputStream data,
      InputStream signatures,
      List<PgpCertificate> certificates,
      PgpPolicy policy) {
    Objects.requireNonNull(data, "data");
    Objects.requireNonNull(signatures, "signatures");
    Objects.requireNonNull(policy, "policy");
    List<PGPPublicKeyRing> rings = new ArrayList<>();
    for (PgpCertificate c : certificates) {
      rings.add(c.ring());
    }
    return DetachedSignatures.verify(data, signatures, rings, Engine.of(policy));
  }
}
