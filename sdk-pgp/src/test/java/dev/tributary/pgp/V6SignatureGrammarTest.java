package dev.tributary.pgp;

import static dev.tributary.pgp.TrailingDataTest.concat;
import static dev.tributary.pgp.TrailingDataTest.encryptedToAlice;
import static dev.tributary.pgp.V6Craft.cleartext;
import static dev.tributary.pgp.V6Craft.encoded;
import static dev.tributary.pgp.V6Craft.inline;
import static dev.tributary.pgp.V6Craft.issuerFingerprint;
import static dev.tributary.pgp.V6Craft.issuers;
import static dev.tributary.pgp.V6Craft.onePassV3;
import static dev.tributary.pgp.V6Craft.onePassV6;
import static dev.tributary.pgp.V6Craft.salt;
import static dev.tributary.pgp.V6Craft.sign;
import static dev.tributary.pgp.V6Craft.withSalt;
import static java.util.stream.Collectors.joining;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tributary.core.auth.Secret;
import dev.tributary.pgp.V6Craft.Signer;
import dev.tributary.pgp.internal.KeyDescriber;
import dev.tributary.testing.PgpTestKeys;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.bouncycastle.bcpg.HashAlgorithmTags;
import org.bouncycastle.bcpg.PacketTags;
import org.bouncycastle.openpgp.PGPPublicKeyRing;
import org.bouncycastle.openpgp.PGPSignature;
import org.bouncycastle.openpgp.PGPSignatureSubpacketGenerator;
import org.bouncycastle.openpgp.operator.bc.BcKeyFingerprintCalculator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * Signatures over data that RFC 9580 binds to their key's version (v4 and v6), crafted to make a
 * verifier count one as valid that the RFC calls malformed, or to check a good one with the wrong
 * certificate: a signature of another version than its key's, v6 salts of the wrong length or
 * unlike their one-pass signature's, issuer subpackets of the wrong version or in the wrong area,
 * issuer subpackets naming keys of different certificates, and a key that two certificates hold.
 * Each form of signed data is read: detached, one-pass and old-style signed, cleartext-signed and,
 * under {@link SignaturePolicy#REQUIRED}, encrypted. The table says, per case, what we say and what
 * OpenPGP.js 6 says ({@link V6SignatureInteropTest} asks it); gpg 2.2 and sqop 0.27 read no v6
 * signatures. The v4 grammar is {@link SignedMessageGrammarTest}'s.
 */
class V6SignatureGrammarTest {
  static final byte[] DATA = "Hello, world.\nSecond line.\n".getBytes(StandardCharsets.US_ASCII);
  static final String TEXT = "Hello, world.\nSecond line.";
  static final byte[] TEXT_SIGNED =
      "Hello, world.\r\nSecond line.".getBytes(StandardCharsets.UTF_8);

  static final int BINARY = PGPSignature.BINARY_DOCUMENT;
  static final int SHA512 = HashAlgorithmTags.SHA512;

  static final PgpCertificate ALICE = PgpCertificate.of(PgpTestKeys.ALICE_RSA.publicKey());
  static final PgpCertificate EVE = PgpCertificate.of(PgpTestKeys.EVE_V6.publicKey());
  static final PgpCertificate SIGN_ONLY = PgpCertificate.of(PgpTestKeys.SIGN_ONLY.publicKey());
  static final PgpKey GRACE_KEY =
      PgpKey.generate(KeyProfile.RFC9580, "Grace <g@example.org>", Secret.empty());
  static final PgpCertificate GRACE = GRACE_KEY.certificate();

  /** Alice's RSA key (v4), Eve's Ed25519 signing subkey (v6), Grace's (v6, made here). */
  static final Signer A = Signer.of(PgpTestKeys.ALICE_RSA);

  static final Signer E = Signer.of(PgpKey.of(PgpTestKeys.EVE_V6.privateKey()));
  static final Signer G = Signer.of(GRACE_KEY);

  static final List<PgpCertificate> ALL = List.of(ALICE, EVE, GRACE);

  /** How a case's signature reaches the verifier. */
  enum Form {
    DETACHED,
    ONE_PASS,
    OLD_STYLE,
    CLEARTEXT,
    ENCRYPTED
  }

  /**
   * A crafted signature: its form, the data or message (a detached signature's packets, a binary
   * message, a cleartext-signed message's text), the verification certificates, what we say of it
   * ({@link #outcome}) and what OpenPGP.js 6.3.2 says: "valid", "invalid" or "refused" (the whole
   * message or signature, unread).
   */
  record Case(
      String name,
      Form form,
      Object message,
      List<PgpCertificate> certs,
      String ours,
      String openPgpJs) {
    @Override
    public String toString() {
      return name + " (" + form.name().toLowerCase(Locale.ROOT).replace('_', '-') + ")";
    }
  }

  static String id(Signer s) {
    return KeyDescriber.keyId(s.pub().getKeyID());
  }

  static String name(String keyId) {
    if (keyId.equals(id(A))) {
      return "ALICE";
    }
    return keyId.equals(id(E)) ? "EVE" : keyId.equals(id(G)) ? "GRACE" : keyId;
  }

  static String describe(SignatureVerification v) {
    String who = name(v.keyId());
    return v.valid() ? "valid " + who : "invalid " + who + " (" + v.problem() + ")";
  }

  /**
   * What we say of {@code c}: each signature ("valid EVE", "invalid EVE (why)"), or the failure.
   */
  static String outcome(Case c) {
    try {
      return switch (c.form()) {
        case DETACHED ->
            describeAll(
                PgpSignatures.verify(
                    new ByteArrayInputStream(DATA),
                    new ByteArrayInputStream((byte[]) c.message()),
                    c.certs(),
                    PgpPolicy.defaults()));
        case ONE_PASS, OLD_STYLE, CLEARTEXT ->
            describeAll(
                PgpInlineSignatures.verify(
                    new ByteArrayInputStream(bytes(c.message())),
                    new ByteArrayOutputStream(),
                    c.certs(),
                    PgpPolicy.defaults()));
        case ENCRYPTED -> {
          PgpDecryptor.Builder b =
              PgpDecryptor.builder()
                  .key(PgpKey.of(PgpTestKeys.ALICE_RSA.privateKey()))
                  .signaturePolicy(SignaturePolicy.REQUIRED);
          c.certs().forEach(b::verifyWith);
          yield describeAll(
              b.build()
                  .decrypt(
                      new ByteArrayInputStream(encryptedToAlice((byte[]) c.message())),
                      new ByteArrayOutputStream())
                  .signatures());
        }
      };
    } catch (PgpDataException e) {
      return e.reason() + ": " + e.getMessage();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static byte[] bytes(Object message) {
    return message instanceof String s ? s.getBytes(StandardCharsets.UTF_8) : (byte[]) message;
  }

  static String describeAll(List<SignatureVerification> verifications) {
    return verifications.stream().map(V6SignatureGrammarTest::describe).collect(joining("; "));
  }

  /** A fresh signature of {@code data} of {@code type}, version {@code v}, by {@code s}. */
  static PGPSignature sig(
      Signer s,
      int v,
      int type,
      byte[] data,
      Consumer<PGPSignatureSubpacketGenerator> hashed,
      Consumer<PGPSignatureSubpacketGenerator> unhashed) {
    return sign(V6Craft.generator(s, v, type, SHA512, hashed, unhashed), data);
  }

  static PGPSignature sig(Signer s, int v, Consumer<PGPSignatureSubpacketGenerator> hashed) {
    return sig(s, v, BINARY, DATA, hashed, h -> {});
  }

  /**
   * The one-pass signature a signer writes for {@code sig}: v6 for a v6 signature by a v6 key, else
   * v3, which names the key by key ID.
   */
  static byte[] onePass(Signer s, PGPSignature sig) {
    return sig.getVersion() == 6 && s.version() == 6
        ? onePassV6(sig, salt(sig), s.fingerprint(), true)
        : onePassV3(sig, s.pub().getKeyID(), true);
  }

  /**
   * The case in each form: {@code hashed} the issuer subpackets of a version {@code v} signature by
   * {@code s}; {@code ours} what we say of each but {@code encrypted}, what decryption says.
   */
  static void everyForm(
      List<Case> cases,
      String name,
      Signer s,
      int v,
      Consumer<PGPSignatureSubpacketGenerator> hashed,
      String ours,
      String encrypted,
      String openPgpJs) {
    cases.add(new Case(name, Form.DETACHED, encoded(sig(s, v, hashed)), ALL, ours, openPgpJs));
    PGPSignature one = sig(s, v, hashed);
    byte[] onePassSigned = inline(onePass(s, one), DATA, encoded(one));
    cases.add(new Case(name, Form.ONE_PASS, onePassSigned, ALL, ours, openPgpJs));
    cases.add(new Case(name, Form.ENCRYPTED, onePassSigned, ALL, encrypted, openPgpJs));
    byte[] oldStyle = V6Craft.oldStyle(encoded(sig(s, v, hashed)), DATA);
    cases.add(new Case(name, Form.OLD_STYLE, oldStyle, ALL, ours, openPgpJs));
    PGPSignature text =
        sig(s, v, PGPSignature.CANONICAL_TEXT_DOCUMENT, TEXT_SIGNED, hashed, h -> {});
    cases.add(
        new Case(name, Form.CLEARTEXT, cleartext(TEXT, null, encoded(text)), ALL, ours, openPgpJs));
  }

  static final String NO_VALID =
      "BAD_SIGNATURE: the message has no valid signature by a verification certificate: ";

  static String versions(int sigVersion, Signer s) {
    return "the signature is of version "
        + sigVersion
        + ", and its key "
        + id(s)
        + " of version "
        + s.version()
        + ", which makes version "
        + s.version()
        + " signatures only (RFC 9580, section 5.2)";
  }

  static String pairing(String subject, String mismatch) {
    return "MALFORMED: "
        + subject
        + " holds a signature after its literal data that does not match its one-pass signature: "
        + mismatch;
  }

  static String saltLength(int octets) {
    return "invalid EVE (the signature's salt is "
        + octets
        + " octets long, not the 32 that RFC 9580 (section 5.2.3) sets for its hash algorithm,"
        + " SHA512)";
  }

  static final String KEY_ID_ONLY =
      "invalid EVE (the signature is of version 6 and names its key by key ID only, which this"
          + " verifier does not look for: RFC 9580 (sections 5.2.3.12 and 5.2.3.35) has a version 6"
          + " signature name its key by fingerprint)";

  /** No subpackets: declared before {@link #CASES}, which uses it. */
  static final Consumer<PGPSignatureSubpacketGenerator> NONE = h -> {};

  static final String NOT_A_HASH =
      "the message's Hash: header names \"NOTAHASH\", which is no hash algorithm: RFC 9580"
          + " (section 6.2.2.3) has no signature of such a message count";

  static final List<Case> CASES = cases();

  /** A detached signature case. */
  static Case detached(
      String name, PGPSignature sig, List<PgpCertificate> certs, String ours, String openPgpJs) {
    return new Case(name, Form.DETACHED, encoded(sig), certs, ours, openPgpJs);
  }

  /** A one-pass signed message case: {@code onePass}, the literal data, {@code sig}. */
  static Case onePassSigned(
      String name, byte[] onePass, byte[] sig, List<PgpCertificate> certs, String ours, String js) {
    return new Case(name, Form.ONE_PASS, inline(onePass, DATA, sig), certs, ours, js);
  }

  /**
   * A cleartext-signed message case: {@link #TEXT} under {@code hashHeader}, signed by {@code sig},
   * which OpenPGP.js refuses.
   */
  static Case cleartextSigned(String name, String hashHeader, PGPSignature sig, String ours) {
    return new Case(
        name, Form.CLEARTEXT, cleartext(TEXT, hashHeader, encoded(sig)), ALL, ours, "refused");
  }

  /** An Issuer Key ID subpacket naming {@code keyId}. */
  static Consumer<PGPSignatureSubpacketGenerator> keyId(long keyId) {
    return h -> h.setIssuerKeyID(false, keyId);
  }

  static List<Case> cases() {
    List<Case> c = new ArrayList<>();
    // Agreed by all: v4 by v4, v6 by v6, in every form; a cleartext message without a Hash: header.
    everyForm(
        c, "a v4 signature by a v4 key", A, 4, issuers(A), "valid ALICE", "valid ALICE", "valid");
    everyForm(c, "a v6 signature by a v6 key", E, 6, issuers(E), "valid EVE", "valid EVE", "valid");
    versionsOfKeyAndSignature(c);
    salts(c);
    onePassPairing(c);
    issuerSubpackets(c);
    certificates(c);
    c.addAll(cleartextCases());
    return List.copyOf(c);
  }

  /**
   * RFC 9580 (section 5.2): a v4 key makes v4 signatures, a v6 key v6 ones. OpenPGP.js: valid, in
   * every form.
   */
  static void versionsOfKeyAndSignature(List<Case> c) {
    // Were invalid, said to be by a key no certificate held (detached), "cannot be checked"
    // (old-style, cleartext) or "does not match the data" (after a v3 one-pass signature).
    String v6ByV4 = "invalid ALICE (" + versions(6, A) + ")";
    String pairing =
        "it is of version 6, its one-pass signature of version 3, which announces a version 4"
            + " signature (RFC 9580, section 5.4)";
    List<Case> byV4 = new ArrayList<>();
    everyForm(
        byV4,
        "a v6 signature by a v4 key",
        A,
        6,
        issuerFingerprint(4, A.fingerprint()),
        v6ByV4,
        "",
        "valid");
    for (Case k : byV4) {
      String ours =
          switch (k.form()) {
            case ONE_PASS -> pairing("the signed message", pairing);
            case ENCRYPTED -> pairing("the decrypted message", pairing);
            default -> k.ours();
          };
      c.add(new Case(k.name(), k.form(), k.message(), k.certs(), ours, k.openPgpJs()));
    }
    // Were VALID in the one-pass and encrypted forms (BouncyCastle's one-pass check looks at no
    // version), invalid elsewhere as by a key no certificate held or "cannot be checked".
    String v4ByV6 = versions(4, E);
    everyForm(
        c,
        "a v4 signature by a v6 key",
        E,
        4,
        issuers(E),
        "invalid EVE (" + v4ByV6 + ")",
        NO_VALID + v4ByV6,
        "valid");
    // The same named by key ID only, as a v4 signature names its key: the versions alone tell.
    PGPSignature byKeyId = sig(E, 4, keyId(E.pub().getKeyID()));
    c.add(
        onePassSigned(
            "a v4 signature by a v6 key, named by key ID",
            onePass(E, byKeyId),
            encoded(byKeyId),
            ALL,
            "invalid EVE (" + v4ByV6 + ")",
            "valid"));
  }

  /**
   * A v6 signature's salt: as long as its hash algorithm sets (32 octets for SHA-512), and the one
   * its one-pass signature announced. Were invalid, said to be by a key no certificate held
   * (detached) or "cannot be checked".
   */
  static void salts(List<Case> c) {
    PGPSignature salted = sig(E, 6, issuers(E));
    c.add(
        new Case(
            "a v6 salt of 16 octets",
            Form.DETACHED,
            withSalt(salted, new byte[16]),
            ALL,
            saltLength(16),
            "invalid"));
    c.add(
        new Case(
            "a v6 salt of 0 octets",
            Form.DETACHED,
            withSalt(salted, new byte[0]),
            ALL,
            saltLength(0),
            "invalid"));
    PGPSignature short16 = sig(E, 6, issuers(E));
    c.add(
        onePassSigned(
            "a v6 salt of 16 octets in the signature and its one-pass signature",
            onePassV6(short16, new byte[16], E.fingerprint(), true),
            withSalt(short16, new byte[16]),
            ALL,
            saltLength(16),
            "invalid"));
    // Now malformed, as the other mismatches of stop 37. OpenPGP.js: valid.
    PGPSignature otherSalt = sig(E, 6, issuers(E));
    byte[] flipped = salt(otherSalt).clone();
    flipped[0] ^= 1;
    c.add(
        onePassSigned(
            "a v6 one-pass signature with another salt",
            onePassV6(otherSalt, flipped, E.fingerprint(), true),
            encoded(otherSalt),
            ALL,
            pairing(
                "the signed message",
                "its salt is not the one its one-pass signature announced (RFC 9580, section 5.4)"),
            "valid"));
  }

  /**
   * One-pass signatures that announce another version or key than their signature's (RFC 9580,
   * section 5.4). Were invalid ("does not match the data", "cannot be checked") or VALID; now
   * malformed, as the other mismatches. OpenPGP.js: valid.
   */
  static void onePassPairing(List<Case> c) {
    PGPSignature v6 = sig(E, 6, issuers(E));
    c.add(
        onePassSigned(
            "a v3 one-pass signature announcing a v6 signature",
            onePassV3(v6, E.pub().getKeyID(), true),
            encoded(v6),
            ALL,
            pairing(
                "the signed message",
                "it is of version 6, its one-pass signature of version 3, which announces a"
                    + " version 4 signature (RFC 9580, section 5.4)"),
            "valid"));
    PGPSignature v4 = sig(E, 4, issuers(E));
    c.add(
        onePassSigned(
            "a v6 one-pass signature announcing a v4 signature",
            onePassV6(v4, new byte[32], E.fingerprint(), true),
            encoded(v4),
            ALL,
            pairing(
                "the signed message",
                "it is of version 4, its one-pass signature of version 6, which announces a"
                    + " version 6 signature (RFC 9580, section 5.4)"),
            "valid"));
    // Already malformed (stop 37's key check).
    PGPSignature byEve = sig(E, 6, issuers(E));
    c.add(
        onePassSigned(
            "a v6 one-pass signature naming Grace, Eve's signature",
            onePassV6(byEve, salt(byEve), G.fingerprint(), true),
            encoded(byEve),
            ALL,
            pairing(
                "the signed message",
                "it is by key " + id(E) + ", its one-pass signature announced key " + id(G)),
            "valid"));
    // Was VALID: the unhashed fingerprint, which anyone may add, matched the one-pass signature.
    // OpenPGP.js takes the last fingerprint it reads.
    PGPSignature claimsGrace =
        sig(
            E,
            6,
            BINARY,
            DATA,
            issuerFingerprint(6, G.fingerprint()),
            issuerFingerprint(6, E.fingerprint()));
    c.add(
        onePassSigned(
            "Eve's v6 signature whose hashed fingerprint names Grace, unhashed Eve",
            onePassV6(claimsGrace, salt(claimsGrace), E.fingerprint(), true),
            encoded(claimsGrace),
            ALL,
            pairing(
                "the signed message",
                "it names key "
                    + id(G)
                    + " by fingerprint, its one-pass signature announced key "
                    + id(E)),
            "valid"));
    // Checked with the key its signed area names, Grace's: never valid by Grace. Was VALID EVE
    // (Eve's certificate came before Grace's). OpenPGP.js: valid.
    c.add(
        detached(
            "Eve's v6 signature whose hashed fingerprint names Grace, unhashed Eve",
            sig(
                E,
                6,
                BINARY,
                DATA,
                issuerFingerprint(6, G.fingerprint()),
                issuerFingerprint(6, E.fingerprint())),
            ALL,
            "invalid GRACE (the signature does not match the data)",
            "valid"));
  }

  /**
   * Issuer subpackets of the wrong version (RFC 9580, section 5.2.3.35: malformed) or kind (section
   * 5.2.3.12: no Issuer Key ID in a v6 signature). Were VALID but the last.
   */
  static void issuerSubpackets(List<Case> c) {
    // OpenPGP.js looks for key ID 81CAB69B2C4E9A20, the last 8 octets, and finds none.
    c.add(
        detached(
            "a v6 signature whose Issuer Fingerprint says version 4",
            sig(E, 6, issuerFingerprint(4, E.fingerprint())),
            ALL,
            "invalid EVE (the signature is of version 6, and its Issuer Fingerprint subpacket"
                + " names a version 4 key by 32 octets: a malformed signature (RFC 9580, section"
                + " 5.2.3.35))",
            "invalid"));
    // OpenPGP.js finds Alice's key by her Issuer Key ID subpacket.
    c.add(
        detached(
            "a v4 signature whose Issuer Fingerprint says version 6",
            sig(A, 4, issuerFingerprint(6, A.fingerprint()).andThen(keyId(A.pub().getKeyID()))),
            ALL,
            "invalid ALICE (the signature is of version 4, and its Issuer Fingerprint subpacket"
                + " names a version 6 key by 20 octets: a malformed signature (RFC 9580, section"
                + " 5.2.3.35))",
            "valid"));
    // OpenPGP.js refuses the hashed one, and finds no key for the unhashed one.
    long eve = E.pub().getKeyID();
    c.add(
        detached(
            "a v6 signature with only a hashed Issuer Key ID",
            sig(E, 6, keyId(eve)),
            ALL,
            KEY_ID_ONLY,
            "refused"));
    c.add(
        detached(
            "a v6 signature with only an unhashed Issuer Key ID",
            sig(E, 6, BINARY, DATA, NONE, keyId(eve)),
            ALL,
            KEY_ID_ONLY,
            "invalid"));
    c.add(
        detached(
            "a v6 signature with a hashed Issuer Key ID besides its fingerprint",
            sig(E, 6, issuers(E).andThen(keyId(eve))),
            ALL,
            "invalid EVE (the signature is of version 6 and holds an Issuer Key ID subpacket,"
                + " which RFC 9580 (section 5.2.3.12) forbids: a version 6 signature names its key"
                + " by fingerprint)",
            "refused"));
    // The unhashed area does not count: valid, before too. OpenPGP.js ignores it too.
    c.add(
        detached(
            "a v6 signature with an unhashed Issuer Key ID besides its fingerprint",
            sig(E, 6, BINARY, DATA, issuers(E), keyId(eve)),
            ALL,
            "valid EVE",
            "valid"));
  }

  /** Which certificate's key checks a signature whose issuer subpackets name several. */
  static void certificates(List<Case> c) {
    // The hashed issuer subpackets count first. Were invalid, "no verification certificate holds
    // the signing key". OpenPGP.js: valid, then invalid (it takes Eve's key).
    c.add(
        detached(
            "Eve's v6 signature, an unhashed key ID naming Alice, Alice's certificate first",
            sig(E, 6, BINARY, DATA, issuers(E), keyId(A.pub().getKeyID())),
            List.of(ALICE, EVE),
            "valid EVE",
            "valid"));
    c.add(
        detached(
            "Alice's signature, an unhashed fingerprint naming Eve, Eve's certificate first",
            sig(A, 4, BINARY, DATA, issuers(A), issuerFingerprint(6, E.fingerprint())),
            List.of(EVE, ALICE),
            "valid ALICE",
            "invalid"));
    // Threw BouncyCastle's ClassCastException (an Ed25519 key given to its RSA verifier).
    // OpenPGP.js: invalid (it takes Sign-Only's key).
    long signOnly = SIGN_ONLY.ring().getPublicKey().getKeyID();
    c.add(
        detached(
            "Alice's signature, an unhashed key ID naming Sign-Only, Sign-Only's certificate first",
            sig(A, 4, BINARY, DATA, issuers(A), keyId(signOnly)),
            List.of(SIGN_ONLY, ALICE),
            "valid ALICE",
            "invalid"));
    c.add(
        detached(
            "Alice's RSA signature naming only Sign-Only's Ed25519 key",
            sig(A, 4, keyId(signOnly)),
            List.of(SIGN_ONLY),
            "invalid 37FABE48EDC428B4 (the signature's public-key algorithm (1) is not that of"
                + " its key 37FABE48EDC428B4 (EdDSA Ed25519))",
            "invalid"));
    // A key two certificates hold: Sign-Only's, holding Alice's primary key as a subkey it does
    // not bind, given first. Was invalid ALICE ("not a valid signing key"). sqop: valid;
    // OpenPGP.js: invalid (it takes the first certificate).
    List<PgpCertificate> unboundFirst = List.of(withUnboundKey(SIGN_ONLY, ALICE), ALICE);
    c.add(
        detached(
            "Alice's signature, a certificate holding her key unbound first",
            sig(A, 4, issuers(A)),
            unboundFirst,
            "valid ALICE",
            "invalid"));
    PGPSignature onePass = sig(A, 4, issuers(A));
    c.add(
        onePassSigned(
            "Alice's signature, a certificate holding her key unbound first",
            onePass(A, onePass),
            encoded(onePass),
            unboundFirst,
            "valid ALICE",
            "invalid"));
    // Two copies of Alice's certificate, one revoking her key: invalid in either order. Was VALID
    // with the copy that revokes second. OpenPGP.js (and sqop) take the first that verifies.
    PgpCertificate revoked = PgpKey.of(PgpTestKeys.ALICE_RSA.privateKey()).revocationCertificate();
    String revokedToday =
        "invalid ALICE (key "
            + id(A)
            + " was revoked on "
            + LocalDate.now(ZoneOffset.UTC)
            + ": no reason specified, a hard revocation, which makes the signatures it made before"
            + " invalid too)";
    c.add(
        detached(
            "Alice's signature, her certificate and a copy that revokes it",
            sig(A, 4, issuers(A)),
            List.of(ALICE, revoked),
            revokedToday,
            "valid"));
    c.add(
        detached(
            "Alice's signature, a copy of her certificate that revokes it first",
            sig(A, 4, issuers(A)),
            List.of(revoked, ALICE),
            revokedToday,
            "invalid"));
  }

  /**
   * Cleartext-signed v6 messages: RFC 9580 (section 7) asks no Hash: header of v6 signatures; one
   * that names the signature's hash does not hurt, one that does not makes it invalid, and one that
   * names no hash algorithm makes every signature invalid (section 6.2.2.3).
   */
  static List<Case> cleartextCases() {
    PGPSignature v6 =
        sig(E, 6, PGPSignature.CANONICAL_TEXT_DOCUMENT, TEXT_SIGNED, issuers(E), NONE);
    PGPSignature v4 =
        sig(A, 4, PGPSignature.CANONICAL_TEXT_DOCUMENT, TEXT_SIGNED, issuers(A), NONE);
    return List.of(
        new Case(
            "a v6 cleartext signature under Hash: SHA512",
            Form.CLEARTEXT,
            cleartext(TEXT, "Hash: SHA512", encoded(v6)),
            ALL,
            "valid EVE",
            "valid"),
        cleartextSigned(
            "a v6 cleartext signature under Hash: SHA256",
            "Hash: SHA256",
            v6,
            "invalid EVE (the signature uses hash algorithm SHA512, which the message's Hash:"
                + " header does not name)"),
        // Were VALID: the signature's hash was named. gpg: "invalid clearsig header"; sqop: valid.
        cleartextSigned(
            "a v4 cleartext signature under Hash: SHA512,NOTAHASH",
            "Hash: SHA512,NOTAHASH",
            v4,
            "invalid ALICE (" + NOT_A_HASH + ")"),
        cleartextSigned(
            "a v6 cleartext signature under Hash: SHA512, NOTAHASH",
            "Hash: SHA512, NOTAHASH",
            v6,
            "invalid EVE (" + NOT_A_HASH + ")"));
  }

  /** {@code cert} with {@code other}'s primary key added as a subkey without a binding. */
  static PgpCertificate withUnboundKey(PgpCertificate cert, PgpCertificate other) {
    try {
      byte[] subkey =
          V6Craft.packet(
              PacketTags.PUBLIC_SUBKEY,
              other.ring().getPublicKey().getPublicKeyPacket().getEncodedContents());
      return new PgpCertificate(
          new PGPPublicKeyRing(concat(cert.encoded(), subkey), new BcKeyFingerprintCalculator()));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @ParameterizedTest(name = "{0}")
  @FieldSource("CASES")
  void craftedSignature_isReadAsRfc9580Says(Case c) {
    assertThat(outcome(c)).isEqualTo(c.ours());
  }
}
