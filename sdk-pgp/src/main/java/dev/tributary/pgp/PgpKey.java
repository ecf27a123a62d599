package dev.tributary.pgp;

import dev.tributary.core.auth.PgpPrivateKey;
import dev.tributary.core.auth.Secret;
import dev.tributary.pgp.internal.ArmorText;
import dev.tributary.pgp.internal.Certifications;
import dev.tributary.pgp.internal.Engine;
import dev.tributary.pgp.internal.KeyDescriber;
import dev.tributary.pgp.internal.KeyEncoding;
import dev.tributary.pgp.internal.KeyProtection;
import dev.tributary.pgp.internal.KeyRenewal;
import dev.tributary.pgp.internal.KeyRings;
import dev.tributary.pgp.internal.Revocation;
import dev.tributary.pgp.internal.UnlockedKeys;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import org.bouncycastle.openpgp.PGPPublicKeyRing;
import org.bouncycastle.openpgp.PGPSecretKeyRing;

/**
 * A parsed OpenPGP private key with its passphrase: what decrypts messages sent to its certificate
 * and signs outgoing ones. Create one with {@link #parse(String, Secret)} from pasted armored text,
 * {@link #of(PgpPrivateKey)} from an authorization, or {@link #generate}.
 *
 * <p>A protected key is unlocked the first time it is needed, and a wrong passphrase fails then
 * with a {@link PgpWrongPassphraseException} naming the key ({@link #checkPassphrase()} checks it
 * up front). The unlocked key stays in memory with this object. The passphrase never appears in
 * {@link #toString()} or any message.
 *
 * <p>Immutable (apart from that cache) and thread-safe.
 */
public final class PgpKey {
  private final PGPSecretKeyRing ring;
  private final UnlockedKeys unlocked;

  PgpKey(PGPSecretKeyRing ring, Secret passphrase) {
    this.ring = ring;
    this.unlocked = new UnlockedKeys(ring, passphrase);
  }

  /**
   * Parses one ASCII-armored private key ({@code -----BEGIN PGP PRIVATE KEY BLOCK-----} … footer).
   *
   * @param passphrase its passphrase, or {@link Secret#empty()} if it is not protected
   * @throws PgpKeyException if the text is not one armored private key: the message says why
   */
  public static PgpKey parse(String armored, Secret passphrase) {
    Objects.requireNonNull(armored, "armored");
    Objects.requireNonNull(passphrase, "passphrase");
    List<PGPSecretKeyRing> rings =
        KeyRings.secretRings(ArmorText.decode(armored, ArmorText.Kind.PRIVATE));
    if (rings.size() != 1) {
      throw new PgpKeyException(
          "the block holds " + rings.size() + " private keys; give each key its own entry");
    }
    return new PgpKey(rings.get(0), passphrase);
  }

  /** Parses the private key of an authorization, with its passphrase; see {@link #parse}. */
  public static PgpKey of(PgpPrivateKey authorization) {
    Objects.requireNonNull(authorization, "authorization");
    return parse(authorization.armoredKey().reveal(), authorization.passphrase());
  }

  /**
   * Reads every private key in {@code data}, ASCII-armored or binary, all with one passphrase.
   *
   * @throws PgpKeyException if the data holds no private key, or a public key, or is damaged
   */
  public static List<PgpKey> readAll(byte[] data, Secret passphrase) {
    Objects.requireNonNull(data, "data");
    Objects.requireNonNull(passphrase, "passphrase");
    List<PgpKey> keys = new ArrayList<>();
    for (PGPSecretKeyRing ring : KeyEncoding.readSecretRings(data)) {
      keys.add(new PgpKey(ring, passphrase));
    }
    return keys;
  }

  /**
   * Generates a new key with one user ID, protected by {@code passphrase} unless it is empty; see
   * {@link #generator} for more choices. The key expires five years from now (BouncyCastle's
   * default): plan its renewal.
   *
   * @param userId e.g. "Example Exports &lt;exports@example.com&gt;"
   * @throws IllegalArgumentException if {@code userId} is blank
   */
  public static PgpKey generate(KeyProfile profile, String userId, Secret passphrase) {
    return generator(profile).userId(userId).passphrase(passphrase).generate();
  }

