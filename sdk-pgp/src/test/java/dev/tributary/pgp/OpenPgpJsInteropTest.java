package dev.tributary.pgp;

import static dev.tributary.pgp.EncryptDecryptTest.TEXT;
import static dev.tributary.pgp.EncryptDecryptTest.decrypt;
import static dev.tributary.pgp.EncryptDecryptTest.encrypt;
import static dev.tributary.pgp.EncryptDecryptTest.readAll;
import static dev.tributary.pgp.OpenPgpJs.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tributary.core.auth.Secret;
import dev.tributary.pgp.OpenPgpJs.Answer;
import dev.tributary.testing.PgpTestKeys;
import dev.tributary.testing.PgpTestKeys.TestKey;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Interoperability with OpenPGP.js, the third implementation after GnuPG and Sequoia, and the one
 * that writes what those two do not: RFC 9580 v6 keys, SEIPD v2 with OCB, GCM and EAX and
 * Argon2-protected keys (openpgp 6), and the draft AEAD Encrypted Data packet (tag 20) that GnuPG
 * 2.4 writes too (openpgp 5). See {@link OpenPgpJs}; the keys are made once, by OpenPGP.js.
 */
class OpenPgpJsInteropTest {
  static final String SEIPD_V1 = "symEncryptedIntegrityProtectedData v1";
  static final String SEIPD_V2 = "symEncryptedIntegrityProtectedData v2 aes256 ";
  static final String PKESK_V3 = "publicKeyEncryptedSessionKey v3";
  static final String PKESK_V6 = "publicKeyEncryptedSessionKey v6";

  @RegisterExtension static final OpenPgpJs js = new OpenPgpJs();

  /** v4 RSA 2048 (our policy's least), protected (iterated and salted S2K); no SEIPD v2 feature. */
  static JsKey rsa;

  /** v4 Ed25519 (legacy EdDSA) with an ECDH Curve25519 subkey, announcing SEIPD v2. */
  static JsKey curve;

  /** v6 Ed25519 with an X25519 subkey, announcing SEIPD v2 with OCB, GCM and EAX. */
  static JsKey six;

  /** Like {@link #six}, protected by Argon2 (OpenPGP.js's defaults: 64 MiB) and AEAD. */
  static JsKey argon2;

  /** openpgp 5's v4 Curve25519 key, announcing the draft AEAD feature with OCB first. */
  static JsKey five;

  @TempDir Path dir;

  /** A key OpenPGP.js made. */
  record JsKey(String privateKey, String publicKey, String fingerprint, Secret passphrase) {
    PgpKey key() {
      return PgpKey.parse(privateKey, passphrase);
    }

    PgpCertificate certificate() {
      return PgpCertificate.parse(publicKey);
    }

    PgpDecryptor decryptor() {
      return PgpDecryptor.builder().key(key()).build();
    }

    /** The encryption subkey's ID, as a message names its recipient. */
    String encryptionKeyId() {
      return certificate().describe().keys().get(1).keyId();
    }
  }

  /** Makes the keys before the first test, not in {@code @BeforeAll}: see {@link OpenPgpJs}. */
  @BeforeEach
  void makeKeysOnce() {
    if (rsa != null) {
      return;
    }
    List<Answer> keys =
        js.run(
            generate("rsa", "Rosa <rosa@example.com>", "rosa's passphrase").put("rsaBits", 2048),
            generate("ecc", "Cole <cole@example.com>", "").set("config", aead()),
            generate("curve25519", "Six <six@example.com>", "").set("config", v6()),
            generate("curve25519", "Argo <argo@example.com>", "argo's passphrase")
                .set("config", v6().put("s2kType", "argon2")),
            generate("ecc", "Five <five@example.com>", "")
                .put("library", "v5")
                .set("config", aead().put("preferredAEADAlgorithm", "ocb")));
    rsa = key(keys.get(0), "rosa's passphrase");
    curve = key(keys.get(1), "");
    six = key(keys.get(2), "");
    argon2 = key(keys.get(3), "argo's passphrase");
    five = key(keys.get(4), "");
  }

  static ObjectNode generate(String type, String userId, String passphrase) {
    ObjectNode r = request("generate-key").put("type", type).put("userId", userId);
    return passphrase.isEmpty() ? r : r.put("passphrase", passphrase);
  }

  static ObjectNode aead() {
    return OpenPgpJs.JSON.createObjectNode().put("aeadProtect", true);
  }

