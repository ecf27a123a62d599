package dev.tributary.pgp;

import dev.tributary.core.auth.Secret;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bouncycastle.bcpg.ArmoredOutputStream;
import org.bouncycastle.bcpg.HashAlgorithmTags;
import org.bouncycastle.bcpg.PublicKeyAlgorithmTags;
import org.bouncycastle.bcpg.PublicKeyPacket;
import org.bouncycastle.bcpg.sig.KeyFlags;
import org.bouncycastle.crypto.generators.Ed25519KeyPairGenerator;
import org.bouncycastle.crypto.generators.RSAKeyPairGenerator;
import org.bouncycastle.crypto.generators.X25519KeyPairGenerator;
import org.bouncycastle.crypto.params.Ed25519KeyGenerationParameters;
import org.bouncycastle.crypto.params.RSAKeyGenerationParameters;
import org.bouncycastle.crypto.params.X25519KeyGenerationParameters;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPKeyPair;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPSecretKey;
import org.bouncycastle.openpgp.PGPSecretKeyRing;
import org.bouncycastle.openpgp.PGPSignature;
import org.bouncycastle.openpgp.PGPSignatureGenerator;
import org.bouncycastle.openpgp.PGPSignatureSubpacketGenerator;
import org.bouncycastle.openpgp.operator.bc.BcKeyFingerprintCalculator;
import org.bouncycastle.openpgp.operator.bc.BcPGPContentSignerBuilder;
import org.bouncycastle.openpgp.operator.bc.BcPGPDigestCalculatorProvider;
import org.bouncycastle.openpgp.operator.bc.BcPGPKeyPair;

/**
 * A v4 key built signature by signature, to try how its (sub)keys are judged: an EdDSA (legacy
 * Ed25519) primary key, or an RSA one ({@link #withRsaPrimaryKey}), an EdDSA signing subkey and an
 * ECDH Curve25519 encryption subkey, all made {@link #MADE} (legacy algorithms, so that GnuPG 2.2
 * reads them too), and a stranger's EdDSA key to sign what a stranger should not. Each {@link Sig}
 * says what one self-signature carries; the defaults are those of a sound key.
 */
final class CraftedCertificate {
  static final Instant MADE =
      Instant.now().minus(Duration.ofDays(30)).truncatedTo(ChronoUnit.SECONDS);
  static final String USER_ID = "Crafted <crafted@example.com>";
  static final String OTHER_USER_ID = "Crafted Too <crafted.too@example.com>";
  static final byte[] DATA = "signed by a crafted key\n".getBytes(StandardCharsets.UTF_8);
  private static final SecureRandom RANDOM = new SecureRandom();

  /** What a signing subkey's binding embeds as its primary key binding signature (0x19). */
  enum Back {
    GOOD,
    NONE,
    BY_THE_PRIMARY_KEY,
    OVER_ANOTHER_SUBKEY,
    EXPIRED
  }

  /** One self-signature: a user ID certification, direct-key, binding or revocation. */
  static final class Sig {
    final int type;
    int hash = HashAlgorithmTags.SHA256;
    Instant made = MADE.plusSeconds(60);
    Integer flags;
    long keyExpiry;
    long sigExpiry;
    boolean criticalUnknown;
    boolean criticalNotation;
    boolean byStranger;
    boolean primaryUserId;
    int reason = -1;
    String userId = USER_ID;
    Back back = Back.GOOD;
    boolean backWithoutFlags;

    Sig(int type, Integer flags) {
      this.type = type;
      this.flags = flags;
    }

    static Sig userId(Integer flags) {
      return new Sig(PGPSignature.POSITIVE_CERTIFICATION, flags);
    }

    static Sig directKey(Integer flags) {
      return new Sig(PGPSignature.DIRECT_KEY, flags);
    }

    static Sig binding(Integer flags) {
      return new Sig(PGPSignature.SUBKEY_BINDING, flags);
    }

    static Sig subkeyRevocation(int reason) {
      Sig s = new Sig(PGPSignature.SUBKEY_REVOCATION, null);
      s.reason = reason;
      return s;
    }

    static Sig keyRevocation(int reason) {
      Sig s = new Sig(PGPSignature.KEY_REVOCATION, null);
      s.reason = reason;
      return s;
    }

