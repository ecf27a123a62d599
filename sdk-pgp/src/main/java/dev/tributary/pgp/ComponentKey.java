package dev.tributary.pgp;

import java.time.Instant;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * One key of a certificate, the primary key or a subkey, as {@link KeyDescription} shows it.
 *
 * @param fingerprint the fingerprint, upper-case hex without spaces
 * @param keyId the key ID, 16 upper-case hex digits (the low 64 bits of a v4 fingerprint)
 * @param version the key packet version: 4 (RFC 4880) or 6 (RFC 9580)
 * @param primary whether this is the primary key
 * @param algorithm the algorithm, e.g. "RSA", "Ed25519", "X25519", "ECDH Curve25519"
 * @param bits the key size in bits (255 for the Curve25519 family)
 * @param created when the key was created
 * @param expires when it expires, or {@code null} if it does not
 * @param capabilities what its key flags declare: those of the self-signature that binds it, or,
 *     when none does (the policy refuses them, or the key is revoked), of its newest self-signature
 *     that verifies, whatever its hash, primary key and subkey alike (a subkey bound by a binding
 *     without key flags too, then unusable). A key described at a time before it was made shows
 *     what its newest self-signature declares: none binds it then, and this says what it was made
 *     for, while {@link #whyUnusable()} says it was not yet made. Declared, not necessarily usable:
 *     see {@link #usableCapabilities()}
 * @param revoked whether it is revoked. A signing subkey revoked softly (superseded or retired) and
 *     bound again by a newer binding signature is not: what it signs after that verifies, and it
 *     signs, as in Sequoia. An encryption subkey so bound again still is, and is not encrypted to,
 *     as in GnuPG and OpenPGP.js
 * @param revocation how it was revoked (when, why, and whether hard or soft), or {@code null} if it
 *     is not; for a signing subkey bound again after a soft revocation, that revocation, while
 *     {@code revoked} is false
 * @param isProtected whether its secret part is protected by a passphrase (false for public keys)
 * @param unusableBecause why the key cannot be used at the time described, or {@code null} if it
 *     can: revoked, expired, created after that time, weaker than the policy allows, or not bound
 *     by a self-signature the policy accepts (the reason names the hash), or, for a subkey, bound
 *     by one that gives it no key flags while a newer one that does not count declares some, or its
 *     primary key is unusable
 */
public record ComponentKey(
    String fingerprint,
    String keyId,
    int version,
    boolean primary,
    String algorithm,
    int bits,
    Instant created,
    @Nullable Instant expires,
    Set<KeyCapability> capabilities,
    boolean revoked,
    @Nullable KeyRevocation revocation,
    boolean isProtected,
    @Nullable String unusableBecause) {

  public ComponentKey {
    Objects.requireNonNull(fingerprint, "fingerprint");
    Objects.requireNonNull(keyId, "keyId");
    Objects.requireNonNull(algorithm, "algorithm");
    Objects.requireNonNull(created, "created");
    // In KeyCapability's order, whatever the caller's set: toString() and describe() stay stable.
    capabilities =
        Collections.unmodifiableSet(
            capabilities.isEmpty()
                ? EnumSet.noneOf(KeyCapability.class)
                : EnumSet.copyOf(capabilities));
  }

  /** When the key expires, if it does. */
  public Optional<Instant> expiry() {
    return Optional.ofNullable(expires);
  }

  /** Why the key cannot be used at the time described; empty if it can. */
  public Optional<String> whyUnusable() {
    return Optional.ofNullable(unusableBecause);
  }

  /** Whether the key can be used at the time described: {@link #whyUnusable()} is empty. */
  public boolean usable() {
    return unusableBecause == null;
  }

  /** The {@link #capabilities()} if the key is {@link #usable()}, else none. */
  public Set<KeyCapability> usableCapabilities() {
    return usable() ? capabilities : Set.of();
  }

  /**
   * Whether the key flags declare encryption of communications or storage (declared: see {@link
   * #usable()}).
   */
  public boolean canEncrypt() {
    return capabilities.contains(KeyCapability.ENCRYPT_COMMUNICATIONS)
        || capabilities.contains(KeyCapability.ENCRYPT_STORAGE);
  }

  /** Whether the key flags declare signing (declared: see {@link #usable()}). */
  public boolean canSign() {
    return capabilities.contains(KeyCapability.SIGN);
  }
}