  static ObjectNode v6() {
    return aead().put("v6Keys", true);
  }

  static JsKey key(Answer a, String passphrase) {
    a.ok();
    return new JsKey(
        a.text("privateKey"), a.text("publicKey"), a.text("fingerprint"), Secret.of(passphrase));
  }

  /** OpenPGP.js encrypts {@code data} to the certificates. */
  static ObjectNode encryptTo(byte[] data, String... certificates) {
    ObjectNode r = request("encrypt").put("data", data);
    Arrays.stream(certificates).forEach(r.putArray("certs")::add);
    return r;
  }

  static ObjectNode encryptTo(JsKey... recipients) {
    return encryptTo(TEXT, Arrays.stream(recipients).map(JsKey::publicKey).toArray(String[]::new));
  }

  /** OpenPGP.js decrypts {@code message} with the private key. */
  static ObjectNode decryptWith(String privateKey, Secret passphrase, byte[] message) {
    return request("decrypt")
        .put("key", privateKey)
        .put("passphrase", passphrase.reveal())
        .put("message", message);
  }

  static ObjectNode decryptWith(JsKey key, byte[] message) {
    return decryptWith(key.privateKey(), key.passphrase(), message);
  }

  static void assertArmored(byte[] message, boolean armored) {
    assertThat(new String(message, 0, 27, StandardCharsets.ISO_8859_1))
        .matches(armored ? "-----BEGIN PGP MESSAGE-----" : "(?s)(?!-----BEGIN).*");
  }

  static DecryptionResult decryptsToText(PgpDecryptor decryptor, byte[] message) {
    PgpDecryptor.DecryptionStream s = decryptor.open(new ByteArrayInputStream(message));
    assertThat(readAll(s)).isEqualTo(TEXT);
    return s.result();
  }

  // -- keys OpenPGP.js made ------------------------------------------------------------------

  @Test
  void keysMadeByOpenPgpJs_areDescribedAsTheyAre() {
    // 255 bits, as GnuPG gives Curve25519 keys (BouncyCastle says 256)
    assertDescribed(rsa, 4, "RSA", "RSA", 2048, true);
    assertDescribed(curve, 4, "EdDSA Ed25519", "ECDH Curve25519", 255, false);
    assertDescribed(six, 6, "Ed25519", "X25519", 255, false);
    assertDescribed(argon2, 6, "Ed25519", "X25519", 255, true);
    assertDescribed(five, 4, "EdDSA Ed25519", "ECDH Curve25519", 255, false);
  }

  static void assertDescribed(
      JsKey js, int version, String signing, String encryption, int bits, boolean locked) {
    KeyDescription d = js.key().describe();
    assertThat(d.fingerprint()).isEqualTo(js.fingerprint());
    assertThat(d.secret()).isTrue();
    assertThat(d.isProtected()).as("%s protected", d).isEqualTo(locked);
    assertThat(d.keys()).as("%s", d).hasSize(2);
    ComponentKey primary = d.primaryKey();
    assertThat(primary.version()).isEqualTo(version);
    assertThat(primary.algorithm()).isEqualTo(signing);
    assertThat(primary.canSign()).isTrue();
    assertThat(primary.capabilities()).contains(KeyCapability.CERTIFY);
    ComponentKey sub = d.keys().get(1);
    assertThat(sub.version()).isEqualTo(version);
    assertThat(sub.algorithm()).isEqualTo(encryption);
    assertThat(sub.bits()).isEqualTo(bits);
    assertThat(sub.canEncrypt()).isTrue();
    assertThat(sub.revoked()).isFalse();
    if (version == 6) {
      assertThat(sub.keyId()).isEqualTo(sub.fingerprint().substring(0, 16));
    }
    KeyDescription cert = js.certificate().describe();
    assertThat(cert.fingerprint()).isEqualTo(js.fingerprint());
    assertThat(cert.secret()).isFalse();
    assertThat(cert.keys())
        .extracting(ComponentKey::fingerprint)
        .isEqualTo(d.keys().stream().map(ComponentKey::fingerprint).toList());
  }

  // -- OpenPGP.js encrypts, we decrypt -------------------------------------------------------