    static Sig userIdRevocation(String userId) {
      Sig s = new Sig(PGPSignature.CERTIFICATION_REVOCATION, null);
      s.reason = 32;
      s.userId = userId;
      return s;
    }

    Sig hash(int h) {
      hash = h;
      return this;
    }

    Sig made(Instant m) {
      made = m;
      return this;
    }

    Sig keyExpiry(Duration d) {
      keyExpiry = d.toSeconds();
      return this;
    }

    Sig sigExpiry(Duration d) {
      sigExpiry = d.toSeconds();
      return this;
    }

    Sig criticalUnknown() {
      criticalUnknown = true;
      return this;
    }

    Sig criticalNotation() {
      criticalNotation = true;
      return this;
    }

    Sig byStranger() {
      byStranger = true;
      return this;
    }

    Sig primaryUserId() {
      primaryUserId = true;
      return this;
    }

    Sig on(String id) {
      userId = id;
      return this;
    }

    Sig back(Back b) {
      back = b;
      return this;
    }

    /** A binding that embeds a back-signature though it has no key flags that sign. */
    Sig backWithoutFlags() {
      backWithoutFlags = true;
      return this;
    }
  }

  static final int SIGN = KeyFlags.SIGN_DATA;
  static final int CERTIFY = KeyFlags.CERTIFY_OTHER;
  static final int ENCRYPT = KeyFlags.ENCRYPT_COMMS | KeyFlags.ENCRYPT_STORAGE;

  final PGPKeyPair primary;
  final PGPKeyPair signing;
  final PGPKeyPair encryption;
  final PGPKeyPair stranger;
  final List<Sig> primarySigs = new ArrayList<>();
  final List<Sig> signingSigs = new ArrayList<>();
  final List<Sig> encryptionSigs = new ArrayList<>();

  CraftedCertificate() {
    this(MADE, MADE);
  }

  /** Subkeys created at {@code subkeysMade}. */
  CraftedCertificate(Instant primaryMade, Instant subkeysMade) {
    this(primaryMade, subkeysMade, false);
  }

