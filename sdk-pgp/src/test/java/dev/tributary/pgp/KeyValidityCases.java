package dev.tributary.pgp;

import static dev.tributary.pgp.CraftedCertificate.CERTIFY;
import static dev.tributary.pgp.CraftedCertificate.ENCRYPT;
import static dev.tributary.pgp.CraftedCertificate.OTHER_USER_ID;
import static dev.tributary.pgp.CraftedCertificate.SIGN;

import dev.tributary.pgp.CraftedCertificate.Back;
import dev.tributary.pgp.CraftedCertificate.Sig;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.Supplier;
import org.bouncycastle.bcpg.HashAlgorithmTags;
import org.bouncycastle.bcpg.sig.KeyFlags;

/**
 * Crafted certificates ({@link CraftedCertificate}) that try to make an implementation encrypt to a
 * key it must not, count a signature from a key that cannot sign, or take a certificate as valid
 * that is not; and what we, sqop 0.27.3, GnuPG 2.2.40 and OpenPGP.js 6 make of each. An {@link
 * Outcome} is three letters: {@code E} if the certificate is encrypted to, {@code S} if a signature
 * by its signing subkey verifies, {@code P} if one by its primary key does, {@code -} for no. For
 * gpg, a signature "verifies" when {@code gpg --verify} exits 0: it does for EXPKEYSIG and
 * REVKEYSIG too.
 */
final class KeyValidityCases {
  private KeyValidityCases() {}

  /** What a certificate is good for, in an implementation's eyes. */
  record Outcome(boolean encrypts, boolean subkeySignatureValid, boolean primarySignatureValid) {
    static Outcome of(String letters) {
      return new Outcome(
          letters.charAt(0) == 'E', letters.charAt(1) == 'S', letters.charAt(2) == 'P');
    }

    @Override
    public String toString() {
      return (encrypts ? "E" : "-")
          + (subkeySignatureValid ? "S" : "-")
          + (primarySignatureValid ? "P" : "-");
    }
  }

  /** One crafted certificate and what each implementation makes of it. */
  record Case(
      String name,
      Supplier<CraftedCertificate> key,
      Outcome ours,
      Outcome sqop,
      Outcome gpg,
      Outcome openPgpJs) {
    @Override
    public String toString() {
      return name;
    }
  }