  @Test
  void openPgpJsEncryptsSeipdV1_weDecrypt_armoredAndBinary_everyCompression() {
    List<ObjectNode> requests = new ArrayList<>();
    List<String> compressions = List.of("uncompressed", "zlib", "zip");
    for (String compression : compressions) {
      for (boolean armor : new boolean[] {false, true}) {
        requests.add(encryptTo(rsa).put("compression", compression).put("armor", armor));
      }
    }
    List<Answer> answers = js.run(requests);
    for (int i = 0; i < answers.size(); i++) {
      Answer a = answers.get(i).ok();
      String compression = compressions.get(i / 2);
      assertArmored(a.bytes("message"), i % 2 == 1);
      assertThat(a.strings("packets")).containsExactly(PKESK_V3, SEIPD_V1);
      assertThat(a.text("cipher")).isEqualTo("aes256");
      assertThat(a.json().path("compression").asText("uncompressed")).isEqualTo(compression);
      DecryptionResult r = decryptsToText(rsa.decryptor(), a.bytes("message"));
      assertThat(r.aead()).isFalse();
      assertThat(r.symmetricAlgorithm()).isEqualTo(SymmetricAlgorithm.AES_256);
    }
  }

  @Test
  void openPgpJsEncryptsSeipdV2_withOcbGcmAndEax_weDecrypt_armoredAndBinary() {
    List<String> modes = List.of("ocb", "gcm", "eax");
    List<ObjectNode> requests = new ArrayList<>();
    for (String mode : modes) {
      for (boolean armor : new boolean[] {false, true}) {
        ObjectNode config = OpenPgpJs.JSON.createObjectNode().put("preferredAEADAlgorithm", mode);
        requests.add(encryptTo(six).put("armor", armor).set("config", config));
      }
    }
    List<Answer> answers = js.run(requests);
    for (int i = 0; i < answers.size(); i++) {
      Answer a = answers.get(i).ok();
      assertArmored(a.bytes("message"), i % 2 == 1);
      assertThat(a.strings("packets")).containsExactly(PKESK_V6, SEIPD_V2 + modes.get(i / 2));
      DecryptionResult r = decryptsToText(six.decryptor(), a.bytes("message"));
      assertThat(r.aead()).isTrue();
      assertThat(r.symmetricAlgorithm()).isEqualTo(SymmetricAlgorithm.AES_256);
      assertThat(r.decryptionKeyFingerprint())
          .isEqualTo(six.certificate().describe().keys().get(1).fingerprint());
    }
  }

  /** A v4 key that announces SEIPD v2 gets a v6 PKESK and SEIPD v2 (OpenPGP.js's GCM). */
  @Test
  void openPgpJsEncryptsSeipdV2_toAV4Key_weDecrypt() {
    Answer a = js.call(encryptTo(curve));
    assertThat(a.strings("packets")).containsExactly(PKESK_V6, SEIPD_V2 + "gcm");
    assertThat(decryptsToText(curve.decryptor(), a.bytes("message")).aead()).isTrue();
  }

  /**
   * openpgp 5's aeadProtect writes the draft AEAD Encrypted Data packet (tag 20): with OCB, as
   * GnuPG 2.4 writes it, and with EAX, openpgp 5's default.
   */
  @Test
  void openPgpJs5_writesTheAeadEncryptedDataPacket_weDecrypt_ocbAndEax_armoredAndBinary() {
    List<ObjectNode> requests = new ArrayList<>();
    for (String mode : List.of("ocb", "eax")) {
      for (boolean armor : new boolean[] {false, true}) {
        requests.add(fromFive(mode).put("armor", armor));
      }
    }
    List<Answer> answers = js.run(requests);
    for (int i = 0; i < answers.size(); i++) {
      String mode = i < 2 ? "ocb" : "eax";
      assertArmored(answers.get(i).bytes("message"), i % 2 == 1);
      assertThat(answers.get(i).ok().strings("packets"))
          .containsExactly(PKESK_V3, "aeadEncryptedData v1 aes256 " + mode);
      DecryptionResult r = decryptsToText(five.decryptor(), answers.get(i).bytes("message"));
      assertThat(r.aead()).isTrue();
      assertThat(r.symmetricAlgorithm()).isEqualTo(SymmetricAlgorithm.AES_256);
    }
  }