  /**
   * A generator for a new key of {@code profile}, with any number of user IDs, a passphrase, or
   * without an encryption subkey ({@link KeyGenerator#signingOnly()}).
   */
  public static KeyGenerator generator(KeyProfile profile) {
    return new KeyGenerator(profile);
  }

  PGPSecretKeyRing ring() {
    return ring;
  }

  UnlockedKeys unlocked() {
    return unlocked;
  }

  /** The unlocked keys of {@code keys}, in their order: what the signing calls sign with. */
  static List<UnlockedKeys> unlocked(List<PgpKey> keys) {
    List<UnlockedKeys> unlocked = new ArrayList<>(keys.size());
    for (PgpKey k : keys) {
      unlocked.add(k.unlocked());
    }
    return unlocked;
  }

  /** The public part, to hand to those who encrypt to this key. */
  public PgpCertificate certificate() {
    return new PgpCertificate(publicRing());
  }

  PGPPublicKeyRing publicRing() {
    return new PGPPublicKeyRing(KeyEncoding.publicKeys(ring));
  }

  public String fingerprint() {
    return KeyDescriber.fingerprint(ring.getPublicKey());
  }

  public String keyId() {
    return KeyDescriber.keyId(ring.getPublicKey().getKeyID());
  }

  /**
   * Whether any of its keys is protected by a passphrase. A stub, a key whose secret part is not
   * here ({@code gpg --export-secret-subkeys} leaves one of the primary key), protects nothing.
   */
  public boolean isProtected() {
    for (var secret : ring) {
      if (secret.getS2KUsage() != 0 && !UnlockedKeys.isStub(secret)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Unlocks every protected key now, so that a wrong passphrase fails here rather than at the first
   * decryption.
   *
   * @throws PgpWrongPassphraseException if the passphrase is wrong or missing
   */
  public void checkPassphrase() {
    unlocked.unlockAll();
  }

  public KeyDescription describe() {
    return describe(Instant.now());
  }

  public KeyDescription describe(Instant at) {
    Objects.requireNonNull(at, "at");
    Engine engine = Engine.of(PgpPolicy.defaults());
    return KeyDescriber.describe(KeyRings.key(ring, engine), engine, at);
  }

  /**
   * The same key protected by {@code newPassphrase} instead: every secret key (primary and subkeys)
   * is unlocked with this key's passphrase and encrypted anew; the public keys and all signatures
   * stay byte for byte the same. {@link Secret#empty()} leaves the new key unprotected.
   *
   * <p>v4 keys get what GnuPG writes: AES-256 in CFB mode, an iterated and salted SHA-256 S2K and a
   * SHA-1 check (S2K usage 254). v6 keys get what RFC 9580 recommends: AEAD (OCB, AES-256) with
   * Argon2 (3 passes, 4 lanes, 64 MiB), as {@link #generate} makes them. This key is unchanged.
   *
   * @throws PgpWrongPassphraseException if this key's passphrase is wrong or missing
   */
  public PgpKey withPassphrase(Secret newPassphrase) {
    Objects.requireNonNull(newPassphrase, "newPassphrase");
    return new PgpKey(KeyProtection.reprotect(unlocked, newPassphrase), newPassphrase);
  }

  /**
   * The certificate with a key revocation signature, made now by the primary key: publish it (or
   * send it to those who encrypt to this key) to tell them the key must no longer be used. Its
   * reason is "no reason specified" ({@link RevocationReason#NO_REASON}), which RFC 9580 treats as
   * a hard revocation: every signature the key made, before or after, stops being valid, and nobody
   * may encrypt to it. Revoke a key that leaked this way; to keep what a superseded or retired key
   * signed valid, give the reason ({@link #revocationCertificate(RevocationReason, String)}).
   *
   * @throws PgpWrongPassphraseException if the passphrase is wrong or missing
   * @throws PgpKeyException if the primary key's secret material is not here (a GnuPG stub, or on a
   *     smartcard)
   */
  public PgpCertificate revocationCertificate() {
    return revocationCertificate(RevocationReason.NO_REASON, "");
  }

  /**
   * The certificate with a key revocation signature made now by the primary key, for {@code
   * reason}, with the owner's {@code comment}, as {@code sq key revoke --reason … --message …}
   * makes: {@code key.revocationCertificate(RevocationReason.KEY_SUPERSEDED, "replaced by
   * 0xD6D5…")}. Superseded and retired revoke the key softly: nobody may encrypt to it, and what it
   * signed before now stays valid (contracts, files, messages). Compromised and no reason revoke it
   * hard: none of its signatures stays valid, whatever its date. Read back, {@link
   * ComponentKey#revocation()} shows the reason and comment.
   *
   * @param comment why, in the owner's words, possibly empty: UTF-8 text of at most 1024 bytes,
   *     without line breaks, other control characters or invisible format characters such as the
   *     bidirectional overrides (GnuPG prints it on the terminal as it is)
   * @throws IllegalArgumentException if the comment is too long or holds such a character
   * @throws PgpWrongPassphraseException if the passphrase is wrong or missing
   * @throws PgpKeyException if the primary key's secret material is not here (a GnuPG stub, or on a
   *     smartcard)
   */
  public PgpCertificate revocationCertificate(RevocationReason reason, String comment) {
    return revocationCertificate(reason, comment, Clock.systemUTC());
  }

  /**
   * As {@link #revocationCertificate(RevocationReason, String)}, with the revocation signature made
   * at {@code clock}'s now (in whole seconds, as OpenPGP stores it) instead of the system clock's:
   * a soft revocation (superseded, retired) leaves valid what the key signed before that time. Pass
   * a {@code ManualClock} (sdk-testing) to make revocations a test can predict, or a {@link
   * Clock#fixed} to date one with the time the key was given up.
   *
   * @throws PgpKeyException if {@code clock}'s time is before the key was made: a revocation dated
   *     then would not count
   */
  public PgpCertificate revocationCertificate(
      RevocationReason reason, String comment, Clock clock) {
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(comment, "comment");
    Objects.requireNonNull(clock, "clock");
    Revocation.checkComment(comment);
    return new PgpCertificate(Revocation.revoke(unlocked, reason.code(), comment, clock.instant()));
  }

  /**
   * {@code certificate} with this key's certification of each of {@code userIds}, made now: a
   * generic certification (type 0x10, as {@code gpg --quick-sign-key} makes), by which this key
   * vouches that the user ID belongs to the certificate's owner. Each user ID must be bound to the
   * certificate by a valid self-signature (its owner claims it); see {@link #certifyAddingUserIds}
   * to vouch for one the owner has not. Send the result back to its owner, who merges it ({@link
   * PgpCertificate#merge}).
   *
   * @throws PgpCertificationException if this key cannot certify (not yet made at the time of
   *     certification, expired or revoked then, without the certify flag, or its primary key's
   *     secret is not here: a GnuPG stub, or on a smartcard; the message says which), or a user ID
   *     is not bound to the certificate (the message names the user IDs it binds, or says it binds
   *     none then and what to do)
   * @throws PgpWrongPassphraseException if the passphrase is wrong or missing
   * @throws IllegalArgumentException if {@code userIds} is empty
   */
  public PgpCertificate certify(PgpCertificate certificate, Collection<String> userIds) {
    return certify(certificate, userIds, Clock.systemUTC());
  }

  /**
   * As {@link #certify(PgpCertificate, Collection)}, made at {@code clock}'s now (in whole seconds)
   * instead of the system clock's: this key must be able to certify then, and each user ID be bound
   * then.
   */
  public PgpCertificate certify(
      PgpCertificate certificate, Collection<String> userIds, Clock clock) {
    return certify(certificate, userIds, true, clock);
  }

  /**
   * Like {@link #certify}, without requiring the certificate's own self-signature on the user IDs:
   * a user ID the certificate does not have is added, bound by this certification alone. For an
   * authority that assigns user IDs (an organisation naming its members' keys).
   */
  public PgpCertificate certifyAddingUserIds(
      PgpCertificate certificate, Collection<String> userIds) {
    return certifyAddingUserIds(certificate, userIds, Clock.systemUTC());
  }

  /**
   * As {@link #certifyAddingUserIds(PgpCertificate, Collection)}, made at {@code clock}'s now (in
   * whole seconds) instead of the system clock's: this key must be able to certify then.
   */
  public PgpCertificate certifyAddingUserIds(
      PgpCertificate certificate, Collection<String> userIds, Clock clock) {
    return certify(certificate, userIds, false, clock);
  }

  private PgpCertificate certify(
      PgpCertificate certificate,
      Collection<String> userIds,
      boolean requireSelfSignature,
      Clock clock) {
    Objects.requireNonNull(certificate, "certificate");
    Objects.requireNonNull(clock, "clock");
    List<String> ids = List.copyOf(userIds);
    if (ids.isEmpty()) {
      throw new IllegalArgumentException("userIds must name at least one user ID");
    }
    return new PgpCertificate(
        Certifications.certify(
            unlocked,
            Engine.of(PgpPolicy.defaults()),
            certificate.ring(),
            ids,
            requireSelfSignature,
            clock.instant()));
  }

  /**
   * This key with the updates that {@code update}, a copy of its certificate, carries, taken into
   * its public part as {@link PgpCertificate#merge} takes them (only what is bound to the key); its
   * secret keys and passphrase stay as they are. This key is unchanged.
   *
   * @throws PgpKeyException if {@code update} is another key's certificate
   */
  public PgpKey merge(PgpCertificate update) {
    Objects.requireNonNull(update, "update");
    return new PgpKey(
        KeyRenewal.merge(KeyRings.copy(ring), KeyRings.copy(update.ring())), unlocked.passphrase());
  }

  /**
   * This key with its self-signatures renewed where they make it expire within {@code window} of
   * now (or already made it expire): the primary key's (each user ID's and its direct-key
   * signature) and each subkey's binding. A renewed signature copies the settings (capabilities,
   * preferences, primary user ID) of the newest one the default policy accepts, with a new date,
   * and keeps the key valid for as long after now as it was after the old signature was made (five
   * years for a key {@link #generate} made), but at least twice {@code window}: renewed, a key is
   * not due again within {@code window}, so renewing it again at once changes nothing. Revoked user
   * IDs and subkeys stay as they are; a key expiring later than {@code window} comes back
   * unchanged. Publish the result's {@link #certificate()}.
   *
   * @throws PgpWrongPassphraseException if the passphrase is wrong or missing
   * @throws PgpKeyException if the primary key's secret material is not here (a GnuPG stub, or on a
   *     smartcard), or if a self-signature due for renewal has no older one the policy accepts to
   *     renew from (the message names it and its hash)
   * @throws IllegalArgumentException if {@code window} is negative
   */
  public PgpKey renew(Duration window) {
    return renew(window, Clock.systemUTC());
  }

  /**
   * As {@link #renew(Duration)}, with {@code clock}'s now (in whole seconds) for "now": what is due
   * within {@code window} of it is renewed, the renewed self-signatures are made then, and the new
   * expiry counts from then. Pass a {@code ManualClock} (sdk-testing) to make renewals a test can
   * predict, or the clock a host gives its jobs.
   *
   * @throws IllegalArgumentException if {@code window} is negative
   * @throws PgpKeyException if {@code clock}'s time is before the key was made: self-signatures
   *     dated then would not count
   */
  public PgpKey renew(Duration window, Clock clock) {
    Objects.requireNonNull(window, "window");
    Objects.requireNonNull(clock, "clock");
    if (window.isNegative()) {
      throw new IllegalArgumentException("window must not be negative: " + window);
    }
    PGPSecretKeyRing renewed =
        KeyRenewal.renew(
            unlocked, Engine.of(PgpPolicy.defaults()).bcPolicy(), clock.instant(), window);
    return new PgpKey(renewed, unlocked.passphrase());
  }

  /** The private key as ASCII-armored text, still protected as it was. Keep it secret. */
  public Secret armored() {
    return Secret.of(KeyEncoding.armor(ring));
  }

  /** The binary encoding, still protected as it was. Keep it secret. */
  public byte[] encoded() {
    return KeyEncoding.encode(ring);
  }

  @Override
  public String toString() {
    return "PgpKey[" + fingerprint() + "]";
  }
}