  static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);

  static Instant daysAgo(int days) {
    return NOW.minus(Duration.ofDays(days));
  }

  private static Case c(
      String name,
      Supplier<CraftedCertificate> key,
      String ours,
      String sqop,
      String gpg,
      String openPgpJs) {
    return new Case(
        name, key, Outcome.of(ours), Outcome.of(sqop), Outcome.of(gpg), Outcome.of(openPgpJs));
  }

  /** A certify-only primary key with one user ID, and the subkeys bound as given. */
  private static CraftedCertificate with(Sig signingBinding, Sig encryptionBinding) {
    return new CraftedCertificate()
        .primary(Sig.userId(CERTIFY))
        .signingSubkey(signingBinding)
        .encryptionSubkey(encryptionBinding);
  }

  private static CraftedCertificate withEncryption(Sig... bindings) {
    CraftedCertificate c =
        new CraftedCertificate().primary(Sig.userId(CERTIFY)).signingSubkey(Sig.binding(SIGN));
    for (Sig s : bindings) {
      c.encryptionSubkey(s);
    }
    return c;
  }

  private static CraftedCertificate withSigning(Sig... bindings) {
    CraftedCertificate c = new CraftedCertificate().primary(Sig.userId(CERTIFY));
    for (Sig s : bindings) {
      c.signingSubkey(s);
    }
    return c.encryptionSubkey(Sig.binding(ENCRYPT));
  }

  /** A primary key that certifies and signs by {@code primary}'s self-signatures. */
  private static CraftedCertificate primary(Sig... selfSignatures) {
    CraftedCertificate c = new CraftedCertificate();
    for (Sig s : selfSignatures) {
      c.primary(s);
    }
    return c.signingSubkey(Sig.binding(SIGN)).encryptionSubkey(Sig.binding(ENCRYPT));
  }

  static final List<Case> CASES =
      List.of(
          c("a sound key", CraftedCertificate::sound, "ES-", "ES-", "ES-", "ES-"),
          // Self-signatures over the primary key
          c(
              "user ID self-signature with a critical unknown subpacket (its only one)",
              () -> primary(Sig.userId(CERTIFY | SIGN).criticalUnknown()),
              "---",
              "---",
              "---",
              "---"),
          c(
              "user ID self-signature with a critical notation (its only one)",
              () -> primary(Sig.userId(CERTIFY | SIGN).criticalNotation()),
              "---",
              "---",
              "---",
              "---"),
          c(
              "user ID self-signature expired (its only one)",
              () -> primary(Sig.userId(CERTIFY | SIGN).sigExpiry(Duration.ofDays(1))),
              "---",
              "---",
              "ESP",
              "---"),
          c(
              "user ID certified only by a stranger, no self-signature",
              () -> primary(Sig.userId(CERTIFY | SIGN).byStranger()),
              "---",
              "---",
              "---",
              "---"),
          c(
              "direct-key signature with a critical unknown subpacket and an expired key expiry",
              () ->
                  primary(
                      Sig.userId(CERTIFY),
                      Sig.directKey(CERTIFY | SIGN | ENCRYPT)
                          .criticalUnknown()
                          .keyExpiry(Duration.ofDays(1))),
              "ES-",
              "ES-",
              "ES-",
              "ES-"),
          c(
              "no user ID, a direct-key signature",
              () -> primary(Sig.directKey(CERTIFY | SIGN)),
              "ESP",
              "ESP",
              "---",
              "---"),
          c(
              "key flags: sign on the user ID's, certify on the direct-key signature",
              () ->
                  new CraftedCertificate()
                      .primary(Sig.userId(CERTIFY | SIGN))
                      .primary(Sig.directKey(CERTIFY))
                      .encryptionSubkey(Sig.binding(ENCRYPT)),
              "E--",
              "E-P",
              "E--",
              "E-P"),
          c(
              "key flags: certify on the user ID's, sign on the direct-key signature",
              () ->
                  new CraftedCertificate()
                      .primary(Sig.userId(CERTIFY))
                      .primary(Sig.directKey(CERTIFY | SIGN))
                      .encryptionSubkey(Sig.binding(ENCRYPT)),
              "E--",
              "E--",
              "E-P",
              "E--"),
          c(
              "primary key expired by the direct-key signature",
              () ->
                  primary(
                      Sig.userId(CERTIFY), Sig.directKey(CERTIFY).keyExpiry(Duration.ofDays(1))),
              "---",
              "---",
              "-S-",
              "---"),
          c(
              "primary key expired by the primary user ID's self-signature",
              () ->
                  primary(
                      Sig.userId(CERTIFY).keyExpiry(Duration.ofDays(1)), Sig.directKey(CERTIFY)),
              "---",
              "---",
              "-S-",
              "---"),
          c(
              "primary key expired by a newer self-signature of a user ID not marked primary",
              () ->
                  primary(
                      Sig.userId(CERTIFY).primaryUserId(),
                      Sig.userId(CERTIFY)
                          .on(OTHER_USER_ID)
                          .keyExpiry(Duration.ofDays(1))
                          .made(daysAgo(3))),
              "ES-",
              "ES-",
              "-S-",
              "ES-"),
          // Encryption subkey bindings
          c(
              "encryption binding with a critical unknown subpacket",
              () -> withEncryption(Sig.binding(ENCRYPT).criticalUnknown()),
              "-S-",
              "-S-",
              "-S-",
              "-S-"),
          c(
              "encryption binding with a critical notation",
              () -> withEncryption(Sig.binding(ENCRYPT).criticalNotation()),
              "-S-",
              "-S-",
              "-S-",
              "-S-"),
          c(
              "encryption binding expired (signature expiry), key expiry fine",
              () -> withEncryption(Sig.binding(ENCRYPT).sigExpiry(Duration.ofDays(1))),
              "-S-",
              "-S-",
              "-S-",
              "-S-"),
          c(
              "encryption binding dated two days ahead",
              () -> withEncryption(Sig.binding(ENCRYPT).made(NOW.plus(Duration.ofDays(2)))),
              "-S-",
              "-S-",
              "ES-",
              "-S-"),
          c(
              "encryption binding older than the subkey",
              () ->
                  new CraftedCertificate(daysAgo(30), daysAgo(10))
                      .primary(Sig.userId(CERTIFY))
                      .signingSubkey(Sig.binding(SIGN).made(daysAgo(10).plusSeconds(60)))
                      .encryptionSubkey(Sig.binding(ENCRYPT).made(daysAgo(20))),
              "-S-",
              "ES-",
              "ES-",
              "ES-"),
          c(
              "encryption binding with SHA-1",
              () -> withEncryption(Sig.binding(ENCRYPT).hash(HashAlgorithmTags.SHA1)),
              "-S-",
              "-S-",
              "ES-",
              "-S-"),
          c(
              "encryption binding with MD5",
              () -> withEncryption(Sig.binding(ENCRYPT).hash(HashAlgorithmTags.MD5)),
              "-S-",
              "-S-",
              "-S-",
              "-S-"),
          c(
              "encryption binding by another primary key",
              () -> withEncryption(Sig.binding(ENCRYPT).byStranger()),
              "-S-",
              "-S-",
              "-S-",
              "-S-"),
          c(
              "encryption subkey whose only binding has no key flags",
              () -> withEncryption(Sig.binding(null)),
              "-S-",
              "-S-",
              "ES-",
              "-S-"),
          c(
              "encryption subkey: the newest binding has no key flags, an older one encrypts",
              () -> withEncryption(Sig.binding(ENCRYPT), Sig.binding(null).made(daysAgo(1))),
              "-S-",
              "-S-",
              "ES-",
              "-S-"),
          c(
              "encryption subkey: the newest binding has a critical unknown subpacket, an older not",
              () ->
                  withEncryption(
                      Sig.binding(ENCRYPT),
                      Sig.binding(ENCRYPT).made(daysAgo(1)).criticalUnknown()),
              "ES-",
              "ES-",
              "ES-",
              "ES-"),
          c(
              "encryption subkey: the newest binding has expired, an older one has not",
              () ->
                  withEncryption(
                      Sig.binding(ENCRYPT),
                      Sig.binding(ENCRYPT).made(daysAgo(3)).sigExpiry(Duration.ofDays(1))),
              "ES-",
              "ES-",
              "-S-",
              "ES-"),
          c(
              "encryption subkey expiring 2^32 - 1 seconds after its creation",
              () -> withEncryption(Sig.binding(ENCRYPT).keyExpiry(Duration.ofSeconds(0xffffffffL))),
              "ES-",
              "ES-",
              "-S-",
              "ES-"),
          c(
              "encryption subkey revoked as retired (soft), then bound again",
              () ->
                  withEncryption(
                      Sig.binding(ENCRYPT),
                      Sig.subkeyRevocation(3).made(daysAgo(5)),
                      Sig.binding(ENCRYPT).made(daysAgo(2))),
              "-S-",
              "ES-",
              "-S-",
              "-S-"),
          c(
              "encryption subkey revoked as compromised (hard), then bound again",
              () ->
                  withEncryption(
                      Sig.binding(ENCRYPT),
                      Sig.subkeyRevocation(2).made(daysAgo(5)),
                      Sig.binding(ENCRYPT).made(daysAgo(2))),
              "-S-",
              "-S-",
              "-S-",
              "-S-"),
          // Signing subkey bindings
          c(
              "signing binding with a critical unknown subpacket",
              () -> with(Sig.binding(SIGN).criticalUnknown(), Sig.binding(ENCRYPT)),
              "E--",
              "E--",
              "E--",
              "E--"),
          c(
              "signing binding expired (signature expiry)",
              () -> with(Sig.binding(SIGN).sigExpiry(Duration.ofDays(1)), Sig.binding(ENCRYPT)),
              "E--",
              "E--",
              "E--",
              "E--"),
          c(
              "signing binding older than the subkey",
              () ->
                  new CraftedCertificate(daysAgo(30), daysAgo(10))
                      .primary(Sig.userId(CERTIFY))
                      .signingSubkey(Sig.binding(SIGN).made(daysAgo(20)))
                      .encryptionSubkey(Sig.binding(ENCRYPT).made(daysAgo(10).plusSeconds(60))),
              "E--",
              "E--",
              "E--",
              "ES-"),
          c(
              "signing binding by another primary key",
              () -> with(Sig.binding(SIGN).byStranger(), Sig.binding(ENCRYPT)),
              "E--",
              "E--",
              "E--",
              "E--"),
          c(
              "signing subkey without a back-signature",
              () -> with(Sig.binding(SIGN).back(Back.NONE), Sig.binding(ENCRYPT)),
              "E--",
              "E--",
              "E--",
              "E--"),
          c(
              "signing subkey whose back-signature the primary key made",
              () -> with(Sig.binding(SIGN).back(Back.BY_THE_PRIMARY_KEY), Sig.binding(ENCRYPT)),
              "E--",
              "E--",
              "E--",
              "E--"),
          c(
              "signing subkey whose back-signature is over another subkey",
              () -> with(Sig.binding(SIGN).back(Back.OVER_ANOTHER_SUBKEY), Sig.binding(ENCRYPT)),
              "E--",
              "E--",
              "E--",
              "E--"),
          c(
              "signing subkey whose back-signature has expired",
              () -> with(Sig.binding(SIGN).back(Back.EXPIRED), Sig.binding(ENCRYPT)),
              "E--",
              "E--",
              "ES-",
              "E--"),
          c(
              "signing subkey: the newest binding has no key flags, an older one signs",
              () -> withSigning(Sig.binding(SIGN), Sig.binding(null).made(daysAgo(1))),
              "E--",
              "E--",
              "E--",
              "E--"),
          // gpg goes by the algorithm where the newest binding has no key flags (an EdDSA subkey
          // signs), and verifies the signature once that binding embeds a back-signature.
          c(
              "signing subkey: the newest binding has no key flags but a back-signature, an older"
                  + " one signs",
              () ->
                  withSigning(
                      Sig.binding(SIGN), Sig.binding(null).made(daysAgo(1)).backWithoutFlags()),
              "E--",
              "E--",
              "ES-",
              "E--"),
          c(
              "signing subkey: the newest binding only authenticates, an older one signs",
              () ->
                  withSigning(
                      Sig.binding(SIGN), Sig.binding(KeyFlags.AUTHENTICATION).made(daysAgo(1))),
              "E--",
              "E--",
              "E--",
              "E--"),
          c(
              "signing subkey revoked as retired (soft), then bound again",
              () ->
                  withSigning(
                      Sig.binding(SIGN),
                      Sig.subkeyRevocation(3).made(daysAgo(5)),
                      Sig.binding(SIGN).made(daysAgo(2))),
              "ES-",
              "ES-",
              "ES-",
              "E--"),
          c(
              "signing subkey revoked as compromised (hard), then bound again",
              () ->
                  withSigning(
                      Sig.binding(SIGN),
                      Sig.subkeyRevocation(2).made(daysAgo(5)),
                      Sig.binding(SIGN).made(daysAgo(2))),
              "E--",
              "E--",
              "ES-",
              "E--"));
}