  /**
   * The session key of OpenPGP.js's AEAD messages, the tag 20 packet with OCB (as GnuPG 2.4 writes
   * it) and SEIPD v2, opens them without the private key; another key of the same cipher fails at
   * the first chunk.
   */
  @Test
  void aeadMessages_openWithTheirSessionKeyAlone_andNotWithAnother() {
    List<Answer> answers = js.run(fromFive("ocb"), encryptTo(six));
    List<JsKey> keys = List.of(five, six);
    for (int i = 0; i < 2; i++) {
      byte[] message = answers.get(i).ok().bytes("message");
      PgpDecryptor revealing =
          PgpDecryptor.builder().key(keys.get(i).key()).revealSessionKey(true).build();
      PgpSessionKey key = decryptsToText(revealing, message).sessionKey();
      DecryptionResult r = decryptsToText(PgpDecryptor.builder().sessionKey(key).build(), message);
      assertThat(r.openedWithSessionKey()).isTrue();
      assertThat(r.aead()).isTrue();
      byte[] other = key.revealKey();
      other[0] ^= 1;
      PgpSessionKey wrong = PgpSessionKey.of(key.algorithm(), other);
      assertThatThrownBy(
              () -> decryptsToText(PgpDecryptor.builder().sessionKey(wrong).build(), message))
          .isInstanceOf(PgpWrongKeyException.class);
    }
  }

  /** openpgp 5 encrypts to {@link #five} with aeadProtect and this AEAD mode. */
  static ObjectNode fromFive(String mode) {
    return encryptTo(five)
        .put("library", "v5")
        .set("config", aead().put("preferredAEADAlgorithm", mode));
  }

  @Test
  void severalRecipients_eachDecrypts_seipdV1WhenOneLacksV2_elseV2() {
    TestKey alice = PgpTestKeys.ALICE_RSA;
    TestKey eve = PgpTestKeys.EVE_V6;
    List<Answer> answers =
        js.run(
            encryptTo(TEXT, rsa.publicKey(), curve.publicKey(), alice.armoredPublicKey()),
            encryptTo(TEXT, six.publicKey(), curve.publicKey(), eve.armoredPublicKey()));
    byte[] v1 = answers.get(0).ok().bytes("message");
    assertThat(answers.get(0).strings("packets"))
        .containsExactly(PKESK_V3, PKESK_V3, PKESK_V3, SEIPD_V1);
    byte[] v2 = answers.get(1).ok().bytes("message");
    assertThat(answers.get(1).strings("packets"))
        .hasSize(4)
        .startsWith(PKESK_V6, PKESK_V6, PKESK_V6)
        .last()
        .asString()
        .startsWith(SEIPD_V2);
    for (PgpDecryptor each :
        List.of(rsa.decryptor(), curve.decryptor(), EncryptDecryptTest.with(alice))) {
      assertThat(decryptsToText(each, v1).aead()).isFalse();
    }
    for (PgpDecryptor each :
        List.of(six.decryptor(), curve.decryptor(), EncryptDecryptTest.with(eve))) {
      assertThat(decryptsToText(each, v2).aead()).isTrue();
    }
  }

  @Test
  void openPgpJsSignsAndEncrypts_weVerify_underTheRequiredPolicy() {
    List<JsKey[]> signerAndRecipient =
        List.of(new JsKey[] {six, six}, new JsKey[] {rsa, curve}, new JsKey[] {curve, rsa});
    List<ObjectNode> requests = new ArrayList<>();
    for (JsKey[] pair : signerAndRecipient) {
      requests.add(
          encryptTo(pair[1])
              .put("signingKey", pair[0].privateKey())
              .put("passphrase", pair[0].passphrase().reveal()));
    }
    List<Answer> answers = js.run(requests);
    for (int i = 0; i < answers.size(); i++) {
      JsKey signer = signerAndRecipient.get(i)[0];
      PgpDecryptor dec =
          PgpDecryptor.builder()
              .key(signerAndRecipient.get(i)[1].key())
              .verifyWith(signer.certificate())
              .signaturePolicy(SignaturePolicy.REQUIRED)
              .build();
      DecryptionResult r = decryptsToText(dec, answers.get(i).ok().bytes("message"));
      assertThat(r.validSignature())
          .as("signed by %s", signer.fingerprint())
          .hasValueSatisfying(
              s -> assertThat(s.signerFingerprint()).isEqualTo(signer.fingerprint()));
    }
  }

