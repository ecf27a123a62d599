package dev.tributary.pgp;

import static dev.tributary.pgp.TrailingDataTest.compressedPacketWithLength;
import static dev.tributary.pgp.TrailingDataTest.compressedStream;
import static dev.tributary.pgp.TrailingDataTest.concat;
import static dev.tributary.pgp.TrailingDataTest.encryptedToAlice;
import static java.util.stream.Collectors.joining;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tributary.pgp.internal.UnlockedKeys;
import dev.tributary.testing.PgpTestKeys;
import dev.tributary.testing.PgpTestKeys.TestKey;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.bouncycastle.bcpg.CompressionAlgorithmTags;
import org.bouncycastle.bcpg.HashAlgorithmTags;
import org.bouncycastle.bcpg.SignatureSubpacket;
import org.bouncycastle.openpgp.PGPLiteralData;
import org.bouncycastle.openpgp.PGPLiteralDataGenerator;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPSecretKey;
import org.bouncycastle.openpgp.PGPSignature;
import org.bouncycastle.openpgp.PGPSignatureGenerator;
import org.bouncycastle.openpgp.PGPSignatureSubpacketGenerator;
import org.bouncycastle.openpgp.operator.bc.BcPGPContentSignerBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Signed messages crafted to make a verifier report a valid signature over data that its signer did
 * not sign, to hand out data that no signature covers, or to pass a message structure that RFC 9580
 * (section 10.3) forbids. Each case says, in its comment, what sqop 0.27.3 and gpg 2.2.40 make of
 * the same message; {@link SignedMessageGrammarInteropTest} runs them on the cases we fixed. The
 * pairing of one-pass signatures inside encrypted messages is {@link SignaturePairingTest}'s.
 */
class SignedMessageGrammarTest {
  static final TestKey ALICE = PgpTestKeys.ALICE_RSA;
  static final TestKey SIGN_ONLY = PgpTestKeys.SIGN_ONLY;
  static final byte[] DATA = "Hello, world.\nSecond line.\n".getBytes(StandardCharsets.US_ASCII);
  static final byte[] OTHER = "Goodbye.\n".getBytes(StandardCharsets.US_ASCII);

  /**
   * A generator of a SHA-512 signature of {@code type} by {@code key}'s primary key, made at {@code
   * created}, with issuer subpackets and what {@code hashed} adds to its hashed area.
   */
  static PGPSignatureGenerator signer(
      TestKey key, int type, Instant created, Consumer<PGPSignatureSubpacketGenerator> hashed)
      throws Exception {
    UnlockedKeys keys = PgpKey.of(key.privateKey()).unlocked();
    PGPSecretKey secret = keys.ring().getSecretKey();
    PGPPublicKey pub = secret.getPublicKey();
    PGPSignatureGenerator g =
        new PGPSignatureGenerator(
            new BcPGPContentSignerBuilder(pub.getAlgorithm(), HashAlgorithmTags.SHA512), pub);
    g.init(type, keys.privateKey(secret));
    PGPSignatureSubpacketGenerator subpackets = new PGPSignatureSubpacketGenerator();
    subpackets.setSignatureCreationTime(true, Date.from(created));
    subpackets.setIssuerFingerprint(false, pub);
    subpackets.setIssuerKeyID(false, pub.getKeyID());
    hashed.accept(subpackets);
    g.setHashedSubpackets(subpackets.generate());
    return g;
  }

  static PGPSignatureGenerator signer(TestKey key, Consumer<PGPSignatureSubpacketGenerator> hashed)
      throws Exception {
    return signer(key, PGPSignature.BINARY_DOCUMENT, Instant.now(), hashed);
  }

  static PGPSignatureGenerator signer(TestKey key) throws Exception {
    return signer(key, h -> {});
  }

  /**
   * The one-pass signature packet of {@code g}'s signature; {@code last}: its flag is 1, no other
   * one-pass signature follows (RFC 9580, section 5.4). BouncyCastle calls flag 0 "nested".
   */
  static byte[] onePass(PGPSignatureGenerator g, boolean last) throws Exception {
    return g.generateOnePassVersion(!last).getEncoded();
  }