  private CraftedCertificate(Instant primaryMade, Instant subkeysMade, boolean rsaPrimaryKey) {
    try {
      primary = rsaPrimaryKey ? rsa(primaryMade) : eddsa(primaryMade);
      var fingerprints = new BcKeyFingerprintCalculator();
      signing = eddsa(subkeysMade).asSubkey(fingerprints);
      encryption = ecdh(subkeysMade).asSubkey(fingerprints);
      stranger = eddsa(primaryMade);
    } catch (PGPException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * With an RSA 2048 primary key, which asks for no particular hash length (RFC 9580, section
   * 5.2.3): a self-signature made with SHA-1, RIPEMD-160 or MD5 is judged by the policy alone,
   * where for the Ed25519 one each is too short (160 or 128 bits of the 256 it needs) whatever the
   * policy.
   */
  static CraftedCertificate withRsaPrimaryKey(Instant primaryMade, Instant subkeysMade) {
    return new CraftedCertificate(primaryMade, subkeysMade, true);
  }

  /** A sound key: certify-only primary user ID, a signing and an encryption subkey. */
  static CraftedCertificate sound() {
    return new CraftedCertificate()
        .primary(Sig.userId(CERTIFY))
        .signingSubkey(Sig.binding(SIGN))
        .encryptionSubkey(Sig.binding(ENCRYPT));
  }

  CraftedCertificate primary(Sig s) {
    primarySigs.add(s);
    return this;
  }

  CraftedCertificate signingSubkey(Sig s) {
    signingSigs.add(s);
    return this;
  }

  CraftedCertificate encryptionSubkey(Sig s) {
    encryptionSigs.add(s);
    return this;
  }

  /** The key, all its self-signatures made as the {@link Sig}s say, in their order. */
  PgpKey key() {
    try {
      PGPPublicKey pub = primary.getPublicKey();
      for (Sig s : primarySigs) {
        PGPSignatureGenerator gen = generator(s.byStranger ? stranger : primary, s, s.type);
        if (s.type == PGPSignature.DIRECT_KEY || s.type == PGPSignature.KEY_REVOCATION) {
          pub = PGPPublicKey.addCertification(pub, gen.generateCertification(pub));
        } else {
          pub =
              PGPPublicKey.addCertification(
                  pub, s.userId, gen.generateCertification(s.userId, pub));
        }
      }
      PGPPublicKey sign = bind(pub, signing, signingSigs);
      PGPPublicKey encrypt = bind(pub, encryption, encryptionSigs);
      var sha1 = new BcPGPDigestCalculatorProvider().get(HashAlgorithmTags.SHA1);
      List<PGPSecretKey> secrets = new ArrayList<>();
      secrets.add(new PGPSecretKey(primary.getPrivateKey(), pub, sha1, true, null));
      if (sign != null) {
        secrets.add(new PGPSecretKey(signing.getPrivateKey(), sign, sha1, false, null));
      }
      if (encrypt != null) {
        secrets.add(new PGPSecretKey(encryption.getPrivateKey(), encrypt, sha1, false, null));
      }
      return new PgpKey(new PGPSecretKeyRing(secrets), Secret.empty());
    } catch (PGPException | IOException e) {
      throw new IllegalStateException(e);
    }
  }

  PgpCertificate certificate() {
    return key().certificate();
  }

  String armoredCertificate() {
    try {
      return armor(certificate().ring().getEncoded());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private PGPPublicKey bind(PGPPublicKey primaryPub, PGPKeyPair sub, List<Sig> sigs)
      throws PGPException, IOException {
    if (sigs.isEmpty()) {
      return null;
    }
    PGPPublicKey subPub = sub.getPublicKey();
    for (Sig s : sigs) {
      PGPSignatureGenerator gen = generator(s.byStranger ? stranger : primary, s, s.type);
      if (s.type == PGPSignature.SUBKEY_BINDING
          && (s.backWithoutFlags
              || (s.flags != null
                  && (s.flags & (KeyFlags.SIGN_DATA | KeyFlags.CERTIFY_OTHER)) != 0))
          && s.back != Back.NONE) {
        PGPSignatureSubpacketGenerator hashed =
            hashed(s, (s.byStranger ? stranger : primary).getPublicKey());
        hashed.addEmbeddedSignature(false, backSignature(primaryPub, sub, s));
        gen.setHashedSubpackets(hashed.generate());
      }
      // A stranger's binding covers this primary key: only its issuer is wrong.
      subPub = PGPPublicKey.addCertification(subPub, gen.generateCertification(primaryPub, subPub));
    }
    return subPub;
  }

  private PGPSignature backSignature(PGPPublicKey primaryPub, PGPKeyPair sub, Sig s)
      throws PGPException {
    PGPKeyPair by = s.back == Back.BY_THE_PRIMARY_KEY ? primary : sub;
    Sig back = new Sig(PGPSignature.PRIMARYKEY_BINDING, null).made(s.made);
    if (s.back == Back.EXPIRED) {
      back.sigExpiry(Duration.ofSeconds(60));
    }
    PGPSignatureGenerator gen = generator(by, back, PGPSignature.PRIMARYKEY_BINDING);
    PGPPublicKey over =
        s.back == Back.OVER_ANOTHER_SUBKEY ? encryption.getPublicKey() : sub.getPublicKey();
    return gen.generateCertification(primaryPub, over);
  }

  private static PGPSignatureGenerator generator(PGPKeyPair signer, Sig s, int type)
      throws PGPException {
    PGPPublicKey pub = signer.getPublicKey();
    PGPSignatureGenerator gen =
        new PGPSignatureGenerator(new BcPGPContentSignerBuilder(pub.getAlgorithm(), s.hash), pub);
    gen.init(type, signer.getPrivateKey());
    gen.setHashedSubpackets(hashed(s, pub).generate());
    return gen;
  }

  private static PGPSignatureSubpacketGenerator hashed(Sig s, PGPPublicKey signer) {
    PGPSignatureSubpacketGenerator hashed = new PGPSignatureSubpacketGenerator();
    hashed.setSignatureCreationTime(true, Date.from(s.made));
    hashed.setIssuerFingerprint(false, signer);
    hashed.setIssuerKeyID(false, signer.getKeyID());
    if (s.flags != null) {
      hashed.setKeyFlags(true, s.flags);
    }
    if (s.keyExpiry != 0) {
      hashed.setKeyExpirationTime(true, s.keyExpiry);
    }
    if (s.sigExpiry != 0) {
      hashed.setSignatureExpirationTime(true, s.sigExpiry);
    }
    if (s.primaryUserId) {
      hashed.setPrimaryUserID(true, true);
    }
    if (s.reason >= 0) {
      hashed.setRevocationReason(false, (byte) s.reason, "");
    }
    if (s.criticalUnknown) {
      // Type 105: private or experimental, which nobody understands
      hashed.addCustomSubpacket(
          new org.bouncycastle.bcpg.SignatureSubpacket(105, true, false, new byte[] {1}) {});
    }
    if (s.criticalNotation) {
      hashed.addNotationData(true, true, "unknown@crafted.example", "must be understood");
    }
    return hashed;
  }

  /** A binary signature over {@link #DATA} by the signing subkey (or {@code primaryKey}). */
  byte[] signature(boolean primaryKey, Instant made) {
    try {
      PGPKeyPair by = primaryKey ? primary : signing;
      PGPPublicKey pub = by.getPublicKey();
      PGPSignatureGenerator gen =
          new PGPSignatureGenerator(
              new BcPGPContentSignerBuilder(pub.getAlgorithm(), HashAlgorithmTags.SHA256), pub);
      gen.init(PGPSignature.BINARY_DOCUMENT, by.getPrivateKey());
      PGPSignatureSubpacketGenerator hashed = new PGPSignatureSubpacketGenerator();
      hashed.setSignatureCreationTime(true, Date.from(made));
      hashed.setIssuerFingerprint(false, pub);
      hashed.setIssuerKeyID(false, pub.getKeyID());
      gen.setHashedSubpackets(hashed.generate());
      gen.update(DATA);
      return gen.generate().getEncoded();
    } catch (PGPException | IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * How {@code cert} verifies a signature over {@link #DATA} by the signing subkey (or {@code
   * primaryKey}) made an hour ago.
   */
  SignatureVerification verification(PgpCertificate cert, boolean primaryKey) {
    byte[] sig = signature(primaryKey, Instant.now().minus(Duration.ofHours(1)));
    List<SignatureVerification> results =
        PgpSignatures.verify(
            new ByteArrayInputStream(DATA),
            new ByteArrayInputStream(sig),
            List.of(cert),
            PgpPolicy.defaults());
    if (results.size() != 1) {
      throw new IllegalStateException("one signature, " + results.size() + " verifications");
    }
    return results.get(0);
  }

  /** Signs {@link #DATA} with {@code key}, as a user would (detached, armored). */
  static void sign(PgpKey key) {
    PgpSignatures.sign(
        new ByteArrayInputStream(DATA), new ByteArrayOutputStream(), List.of(key), true);
  }

  static String armor(byte[] binary) {
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      try (ArmoredOutputStream armored = ArmoredOutputStream.builder().build(out)) {
        armored.write(binary);
      }
      return out.toString(StandardCharsets.US_ASCII);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static PGPKeyPair eddsa(Instant made) throws PGPException {
    Ed25519KeyPairGenerator g = new Ed25519KeyPairGenerator();
    g.init(new Ed25519KeyGenerationParameters(RANDOM));
    return new BcPGPKeyPair(
        PublicKeyPacket.VERSION_4,
        PublicKeyAlgorithmTags.EDDSA_LEGACY,
        g.generateKeyPair(),
        Date.from(made));
  }

  static PGPKeyPair rsa(Instant made) throws PGPException {
    RSAKeyPairGenerator g = new RSAKeyPairGenerator();
    g.init(new RSAKeyGenerationParameters(BigInteger.valueOf(0x10001), RANDOM, 2048, 100));
    return new BcPGPKeyPair(
        PublicKeyPacket.VERSION_4,
        PublicKeyAlgorithmTags.RSA_GENERAL,
        g.generateKeyPair(),
        Date.from(made));
  }

  static PGPKeyPair ecdh(Instant made) throws PGPException {
    X25519KeyPairGenerator g = new X25519KeyPairGenerator();
    g.init(new X25519KeyGenerationParameters(RANDOM));
    return new BcPGPKeyPair(
        PublicKeyPacket.VERSION_4,
        PublicKeyAlgorithmTags.ECDH,
        g.generateKeyPair(),
        Date.from(made));
  }
}