  @Test
  void openPgpJsSignsWithAnotherKey_theRequiredPolicyRefuses_andLeavesNoPlaintext()
      throws Exception {
    byte[] message = js.call(encryptTo(six).put("signingKey", curve.privateKey())).bytes("message");
    Path in = Files.write(dir.resolve("signed.pgp"), message);
    PgpDecryptor dec =
        PgpDecryptor.builder()
            .key(six.key())
            .verifyWith(six.certificate())
            .signaturePolicy(SignaturePolicy.REQUIRED)
            .build();
    assertThatThrownBy(() -> dec.decryptFile(in, dir.resolve("out.csv")))
        .isInstanceOfSatisfying(
            PgpDataException.class,
            e -> assertThat(e.reason()).isEqualTo(PgpDataException.Reason.BAD_SIGNATURE));
    assertOnly(in);
  }

  void assertOnly(Path in) throws Exception {
    try (var files = Files.list(dir)) {
      assertThat(files).containsExactly(in);
    }
  }

  @Test
  void openPgpJsMessage_forAnotherKey_namesItsKeyIds_andLeavesNoPlaintext() throws Exception {
    Path in = Files.write(dir.resolve("for-six.pgp"), js.call(encryptTo(six)).bytes("message"));
    PgpDecryptor dec = rsa.decryptor();
    assertThatThrownBy(() -> dec.decryptFile(in, dir.resolve("out.csv")))
        .isInstanceOfSatisfying(
            PgpWrongKeyException.class,
            e -> {
              assertThat(e.recipientKeyIds()).containsExactly(six.encryptionKeyId());
              assertThat(e.heldFingerprints()).containsExactly(rsa.fingerprint());
            });
    assertOnly(in);
  }

  /** SEIPD v1, SEIPD v2 (OCB) and openpgp 5's tag 20 (OCB): each modified, and cut short. */
  @Test
  void openPgpJsMessages_tamperedOrTruncated_failTheIntegrityCheck_andLeaveNoPlaintext()
      throws Exception {
    ObjectNode ocb = OpenPgpJs.JSON.createObjectNode().put("preferredAEADAlgorithm", "ocb");
    List<Answer> answers =
        js.run(encryptTo(rsa), encryptTo(six).set("config", ocb), fromFive("ocb"));
    List<JsKey> keys = List.of(rsa, six, five);
    for (int i = 0; i < keys.size(); i++) {
      byte[] message = answers.get(i).ok().bytes("message");
      byte[] tampered = message.clone();
      tampered[message.length / 2] ^= 0x08;
      byte[] truncated = Arrays.copyOf(message, message.length - 30);
      for (byte[] bad : List.of(tampered, truncated)) {
        Path in = Files.write(dir.resolve("bad.pgp"), bad);
        PgpDecryptor dec = keys.get(i).decryptor();
        assertThatThrownBy(() -> dec.decryptFile(in, dir.resolve("out.csv")))
            .as("%s", answers.get(i).strings("packets"))
            .isInstanceOf(PgpIntegrityException.class);
        assertOnly(in);
      }
    }
  }

  /**
   * What the user guide says a decrypting stream hands out of GnuPG 2.4's OCB packet (tag 20, from
   * openpgp 5, in 64-octet chunks) before a failure: only plaintext of chunks whose tag checked, so
   * the start of the plaintext, unchanged, and none of the damaged chunk (at most 64 plaintext
   * octets per 80 octets of ciphertext before the damage). ForeignMessageFuzzTest asserts the same
   * of SEIPD v2.
   */
  @Test
  void ocbPacket_damagedInAChunk_streamHandsOutOnlyPlaintextOfChunksWhoseTagChecked() {
    ObjectNode request = fromFive("ocb");
    ((ObjectNode) request.get("config")).put("aeadChunkSizeByte", 0);
    Answer a = js.call(request).ok();
    assertThat(a.strings("packets")).containsExactly(PKESK_V3, "aeadEncryptedData v1 aes256 ocb");
    byte[] message = a.bytes("message");
    int at = message.length / 2;
    byte[] damaged = message.clone();
    damaged[at] ^= 0x08;
    ByteArrayOutputStream released = new ByteArrayOutputStream();

    assertThatThrownBy(
            () -> {
              try (PgpDecryptor.DecryptionStream in =
                  five.decryptor().open(new ByteArrayInputStream(damaged))) {
                in.transferTo(released);
              }
            })
        .isInstanceOf(PgpIntegrityException.class);
    byte[] out = released.toByteArray();
    assertThat(out.length).isPositive().isLessThanOrEqualTo(at / 80 * 64);
    assertThat(Arrays.copyOf(TEXT, out.length)).as("the start of the plaintext").isEqualTo(out);
  }