  static byte[] signature(PGPSignatureGenerator g, byte[] data) throws Exception {
    g.update(data);
    return g.generate().getEncoded();
  }

  static byte[] literal(byte[] data, char format) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (OutputStream lit =
        new PGPLiteralDataGenerator().open(out, format, "", data.length, new Date(0))) {
      lit.write(data);
    }
    return out.toByteArray();
  }

  static byte[] literal(byte[] data) throws Exception {
    return literal(data, PGPLiteralData.BINARY);
  }

  /** A one-pass signed message of {@code data} by {@code g}. */
  static byte[] onePassSigned(PGPSignatureGenerator g, byte[] data) throws Exception {
    return concat(onePass(g, true), literal(data), signature(g, data));
  }

  static byte[] zip(byte[] content) throws Exception {
    return compressedPacketWithLength(
        CompressionAlgorithmTags.ZIP, compressedStream(CompressionAlgorithmTags.ZIP, content));
  }

  /** A critical subpacket of {@code type}, which BouncyCastle's generator writes as it is. */
  static SignatureSubpacket critical(int type) {
    return new SignatureSubpacket(type, true, false, new byte[] {1, 2, 3}) {};
  }

  /**
   * What verifying {@code message} with Alice's and Sign-Only's certificates gives: each signature
   * ("valid ALICE", "invalid ALICE (why)"), or the failure's reason and message; and, when a
   * signature is valid and the data written out is not {@link #DATA}, that data.
   */
  static String outcome(byte[] message) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    List<SignatureVerification> verifications;
    try {
      verifications =
          PgpInlineSignatures.verify(
              new ByteArrayInputStream(message),
              out,
              List.of(
                  PgpCertificate.of(ALICE.publicKey()), PgpCertificate.of(SIGN_ONLY.publicKey())),
              PgpPolicy.defaults());
    } catch (PgpDataException e) {
      return e.reason() + ": " + e.getMessage();
    }
    String outcome =
        verifications.stream().map(SignedMessageGrammarTest::describe).collect(joining("; "));
    String written = out.toString(StandardCharsets.ISO_8859_1);
    boolean valid = verifications.stream().anyMatch(SignatureVerification::valid);
    return valid && !written.equals(new String(DATA, StandardCharsets.ISO_8859_1))
        ? outcome + ", wrote " + written.replace("\r", "\\r").replace("\n", "\\n")
        : outcome;
  }

  static String describe(SignatureVerification v) {
    String who = v.keyId().equals(keyId(ALICE)) ? "ALICE" : v.keyId();
    who = v.keyId().equals(keyId(SIGN_ONLY)) ? "SIGN_ONLY" : who;
    return v.valid() ? "valid " + who : "invalid " + who + " (" + v.problem() + ")";
  }

  static String keyId(TestKey key) {
    return SignaturePairingTest.keyIdOf(key);
  }

  /** When {@code key}'s signing key ({@link #keyId}) was made, as its description says. */
  static Instant created(TestKey key) {
    return PgpCertificate.of(key.publicKey()).describe().keys().stream()
        .filter(k -> k.keyId().equals(keyId(key)))
        .findFirst()
        .orElseThrow()
        .created();
  }

  static Stream<Arguments> grammar() throws Exception {
    PGPSignatureGenerator a1 = signer(ALICE);
    PGPSignatureGenerator s1 = signer(SIGN_ONLY);
    PGPSignatureGenerator a2 = signer(ALICE);
    PGPSignatureGenerator s2 = signer(SIGN_ONLY);
    PGPSignatureGenerator a3 = signer(ALICE);
    PGPSignatureGenerator s3 = signer(SIGN_ONLY);
    PGPSignatureGenerator a4 = signer(ALICE);
    PGPSignatureGenerator a5 = signer(ALICE);
    PGPSignatureGenerator a6 = signer(ALICE);
    PGPSignatureGenerator a7 = signer(ALICE);
    PGPSignatureGenerator a8 = signer(ALICE);
    PGPSignatureGenerator text =
        signer(ALICE, PGPSignature.CANONICAL_TEXT_DOCUMENT, now(), h -> {});
    PGPSignatureGenerator text2 =
        signer(ALICE, PGPSignature.CANONICAL_TEXT_DOCUMENT, now(), h -> {});
    byte[] crlf = "Hello, world.\r\nSecond line.\r\n".getBytes(StandardCharsets.US_ASCII);
    byte[] loneCr = "Hello, world.\rSecond line.\r".getBytes(StandardCharsets.US_ASCII);
    String notAnnounced =
        "MALFORMED: the signed message holds a signature after its literal data that no one-pass"
            + " signature announced";
    String signOnlysClosesAlices =
        "MALFORMED: the signed message holds a signature after its literal data that does not match"
            + " its one-pass signature: it is by key "
            + keyId(SIGN_ONLY)
            + ", its one-pass signature announced key "
            + keyId(ALICE);
    return Stream.of(
        // sqop: valid SIGN_ONLY. gpg: good SIGN_ONLY.
        Arguments.of(
            "Alice's one-pass signature closed by Sign-Only's signature",
            concat(onePass(a1, true), literal(DATA), signature(s1, DATA)),
            signOnlysClosesAlices),
        // sqop: fails (bad data). gpg: "number of one-pass packets does not match".
        Arguments.of(
            "one one-pass signature, two signatures",
            concat(onePass(a2, true), literal(DATA), signature(a2, DATA), signature(a3, DATA)),
            notAnnounced),
        // sqop: valid ALICE only. gpg: good ALICE and SIGN_ONLY.
        Arguments.of(
            "two one-pass signatures, the signatures in the same (not nested) order",
            concat(
                onePass(s2, false),
                onePass(a4, true),
                literal(DATA),
                signature(s2, DATA),
                signature(a4, DATA)),
            signOnlysClosesAlices),
        // Flags 1, 0 (gpg writes 0, 1): sqop reads Alice's as a signature over the inner signed
        // message and reports Sign-Only's only; gpg: good both. Each signature covers the literal
        // data, which both signed.
        Arguments.of(
            "two one-pass signatures, the outer one's flag 1",
            concat(
                onePass(a5, true),
                onePass(s3, false),
                literal(DATA),
                signature(s3, DATA),
                signature(a5, DATA)),
            "valid SIGN_ONLY; valid ALICE"),
        // sqop and gpg: fail ("multiple plaintexts").
        Arguments.of(
            "two literal data packets, the signature over both",
            concat(
                onePass(a6, true),
                literal(DATA),
                literal(OTHER),
                signature(a6, concat(DATA, OTHER))),
            "MALFORMED: the signed message holds literal data after its literal data"),
        // sqop: fails. gpg: fails, after writing the unsigned text out.
        Arguments.of(
            "unsigned literal data before the signed message",
            concat(literal(OTHER), onePassSigned(signer(ALICE), DATA)),
            "MALFORMED: the signed message holds a one-pass signature after its literal data"),
        // sqop: fails. gpg: good ALICE, the unsigned text ignored.
        Arguments.of(
            "a compressed signed message, then unsigned literal data",
            concat(zip(onePassSigned(signer(ALICE), DATA)), literal(OTHER)),
            "MALFORMED: the signed message holds literal data after its literal data"),
        // sqop: fails. gpg: good ALICE, the second message ignored.
        Arguments.of(
            "a compressed signed message, then another signed message",
            concat(
                zip(onePassSigned(signer(ALICE), DATA)), onePassSigned(signer(SIGN_ONLY), OTHER)),
            "MALFORMED: the signed message holds a one-pass signature after its literal data"),
        // sqop and gpg: valid SIGN_ONLY only. Alice's signature is over the literal data too.
        Arguments.of(
            "Alice's one-pass signature around a compressed message signed by Sign-Only",
            concat(
                onePass(a7, true),
                zip(onePassSigned(signer(SIGN_ONLY), DATA)),
                signature(a7, DATA)),
            "valid SIGN_ONLY; valid ALICE"),
        // sqop and gpg: valid ALICE. Refused here: compressed twice is no real message.
        Arguments.of(
            "compressed twice",
            zip(zip(onePassSigned(signer(ALICE), DATA))),
            "MALFORMED: the signed message is malformed: it holds compressed data before its"
                + " literal data"),
        // sqop: fails. gpg: decrypts the inner message, "can't handle this ambiguous signature".
        Arguments.of(
            "a one-pass signed message around an encrypted message",
            concat(onePass(a8, true), encryptedToAlice(literal(DATA)), signature(a8, DATA)),
            "MALFORMED: the signed message is malformed: it holds encrypted data before its literal"
                + " data"),
        // sqop: valid. gpg: bad (it hashes binary literal data as it is).
        Arguments.of(
            "a text signature over binary literal data",
            concat(onePass(text, true), literal(DATA), signature(text, DATA)),
            "valid ALICE"),
        // sqop: valid, the CRs written out as they are. gpg: bad. A lone CR is a line ending of
        // the canonical text, as BouncyCastle and Sequoia read it.
        Arguments.of(
            "a text signature over CRLF text, the literal data with lone CRs",
            concat(onePass(text2, true), literal(loneCr, 'u'), signature(text2, crlf)),
            "valid ALICE, wrote Hello, world.\\rSecond line.\\r"),
        // sqop and gpg: valid. The left 16 bits of the hash are not signed, and only hint.
        Arguments.of(
            "the signature's left 16 bits of the hash changed",
            changedHashPrefix(onePassSigned(signer(ALICE), DATA)),
            "valid ALICE"),
        // sqop: no valid signature. gpg: "public key is 9830 days newer than the signature".
        Arguments.of(
            "a signature made before its key",
            onePassSigned(
                signer(
                    ALICE,
                    PGPSignature.BINARY_DOCUMENT,
                    Instant.parse("2000-01-01T00:00:00Z"),
                    h -> {}),
                DATA),
            "invalid ALICE (key "
                + keyId(ALICE)
                + " was not a valid signing key when the signature was made: not yet made: created "
                + created(ALICE)
                + ", after the time the signature was made, 2000-01-01T00:00:00Z)"),
        // sqop: valid ALICE. gpg: "Can't check signature: Bad MPI value" (it takes Sign-Only's
        // key). The signature is Alice's: her key checks it.
        Arguments.of(
            "Alice's signature whose hashed issuer fingerprint names Sign-Only's key",
            onePassSigned(
                signer(
                    ALICE,
                    h ->
                        h.setIssuerFingerprint(
                            false, PgpCertificate.of(SIGN_ONLY.publicKey()).ring().getPublicKey())),
                DATA),
            "valid ALICE"));
  }

  static Instant now() {
    return Instant.now().truncatedTo(ChronoUnit.SECONDS);
  }

  /**
   * {@code message} with the left 16 bits of the hash in its last packet, a v4 signature, flipped.
   */
  static byte[] changedHashPrefix(byte[] message) {
    List<Packets.Packet> packets = Packets.walk(message);
    Packets.Packet sig = packets.get(packets.size() - 1);
    byte[] m = message.clone();
    int p = sig.body() + 4; // version, type, public-key and hash algorithms
    p += 2 + (((m[p] & 0xff) << 8) | (m[p + 1] & 0xff)); // the hashed subpackets
    p += 2 + (((m[p] & 0xff) << 8) | (m[p + 1] & 0xff)); // the unhashed subpackets
    m[p] ^= (byte) 0xff;
    m[p + 1] ^= (byte) 0xff;
    return m;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("grammar")
  void craftedSignedMessage_isReadAsTheGrammarSays(String what, byte[] message, String expected) {
    assertThat(outcome(message)).isEqualTo(expected);
  }

  /** Makes a fresh generator: each makes one signature. */
  interface Signer {
    PGPSignatureGenerator make() throws Exception;
  }

  static String criticalSubpacket(int type) {
    return "invalid ALICE (the signature holds a critical subpacket of type "
        + type
        + ", which is not understood (RFC 9580, section 5.2.3.7))";
  }

  static final String CRITICAL_NOTATION =
      "invalid ALICE (the signature holds a critical notation, which is not understood (RFC 9580,"
          + " section 5.2.3.24))";

  static Stream<Arguments> subpackets() {
    Instant twoDaysAgo = now().minus(2, ChronoUnit.DAYS);
    Signer expired =
        () ->
            signer(
                ALICE,
                PGPSignature.BINARY_DOCUMENT,
                twoDaysAgo,
                h -> h.setSignatureExpirationTime(true, 86_400));
    return Stream.of(
        // Each of these: sqop: no valid signature; gpg: bad, "unknown critical bit".
        Arguments.of(
            "a critical notation",
            (Signer)
                () -> signer(ALICE, h -> h.addNotationData(true, true, "unknown@example.org", "x")),
            CRITICAL_NOTATION),
        Arguments.of(
            "a critical private subpacket (type 100)",
            (Signer) () -> signer(ALICE, h -> h.addCustomSubpacket(critical(100))),
            criticalSubpacket(100)),
        Arguments.of(
            "a critical unassigned subpacket (type 40)",
            (Signer) () -> signer(ALICE, h -> h.addCustomSubpacket(critical(40))),
            criticalSubpacket(40)),
        Arguments.of(
            "a critical reserved subpacket (type 37)",
            (Signer) () -> signer(ALICE, h -> h.addCustomSubpacket(critical(37))),
            criticalSubpacket(37)),
        // sqop: no valid signature; gpg: good (GnuPG knows this notation).
        Arguments.of(
            "a critical notation of PGP Corporation's",
            (Signer)
                () ->
                    signer(
                        ALICE,
                        h ->
                            h.addNotationData(
                                true, true, "preferred-email-encoding@pgp.com", "pgpmime")),
            CRITICAL_NOTATION),
        // sqop: no valid signature; gpg: "Expired signature" (EXPSIG).
        Arguments.of(
            "made two days ago, expiring a day later",
            expired,
            "invalid ALICE (the signature expired on "
                + twoDaysAgo.plus(1, ChronoUnit.DAYS)
                + ", as its maker set)"),
        // sqop and gpg: valid.
        Arguments.of(
            "made two days ago, expiring in 100 days",
            (Signer)
                () ->
                    signer(
                        ALICE,
                        PGPSignature.BINARY_DOCUMENT,
                        twoDaysAgo,
                        h -> h.setSignatureExpirationTime(true, 100 * 86_400L)),
            "valid ALICE"),
        // sqop: valid; gpg: bad. Anyone may add to the unhashed area: its criticality says nothing.
        Arguments.of(
            "a critical private subpacket in the unhashed area",
            (Signer)
                () -> {
                  PGPSignatureGenerator g = signer(ALICE);
                  PGPSignatureSubpacketGenerator unhashed = new PGPSignatureSubpacketGenerator();
                  unhashed.addCustomSubpacket(critical(100));
                  g.setUnhashedSubpackets(unhashed.generate());
                  return g;
                },
            "valid ALICE"),
        // sqop and gpg: valid.
        Arguments.of(
            "a notation that is not critical",
            (Signer)
                () ->
                    signer(ALICE, h -> h.addNotationData(false, true, "unknown@example.org", "x")),
            "valid ALICE"),
        Arguments.of(
            "a critical policy URI",
            (Signer) () -> signer(ALICE, h -> h.addPolicyURI(true, "https://example.org/policy")),
            "valid ALICE"),
        // sqop: valid; gpg: bad (GnuPG 2.2 predates RFC 9580's subpacket 35).
        Arguments.of(
            "a critical intended recipient",
            (Signer)
                () ->
                    signer(
                        ALICE,
                        h ->
                            h.addIntendedRecipientFingerprint(
                                true,
                                PgpCertificate.of(SIGN_ONLY.publicKey()).ring().getPublicKey())),
            "valid ALICE"));
  }

  // Were valid: BouncyCastle checks the signature's mathematics only, not its subpackets.
  @ParameterizedTest(name = "{0}")
  @MethodSource("subpackets")
  void signatureSubpackets_onePassAndOldStyle_countAsGnuPgAndSequoiaCountThem(
      String what, Signer signer, String expected) throws Exception {
    assertThat(outcome(onePassSigned(signer.make(), DATA))).as("one-pass").isEqualTo(expected);
    byte[] oldStyle = concat(signature(signer.make(), DATA), literal(DATA));
    assertThat(outcome(oldStyle)).as("old-style").isEqualTo(expected);
  }

  @Test
  void decrypt_signatureWithACriticalNotation_orExpired_failsTheRequiredPolicy() throws Exception {
    Instant twoDaysAgo = now().minus(2, ChronoUnit.DAYS);
    List<PGPSignatureGenerator> signers =
        List.of(
            signer(ALICE, h -> h.addNotationData(true, true, "unknown@example.org", "x")),
            signer(
                ALICE,
                PGPSignature.BINARY_DOCUMENT,
                twoDaysAgo,
                h -> h.setSignatureExpirationTime(true, 86_400)));
    List<String> problems =
        List.of(
            "the signature holds a critical notation, which is not understood (RFC 9580, section"
                + " 5.2.3.24)",
            "the signature expired on "
                + twoDaysAgo.plus(1, ChronoUnit.DAYS)
                + ", as its maker set");
    PgpDecryptor decryptor = EncryptDecryptTest.requiringASignature(ALICE);
    for (int i = 0; i < signers.size(); i++) {
      byte[] message = encryptedToAlice(onePassSigned(signers.get(i), DATA));
      assertThatThrownBy(() -> EncryptDecryptTest.decrypt(decryptor, message))
          .isInstanceOfSatisfying(
              PgpDataException.class,
              e -> assertThat(e.reason()).isEqualTo(PgpDataException.Reason.BAD_SIGNATURE))
          .hasMessage(
              "the message has no valid signature by a verification certificate: "
                  + problems.get(i));
    }
  }

  @Test
  void verifyDetached_signatureWithACriticalSubpacket_isNotValid() throws Exception {
    byte[] sig = signature(signer(ALICE, h -> h.addCustomSubpacket(critical(100))), DATA);
    List<SignatureVerification> v =
        PgpSignatures.verify(
            new ByteArrayInputStream(DATA),
            new ByteArrayInputStream(sig),
            List.of(PgpCertificate.of(ALICE.publicKey())),
            PgpPolicy.defaults());
    assertThat(v)
        .singleElement()
        .extracting(SignedMessageGrammarTest::describe)
        .isEqualTo(criticalSubpacket(100));
  }

  static final String TEXT = "Hello, world.\n- dashed\nSecond line.";

  /** {@code text} in the cleartext signature framework, signed by Alice. */
  static String cleartextSigned(String text) {
    return new String(
        InlineSignaturesTest.sign(
            text.getBytes(StandardCharsets.UTF_8), PgpInlineSignatures.Mode.CLEARTEXT, true, ALICE),
        StandardCharsets.UTF_8);
  }

  /**
   * The verifications of cleartext-signed {@code message} by Alice's and Sign-Only's certificates,
   * or the failure; {@code written} receives the text written out.
   */
  static String cleartextOutcome(String message, ByteArrayOutputStream written) {
    try {
      return PgpInlineSignatures.verify(
              new ByteArrayInputStream(message.getBytes(StandardCharsets.UTF_8)),
              written,
              List.of(
                  PgpCertificate.of(ALICE.publicKey()), PgpCertificate.of(SIGN_ONLY.publicKey())),
              PgpPolicy.defaults())
          .stream()
          .map(SignedMessageGrammarTest::describe)
          .collect(joining("; "));
    } catch (PgpDataException e) {
      return e.reason() + ": " + e.getMessage();
    }
  }

  static Stream<Arguments> cleartext() {
    String signed = cleartextSigned(TEXT);
    String injected = "Injected: not signed\n";
    return Stream.of(
        // sqop and gpg: valid, the text after the footer ignored.
        Arguments.of("text after the signature's footer", signed + injected, "valid ALICE"),
        // sqop: valid, the second ignored. gpg: good, then fails ("multiple plaintexts").
        Arguments.of(
            "a second cleartext-signed message after the first",
            signed + cleartextSigned(injected),
            "valid ALICE"),
        // sqop and gpg: valid, the text before the header ignored.
        Arguments.of(
            "text before the header line",
            injected + signed,
            "NOT_OPENPGP: the input is not OpenPGP data: it neither starts with an OpenPGP packet"
                + " nor with -----BEGIN PGP MESSAGE-----"),
        // sqop: no valid signature. gpg: good (it reads its own NotDashEscaped header).
        Arguments.of(
            "a NotDashEscaped header",
            signed.replaceFirst("\n\n", "\nNotDashEscaped: You need GnuPG\n\n"),
            "MALFORMED: the cleartext-signed message is malformed: its armor headers may only be"
                + " Hash: headers"),
        // sqop: no valid signature. gpg: bad. A lone CR does not end a line of the framework.
        Arguments.of(
            "the text's line endings made lone CRs",
            signed.replace("Hello, world.\n- - dashed\n", "Hello, world.\r- - dashed\r"),
            "invalid ALICE (the signature does not match the data)"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cleartext")
  void craftedCleartextMessage_neverWritesUnsignedText(
      String what, String message, String expected) {
    ByteArrayOutputStream written = new ByteArrayOutputStream();
    assertThat(cleartextOutcome(message, written)).isEqualTo(expected);
    assertThat(written.toString(StandardCharsets.UTF_8)).doesNotContain("Injected");
  }

  // Was valid: a binary signature over the text's octets as they stand (a file's detached
  // signature, say) framed as a cleartext-signed message. sqop: no valid signature; gpg: bad.
  @Test
  void cleartext_withABinarySignature_isNotValid() {
    assertThat(cleartextOutcome(cleartextWithABinarySignature(), new ByteArrayOutputStream()))
        .isEqualTo(
            "invalid ALICE (the signature is a binary signature (type 0x00), not the text"
                + " signature (type 0x01) that a cleartext-signed message holds)");
  }

  /**
   * {@link #TEXT} as a cleartext-signed message, with Alice's binary signature of its octets
   * (SHA-256, which its {@code Hash:} header names).
   */
  static String cleartextWithABinarySignature() {
    ByteArrayOutputStream sig = new ByteArrayOutputStream();
    PgpSignatures.sign(
        new ByteArrayInputStream(TEXT.getBytes(StandardCharsets.UTF_8)),
        sig,
        List.of(PgpKey.of(ALICE.privateKey())),
        true);
    return "-----BEGIN PGP SIGNED MESSAGE-----\nHash: SHA256\n\n"
        + TEXT.replace("\n-", "\n- -")
        + "\n"
        + sig.toString(StandardCharsets.US_ASCII);
  }

  // Was malformed: the line ended the text, as if it were the signature's header line, though it
  // starts with a space, which no one dash-escapes. sqop and gpg: valid.
  @Test
  void cleartext_textLineOfTheSignatureHeaderAfterASpace_isText() {
    String text = "Hello\n -----BEGIN PGP SIGNATURE-----\nafter";
    ByteArrayOutputStream written = new ByteArrayOutputStream();
    assertThat(cleartextOutcome(cleartextSigned(text), written)).isEqualTo("valid ALICE");
    assertThat(written.toString(StandardCharsets.UTF_8)).startsWith(text);
  }
}