  // -- we encrypt, OpenPGP.js decrypts -------------------------------------------------------

  @Test
  void weEncrypt_openPgpJsDecrypts_v4AndV6_seipdV2WhenEveryRecipientSupportsIt() {
    List<PgpEncryptor> encryptors =
        List.of(
            to(rsa).build(),
            to(six).allowAead(true).build(),
            to(curve).allowAead(true).armor(true).build(),
            to(six, rsa).allowAead(true).build());
    List<JsKey> decrypting = List.of(rsa, six, curve, six);
    List<List<String>> packets =
        List.of(
            List.of(PKESK_V3, SEIPD_V1),
            List.of(PKESK_V6, SEIPD_V2 + "ocb"),
            List.of(PKESK_V6, SEIPD_V2 + "ocb"),
            List.of(PKESK_V3, PKESK_V3, SEIPD_V1));
    List<ObjectNode> requests = new ArrayList<>();
    for (int i = 0; i < encryptors.size(); i++) {
      requests.add(decryptWith(decrypting.get(i), encrypt(encryptors.get(i), TEXT)));
    }
    List<Answer> answers = js.run(requests);
    for (int i = 0; i < answers.size(); i++) {
      Answer a = answers.get(i).ok();
      assertThat(a.bytes("data")).isEqualTo(TEXT);
      assertThat(a.strings("packets")).isEqualTo(packets.get(i));
    }
  }

  @Test
  void weEncrypt_everyCompression_openPgpJsDecrypts() {
    byte[] csv = variedCsv();
    List<ObjectNode> requests = new ArrayList<>();
    for (Compression c : Compression.values()) {
      requests.add(decryptWith(rsa, encrypt(to(rsa).compression(c).build(), csv)));
    }
    List<Answer> answers = js.run(requests);
    for (int i = 0; i < answers.size(); i++) {
      assertThat(answers.get(i).json().path("error").asText())
          .as("%s", Compression.values()[i])
          .isEmpty();
      assertThat(answers.get(i).bytes("data")).isEqualTo(csv);
    }
  }

  /**
   * Regression: BZIP2 of very repetitive data (the same rows again and again) came out of
   * BouncyCastle's compressor in bzip2 0.9's randomised blocks, which OpenPGP.js (like Go's
   * compress/bzip2) refused as "unsupported obsolete version". Our encoder never randomises; the
   * second message is several bzip2 blocks of one row.
   */
  @Test
  void weEncrypt_bzip2OfRepetitiveData_openPgpJsReadsIt() {
    byte[] rows = "2026-12-01,export,42\n".repeat(150_000).getBytes(StandardCharsets.UTF_8);
    List<byte[]> plaintexts = List.of(TEXT, rows);
    List<ObjectNode> requests = new ArrayList<>();
    for (byte[] p : plaintexts) {
      requests.add(decryptWith(rsa, encrypt(to(rsa).compression(Compression.BZIP2).build(), p)));
    }
    List<Answer> answers = js.run(requests);
    for (int i = 0; i < answers.size(); i++) {
      assertThat(answers.get(i).json().path("error").asText()).as("message %d", i).isEmpty();
      assertThat(answers.get(i).bytes("data")).isEqualTo(plaintexts.get(i));
    }
  }

  /** About 100 KB of CSV whose rows differ, as an export's do. */
  static byte[] variedCsv() {
    Random random = new Random(11);
    StringBuilder csv = new StringBuilder("id,email,score\n");
    for (int i = 0; i < 4000; i++) {
      csv.append(i).append(",user").append(random.nextInt(1_000_000)).append("@example.com,");
      csv.append(random.nextInt(1000)).append('\n');
    }
    return csv.toString().getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void weSignAndEncrypt_openPgpJsVerifies() {
    TestKey eve = PgpTestKeys.EVE_V6;
    TestKey bob = PgpTestKeys.BOB_25519;
    byte[] toSix =
        encrypt(to(six).allowAead(true).signWith(PgpKey.of(eve.privateKey())).build(), TEXT);
    byte[] toRsa = encrypt(to(rsa).signWith(PgpKey.of(bob.privateKey())).build(), TEXT);
    List<Answer> answers =
        js.run(verifying(decryptWith(six, toSix), eve), verifying(decryptWith(rsa, toRsa), bob));
    List<TestKey> signers = List.of(eve, bob);
    for (int i = 0; i < answers.size(); i++) {
      Answer a = answers.get(i).ok();
      assertThat(a.bytes("data")).isEqualTo(TEXT);
      var signature = a.json().path("signatures").get(0);
      assertThat(signature.path("valid").asBoolean()).as("%s", a.json()).isTrue();
      // the signing (sub)key's ID: Eve signs with a subkey
      assertThat(PgpCertificate.of(signers.get(i).publicKey()).describe().keys())
          .extracting(ComponentKey::keyId)
          .contains(signature.path("keyId").asText());
    }
  }

  static ObjectNode verifying(ObjectNode decrypt, TestKey signer) {
    decrypt.putArray("verifyWith").add(signer.armoredPublicKey());
    return decrypt.put("expectSigned", true);
  }

  static PgpEncryptor.Builder to(JsKey... recipients) {
    PgpEncryptor.Builder b = PgpEncryptor.builder();
    Arrays.stream(recipients).forEach(r -> b.recipient(r.certificate()));
    return b;
  }

  // -- passphrases, signatures and keys across --------------------------------------------------

  /** Each unlock runs Argon2 over 64 MiB, OpenPGP.js's default: this test keeps them few. */
  @Test
  void argon2Key_unlocksWithItsPassphrase_andAWrongOneNamesTheKey() {
    byte[] message = js.call(encryptTo(argon2)).bytes("message");
    PgpKey key = argon2.key();
    assertThat(key.isProtected()).isTrue();
    key.checkPassphrase();
    assertThat(decryptsToText(PgpDecryptor.builder().key(key).build(), message).aead()).isTrue();

    PgpKey wrong = PgpKey.parse(argon2.privateKey(), Secret.of("not argo's passphrase"));
    assertThatThrownBy(() -> decrypt(PgpDecryptor.builder().key(wrong).build(), message))
        .isInstanceOfSatisfying(
            PgpWrongPassphraseException.class,
            e -> {
              assertThat(e.fingerprint()).isIn(fingerprints(argon2.certificate()));
              assertThat(e.passphraseGiven()).isTrue();
              assertThat(e).hasMessageNotContaining("argo's");
            });
    PgpKey none = PgpKey.parse(argon2.privateKey(), Secret.empty());
    assertThatThrownBy(none::checkPassphrase)
        .isInstanceOfSatisfying(
            PgpWrongPassphraseException.class,
            e -> {
              assertThat(e.fingerprint()).isEqualTo(argon2.fingerprint());
              assertThat(e.passphraseGiven()).isFalse();
            });
  }

  /**
   * RFC 9580 lets a v4 key be protected with AEAD too (S2K usage 253), and OpenPGP.js 6 does so
   * with aeadProtect. OpenPGP.js 5 wrote usage 253 in a pre-standard form (no associated data),
   * which no RFC 9580 implementation reads and which looks the same: refused, like a wrong
   * passphrase, but saying so.
   */
  @Test
  void aeadProtectedV4Keys_openPgpJs6sUnlock_openPgpJs5sAreRefusedByName() {
    List<Answer> keys =
        js.run(
            generate("ecc", "Ada <ada@example.com>", "ada's passphrase").set("config", aead()),
            generate("ecc", "Old <old@example.com>", "old passphrase")
                .put("library", "v5")
                .set("config", aead()));
    PgpKey standard =
        PgpKey.parse(keys.get(0).ok().text("privateKey"), Secret.of("ada's passphrase"));
    standard.checkPassphrase();
    assertThat(standard.describe().primaryKey().version()).isEqualTo(4);

    PgpKey legacy = PgpKey.parse(keys.get(1).ok().text("privateKey"), Secret.of("old passphrase"));
    assertThatThrownBy(legacy::checkPassphrase)
        .isInstanceOfSatisfying(
            PgpWrongPassphraseException.class,
            e -> assertThat(e.fingerprint()).isEqualTo(keys.get(1).text("fingerprint")))
        .hasMessageContaining("OpenPGP.js 5")
        .hasMessageNotContaining("old passphrase");
  }

  static List<String> fingerprints(PgpCertificate certificate) {
    return certificate.describe().keys().stream().map(ComponentKey::fingerprint).toList();
  }

  @Test
  void detachedSignatures_bothDirections() throws Exception {
    Answer theirs = js.call(request("sign").put("key", six.privateKey()).put("data", TEXT));
    assertThat(
            PgpSignatures.verify(
                new ByteArrayInputStream(TEXT),
                new ByteArrayInputStream(
                    theirs.text("signature").getBytes(StandardCharsets.US_ASCII)),
                List.of(six.certificate()),
                PgpPolicy.defaults()))
        .singleElement()
        .satisfies(v -> assertThat(v.valid()).as(v.problem()).isTrue())
        .extracting(SignatureVerification::signerFingerprint)
        .isEqualTo(six.fingerprint());

    List<ObjectNode> requests = new ArrayList<>();
    for (TestKey signer : List.of(PgpTestKeys.EVE_V6, PgpTestKeys.BOB_25519)) {
      ByteArrayOutputStream ours = new ByteArrayOutputStream();
      PgpSignatures.sign(
          new ByteArrayInputStream(TEXT), ours, List.of(PgpKey.of(signer.privateKey())), true);
      ObjectNode verify =
          request("verify")
              .put("data", TEXT)
              .put("signature", ours.toString(StandardCharsets.US_ASCII));
      verify.putArray("certs").add(signer.armoredPublicKey());
      requests.add(verify);
    }
    for (Answer a : js.run(requests)) {
      assertThat(a.ok().json().path("signatures"))
          .singleElement()
          .satisfies(s -> assertThat(s.path("valid").asBoolean()).as("%s", s).isTrue());
    }
  }

  @Test
  void keysMadeByUs_workInOpenPgpJs() {
    List<PgpKey> ours = new ArrayList<>();
    List<ObjectNode> requests = new ArrayList<>();
    // Our v6 keys are protected by Argon2 over 64 MiB, three keys each: too slow to make here.
    for (KeyProfile profile : List.of(KeyProfile.RFC9580, KeyProfile.CURVE25519)) {
      Secret passphrase = Secret.of(profile == KeyProfile.RFC9580 ? "" : "our passphrase");
      PgpKey key = PgpKey.generate(profile, "Ours <ours@example.com>", passphrase);
      ours.add(key);
      requests.add(encryptTo(TEXT, key.certificate().armored()));
      byte[] mine =
          encrypt(
              PgpEncryptor.builder().recipient(key.certificate()).allowAead(true).build(), TEXT);
      requests.add(decryptWith(key.armored().reveal(), passphrase, mine));
    }
    List<Answer> answers = js.run(requests);
    for (int i = 0; i < ours.size(); i++) {
      PgpDecryptor dec = PgpDecryptor.builder().key(ours.get(i)).build();
      assertThat(decryptsToText(dec, answers.get(2 * i).ok().bytes("message"))).isNotNull();
      assertThat(answers.get(2 * i + 1).ok().bytes("data")).isEqualTo(TEXT);
    }
  }

  /**
   * OpenPGP.js reads the expiry our keys carry on their direct-key signature (v6 and v4 alike; see
   * KeyExpiryInteropTest for GnuPG and Sequoia, which read v4 keys only) and refuses to encrypt to
   * an expired key.
   */
  @Test
  void keysMadeByUs_expired_openPgpJsRefusesToEncryptToThem() {
    List<ObjectNode> requests = new ArrayList<>();
    for (KeyProfile profile : List.of(KeyProfile.RFC9580, KeyProfile.CURVE25519)) {
      for (Duration age : List.of(Duration.ofDays(6 * 366), Duration.ofDays(366))) {
        PgpCertificate cert = KeyExpiryInteropTest.madeAgo(profile, age).certificate();
        requests.add(encryptTo(TEXT, cert.armored()));
        requests.add(encryptTo(TEXT, cert.armored()).put("library", "v5"));
      }
    }
    List<Answer> answers = js.run(requests);
    // openpgp@5 reads no v6 keys at all
    assertThat(answers.get(1).error()).contains("No key packet");
    assertThat(answers.get(3).error()).contains("No key packet");
    assertThat(answers.get(0).error()).contains("Primary key is expired");
    answers.get(2).ok();
    assertThat(answers.get(4).error()).contains("Primary key is expired");
    assertThat(answers.get(5).error()).contains("Primary key is expired");
    answers.get(6).ok();
    answers.get(7).ok();
  }
}
