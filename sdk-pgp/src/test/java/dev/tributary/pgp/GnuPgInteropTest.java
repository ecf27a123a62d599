package dev.tributary.pgp;

import static dev.tributary.pgp.EncryptDecryptTest.TEXT;
import static dev.tributary.pgp.EncryptDecryptTest.decrypt;
import static dev.tributary.pgp.EncryptDecryptTest.encrypt;
import static dev.tributary.pgp.EncryptDecryptTest.readAll;
import static dev.tributary.pgp.EncryptDecryptTest.to;
import static dev.tributary.pgp.EncryptDecryptTest.with;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tributary.core.auth.Secret;
import dev.tributary.testing.PgpTestKeys;
import dev.tributary.testing.PgpTestKeys.TestKey;
import dev.tributary.testing.RequiresProgram;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/** Interoperability with the real GnuPG (2.2 on Debian): each side encrypts, the other decrypts. */
@RequiresProgram(value = "gpg", debianPackage = "gnupg")
class GnuPgInteropTest {
  static final List<TestKey> GPG_KEYS = List.of(PgpTestKeys.ALICE_RSA, PgpTestKeys.BOB_25519);
  static final List<String> GPG_COMPRESSION = List.of("none", "zip", "zlib", "bzip2");

  @RegisterExtension final Gpg gpg = Gpg.perTest();
  @TempDir Path dir;

  Gpg withSecretKey(TestKey key) {
    return gpg.importSecretKey(key);
  }

  byte[] gpgEncrypt(byte[] data, String compression, boolean armor, TestKey... recipients) {
    List<String> args = new ArrayList<>(List.of("--compress-algo", compression, "--encrypt"));
    if (armor) {
      args.add("--armor");
    }
    for (TestKey r : recipients) {
      gpg.importKey(r.armoredPublicKey());
      args.addAll(List.of("--recipient", r.fingerprint()));
    }
    return gpg.run(data, args.toArray(new String[0])).ok().out();
  }

  byte[] gpgDecrypt(byte[] message, TestKey key) {
    withSecretKey(key);
    return gpg.run(message, "--passphrase", key.passphrase(), "--decrypt").ok().out();
  }

  @ParameterizedTest(name = "{0}")
  @FieldSource("GPG_KEYS")
  void gpgEncrypts_weDecrypt_everyCompression_armoredAndBinary(TestKey key) {
    for (String compression : GPG_COMPRESSION) {
      for (boolean armor : new boolean[] {false, true}) {
        byte[] message = gpgEncrypt(TEXT, compression, armor, key);
        assertThat(decrypt(with(key), message))
            .as("%s armor=%s", compression, armor)
            .isEqualTo(TEXT);
      }
    }
  }

  /**
   * Megabytes of compressed data, read through many buffers: the check that nothing follows the
   * compressed stream in its packet counts what the decompressor left of its last buffer.
   */
  @Test
  void gpgEncrypts_severalMegabytes_weDecrypt_everyCompression() {
    byte[] data = new byte[3 << 20];
    java.util.Random random = new java.util.Random(7);
    for (int i = 0; i < data.length; i++) {
      data[i] = (byte) ('a' + random.nextInt(random.nextInt(26) + 1));
    }
    for (String compression : GPG_COMPRESSION) {
      byte[] message = gpgEncrypt(data, compression, false, PgpTestKeys.ALICE_RSA);
      assertThat(message.length).as(compression).isGreaterThan(1 << 16);
      assertThat(decrypt(with(PgpTestKeys.ALICE_RSA), message)).as(compression).isEqualTo(data);
    }
  }

  /**
   * Several MiB, uncompressed: more than one full ring of the encryption's read-ahead, MDC and
   * write-behind buffers (eight of 256 KiB each), and not a whole number of pieces.
   */
  @Test
  void weEncrypt_severalMegabytes_gpgDecrypts() {
    byte[] data = new byte[(5 << 20) + 12_345];
    new java.util.Random(13).nextBytes(data);
    byte[] message = encrypt(to(PgpTestKeys.ALICE_RSA).armor(false).build(), data);
    assertThat(gpgDecrypt(message, PgpTestKeys.ALICE_RSA)).isEqualTo(data);
  }

  @ParameterizedTest(name = "{0}")
  @FieldSource("GPG_KEYS")
  void weEncrypt_gpgDecrypts_everyCompression_armoredAndBinary(TestKey key) {
    for (Compression compression : Compression.values()) {
      for (boolean armor : new boolean[] {false, true}) {
        byte[] message = encrypt(to(key).compression(compression).armor(armor).build(), TEXT);
        assertThat(gpgDecrypt(message, key)).as("%s armor=%s", compression, armor).isEqualTo(TEXT);
      }
    }
  }

  /**
   * gpg prints the session key it used ({@code --show-session-key}, on stderr) and decrypts with
   * one given ({@code --override-session-key}), in the form {@link PgpSessionKey} reads and writes.
   */
  @Test
  void sessionKeys_handedOverBothWays() {
    byte[] theirs = gpgEncrypt(TEXT, "zip", false, PgpTestKeys.ALICE_RSA);
    withSecretKey(PgpTestKeys.ALICE_RSA);
    String shown = gpg.run(theirs, "--show-session-key", "--decrypt").ok().err();
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("session key: '([0-9]+:[0-9A-Fa-f]+)'").matcher(shown);
    assertThat(m.find()).as(shown).isTrue();
    PgpSessionKey gpgsKey = PgpSessionKey.parse(m.group(1));
    assertThat(decrypt(PgpDecryptor.builder().sessionKey(gpgsKey).build(), theirs)).isEqualTo(TEXT);
    assertThat(SessionKeyTest.sessionKeyOf(PgpTestKeys.ALICE_RSA, theirs)).isEqualTo(gpgsKey);

    // Bob's private key is not in gpg's keyring: only the session key can open the message there.
    byte[] ours = encrypt(to(PgpTestKeys.BOB_25519).build(), TEXT);
    String ourKey = SessionKeyTest.sessionKeyOf(PgpTestKeys.BOB_25519, ours).revealText();
    assertThat(gpg.run(ours, "--override-session-key", ourKey, "--decrypt").ok().out())
        .isEqualTo(TEXT);
  }

  @Test
  void severalRecipients_bothDirections() {
    byte[] ours = encrypt(to(PgpTestKeys.ALICE_RSA, PgpTestKeys.BOB_25519).build(), TEXT);
    assertThat(gpgDecrypt(ours, PgpTestKeys.BOB_25519)).isEqualTo(TEXT);
    byte[] theirs =
        gpgEncrypt(TEXT, "zip", false, PgpTestKeys.ALICE_RSA, PgpTestKeys.CAROL_SEQUOIA);
    assertThat(decrypt(with(PgpTestKeys.CAROL_SEQUOIA), theirs)).isEqualTo(TEXT);
    assertThat(decrypt(with(PgpTestKeys.ALICE_RSA), theirs)).isEqualTo(TEXT);
  }

  @Test
  void hiddenRecipient_isFoundByTryingEveryKey() {
    gpg.importKey(PgpTestKeys.ALICE_RSA.armoredPublicKey());
    byte[] message =
        gpg.run(
                TEXT,
                "--throw-keyids",
                "--encrypt",
                "--recipient",
                PgpTestKeys.ALICE_RSA.fingerprint())
            .ok()
            .out();
    PgpDecryptor keys =
        PgpDecryptor.builder()
            .key(PgpKey.of(PgpTestKeys.CAROL_SEQUOIA.privateKey()))
            .key(PgpKey.of(PgpTestKeys.ALICE_RSA.privateKey()))
            .build();
    assertThat(decrypt(keys, message)).isEqualTo(TEXT);
  }

  @Test
  void keyMadeByUs_worksInGpg() {
    PgpKey ours =
        PgpKey.generate(KeyProfile.CURVE25519, "Ours <ours@example.com>", Secret.of("pw"));
    gpg.importKey(ours.certificate().armored());
    gpg.run(
            ours.armored().reveal().getBytes(StandardCharsets.US_ASCII),
            "--passphrase",
            "pw",
            "--import")
        .ok();
    byte[] theirs = gpg.run(TEXT, "--encrypt", "--recipient", ours.fingerprint()).ok().out();
    assertThat(decrypt(PgpDecryptor.builder().key(ours).build(), theirs)).isEqualTo(TEXT);
    byte[] mine = encrypt(PgpEncryptor.builder().recipient(ours.certificate()).build(), TEXT);
    assertThat(gpg.run(mine, "--passphrase", "pw", "--decrypt").ok().out()).isEqualTo(TEXT);
  }

  /** secp256k1 was shown by its OID, "ECDSA 1.3.132.0.10"; capabilities in KeyCapability order. */
  @Test
  void secp256k1Key_isNamed_andItsCapabilitiesListInOrder() {
    gpg.generateKey("K1 <k1@example.com>", "secp256k1", "secp256k1", "never");
    String armored =
        new String(
            gpg.run(new byte[0], "--armor", "--export", "k1@example.com").ok().out(),
            StandardCharsets.US_ASCII);
    KeyDescription d = PgpCertificate.parse(armored).describe();
    assertThat(d.keys().get(0).algorithm()).isEqualTo("ECDSA secp256k1");
    assertThat(d.keys().get(1).algorithm()).isEqualTo("ECDH secp256k1");
    assertThat(d.keys().get(0).capabilities())
        .containsExactly(KeyCapability.CERTIFY, KeyCapability.SIGN);
    assertThat(d.keys().get(1).capabilities())
        .containsExactly(KeyCapability.ENCRYPT_COMMUNICATIONS, KeyCapability.ENCRYPT_STORAGE);
  }

  /** What the user guide says of {@code KeyGenerator.userId}: GnuPG 2.2 skips such a key. */
  @Test
  void keyWithoutAUserId_isSkippedByGpg() {
    PgpKey ours = PgpKey.generator(KeyProfile.CURVE25519).generate();
    Tool.Result imported =
        gpg.run(ours.certificate().armored().getBytes(StandardCharsets.US_ASCII), "--import");
    assertThat(imported.err()).contains("contains no user ID - skipped");
    assertThat(gpg.run(new byte[0], "--list-keys", ours.fingerprint()).code()).isNotZero();
  }

  /** gpg's message to Alice, signed by Bob, made with the {@code extra} options. */
  byte[] gpgSignAndEncrypt(String... extra) {
    withSecretKey(PgpTestKeys.BOB_25519).importKey(PgpTestKeys.ALICE_RSA.armoredPublicKey());
    List<String> args =
        new ArrayList<>(
            List.of(
                "--passphrase",
                PgpTestKeys.BOB_25519.passphrase(),
                "--local-user",
                PgpTestKeys.BOB_25519.fingerprint()));
    args.addAll(List.of(extra));
    args.addAll(List.of("--sign", "--encrypt", "--recipient", PgpTestKeys.ALICE_RSA.fingerprint()));
    return gpg.run(TEXT, args.toArray(String[]::new)).ok().out();
  }

  @Test
  void gpgSignsAndEncrypts_weVerify() {
    byte[] message = gpgSignAndEncrypt();
    PgpDecryptor dec = EncryptDecryptTest.requiringASignature(PgpTestKeys.BOB_25519);
    PgpDecryptor.DecryptionStream s = dec.open(new ByteArrayInputStream(message));
    assertThat(readAll(s)).isEqualTo(TEXT);
    assertThat(s.result().validSignature().orElseThrow().signerFingerprint())
        .isEqualTo(PgpTestKeys.BOB_25519.fingerprint());
  }

  // gpg writes the signature after the literal data, inside the compressed data if any; data
  // after the literal data is refused unless it is such a signature.
  @ParameterizedTest
  @FieldSource("GPG_COMPRESSION")
  void gpgSignsAndEncrypts_armored_everyCompression_weVerify(String compression) {
    byte[] message = gpgSignAndEncrypt("--compress-algo", compression, "--armor");
    byte[] withBlankLines = Arrays.copyOf(message, message.length + 2);
    withBlankLines[message.length] = '\n';
    withBlankLines[message.length + 1] = '\n';
    PgpDecryptor dec = EncryptDecryptTest.requiringASignature(PgpTestKeys.BOB_25519);
    PgpDecryptor.DecryptionStream s = dec.open(new ByteArrayInputStream(withBlankLines));
    assertThat(readAll(s)).isEqualTo(TEXT);
    assertThat(s.result().validSignature().orElseThrow().signerFingerprint())
        .isEqualTo(PgpTestKeys.BOB_25519.fingerprint());
  }

  // gpg writes a one-pass signature per signer and the signatures after the literal data in
  // reverse order, as RFC 9580 (section 10.3) nests them: pairing by position must accept that.
  @ParameterizedTest
  @FieldSource("GPG_COMPRESSION")
  void gpgSignsWithTwoKeys_weVerifyBoth(String compression) {
    TestKey alice = PgpTestKeys.ALICE_RSA;
    TestKey bob = PgpTestKeys.BOB_25519;
    withSecretKey(alice);
    withSecretKey(bob);
    byte[] message =
        gpg.run(
                TEXT,
                "--passphrase",
                bob.passphrase(),
                "--compress-algo",
                compression,
                "--local-user",
                alice.fingerprint(),
                "--local-user",
                bob.fingerprint(),
                "--sign",
                "--encrypt",
                "--recipient",
                alice.fingerprint())
            .ok()
            .out();
    PgpDecryptor.DecryptionStream s =
        SignaturePairingTest.verifyingAliceAndBob(SignaturePolicy.REQUIRED)
            .open(new ByteArrayInputStream(message));
    assertThat(readAll(s)).isEqualTo(TEXT);
    assertThat(s.result().signatures())
        .allSatisfy(v -> assertThat(v.valid()).as(v.problem()).isTrue())
        .extracting(SignatureVerification::signerFingerprint)
        .containsExactlyInAnyOrder(alice.fingerprint(), bob.fingerprint());
  }

  @Test
  void weSignAndEncrypt_gpgVerifies() {
    byte[] message =
        encrypt(
            to(PgpTestKeys.ALICE_RSA)
                .signWith(PgpKey.of(PgpTestKeys.BOB_25519.privateKey()))
                .build(),
            TEXT);
    withSecretKey(PgpTestKeys.ALICE_RSA).importKey(PgpTestKeys.BOB_25519.armoredPublicKey());
    Tool.Result r = gpg.run(message, "--status-fd", "2", "--decrypt").ok();
    assertThat(r.out()).isEqualTo(TEXT);
    assertThat(r.err()).contains("[GNUPG:] GOODSIG A567A3E61E79EDD5", "[GNUPG:] DECRYPTION_OKAY");
  }

  /**
   * A key whose self-signatures gpg made with SHA-1 (as GnuPG did before 2.1) was refused as "no
   * valid self-signature binds it to the certificate", which sends the user looking for a damaged
   * key rather than at the policy. An RSA key: for an Ed25519 key SHA-1 is too short whatever the
   * policy ({@link #ed25519CertificateBoundOnlyBySha1_isRefusedAsTooShort}).
   */
  @Test
  void certificateBoundOnlyBySha1_isRefusedSayingSo_andAcceptedWhenThePolicyAllowsSha1() {
    String uid = "Old <old@example.com>";
    gpgWithSha1("--quick-gen-key", uid, "rsa2048", "cert", "never");
    String fingerprint = gpg.fingerprint(uid);
    gpgWithSha1("--quick-add-key", fingerprint, "rsa2048", "encr", "never");
    PgpCertificate old =
        PgpCertificate.parse(gpg.run(new byte[0], "--armor", "--export", uid).ok().text());
    assertThatThrownBy(() -> PgpEncryptor.builder().recipient(old).build())
        .isInstanceOf(PgpKeyCannotEncryptException.class)
        .hasMessageContaining(
            "its self-signatures use SHA-1, which the policy refuses"
                + " (PgpPolicy.acceptSha1Signatures accepts them)")
        .message()
        .doesNotContain("no valid self-signature");
    PgpEncryptor lenient =
        PgpEncryptor.builder()
            .recipient(old)
            .policy(PgpPolicy.builder().acceptSha1Signatures(true).build())
            .build();
    byte[] message = encrypt(lenient, TEXT);
    assertThat(gpg.run(message, "--passphrase", "", "--decrypt").ok().out()).isEqualTo(TEXT);
  }

  /**
   * RFC 9580 (section 5.2.3.3) tells a verifier to reject an EdDSA signature whose hash is shorter
   * than 256 bits, so an Ed25519 key whose self-signatures gpg made with SHA-1 is bound by none,
   * and accepting SHA-1 does not change that; the error says so. GnuPG 2.2.40 accepts these (it
   * checks the hash length of (EC)DSA signatures only) and encrypts to the key.
   */
  @Test
  void ed25519CertificateBoundOnlyBySha1_isRefusedAsTooShort() {
    String uid = "Old <old@example.com>";
    gpgWithSha1("--quick-gen-key", uid, "future-default", "default", "never");
    PgpCertificate old =
        PgpCertificate.parse(gpg.run(new byte[0], "--armor", "--export", uid).ok().text());
    PgpPolicy sha1 = PgpPolicy.builder().acceptSha1Signatures(true).build();
    assertThatThrownBy(() -> PgpEncryptor.builder().recipient(old).policy(sha1).build())
        .isInstanceOf(PgpKeyCannotEncryptException.class)
        .hasMessageContaining(
            "its self-signatures use SHA1 (160 bits), too short for the EdDSA Ed25519 key")
        .hasMessageContaining("which needs a hash of at least 256 bits (RFC 9580, section 5.2.3)");
  }

  /** Runs gpg {@code command} without a passphrase, its self-signatures made with SHA-1. */
  private void gpgWithSha1(String... command) {
    List<String> args = new ArrayList<>(List.of("--passphrase", "", "--cert-digest-algo", "SHA1"));
    args.addAll(List.of(command));
    gpg.run(new byte[0], args.toArray(String[]::new)).ok();
  }

  /** A SHA-1 signature's problem named the hash by its number: "a weak hash algorithm (2)". */
  @Test
  void gpgsSha1Signature_isRefused_namingTheHashAndThePolicySetting() {
    withSecretKey(PgpTestKeys.ALICE_RSA);
    byte[] sha1 = gpg.run(TEXT, "--digest-algo", "SHA1", "--detach-sign").ok().out();
    List<PgpCertificate> alice = List.of(PgpCertificate.of(PgpTestKeys.ALICE_RSA.publicKey()));
    List<SignatureVerification> refused =
        PgpSignatures.verify(
            new ByteArrayInputStream(TEXT),
            new ByteArrayInputStream(sha1),
            alice,
            PgpPolicy.defaults());
    assertThat(refused).singleElement().matches(v -> !v.valid());
    assertThat(refused.get(0).failure())
        .contains(
            "the signature uses a weak hash algorithm (SHA1;"
                + " PgpPolicy.acceptSha1Signatures allows it)");
    List<SignatureVerification> accepted =
        PgpSignatures.verify(
            new ByteArrayInputStream(TEXT),
            new ByteArrayInputStream(sha1),
            alice,
            PgpPolicy.builder().acceptSha1Signatures(true).build());
    assertThat(accepted).singleElement().matches(SignatureVerification::valid);
  }

  /**
   * gpg --export-secret-subkeys leaves a stub of the primary key, Alice's signing key: signing was
   * "no valid signing key (none, or all expired or revoked)", though it is valid but not there.
   */
  @Test
  void signingWithAStubbedSigningKey_saysItsSecretIsNotHere() {
    withSecretKey(PgpTestKeys.ALICE_RSA);
    String subkeysOnly =
        new String(
            gpg.run(
                    new byte[0],
                    "--armor",
                    "--export-secret-subkeys",
                    PgpTestKeys.ALICE_RSA.fingerprint())
                .ok()
                .out(),
            StandardCharsets.US_ASCII);
    PgpKey stubbed = PgpKey.parse(subkeysOnly, Secret.empty());
    assertThat(stubbed.isProtected())
        .as("a stub protects nothing; Alice is not protected")
        .isFalse();
    assertThat(stubbed.describe().keys()).noneMatch(ComponentKey::isProtected);
    assertThatThrownBy(
            () ->
                PgpSignatures.sign(
                    new ByteArrayInputStream(TEXT),
                    new ByteArrayOutputStream(),
                    List.of(stubbed),
                    true))
        .isInstanceOf(PgpKeyCannotSignException.class)
        .hasMessage(
            "private key "
                + PgpTestKeys.ALICE_RSA.fingerprint()
                + " holds no secret part of its signing key "
                + PgpTestKeys.ALICE_RSA.fingerprint().substring(24)
                + " (a stub, as gpg --export-secret-subkeys leaves of a primary key); sign with"
                + " the full key or another one");
  }

  @Test
  void detachedSignatures_bothDirections() throws Exception {
    PgpKey bob = PgpKey.of(PgpTestKeys.BOB_25519.privateKey());
    ByteArrayOutputStream sig = new ByteArrayOutputStream();
    PgpSignatures.sign(new ByteArrayInputStream(TEXT), sig, List.of(bob), true);
    Path data = dir.resolve("data");
    Path sigFile = dir.resolve("data.asc");
    Files.write(data, TEXT);
    Files.write(sigFile, sig.toByteArray());
    gpg.importKey(PgpTestKeys.BOB_25519.armoredPublicKey());
    assertThat(
            gpg.run(
                    new byte[0],
                    "--status-fd",
                    "2",
                    "--verify",
                    sigFile.toString(),
                    data.toString())
                .ok()
                .err())
        .contains("[GNUPG:] GOODSIG A567A3E61E79EDD5");

    withSecretKey(PgpTestKeys.ALICE_RSA);
    byte[] theirs = gpg.run(TEXT, "--detach-sign").ok().out();
    List<SignatureVerification> v =
        PgpSignatures.verify(
            new ByteArrayInputStream(TEXT),
            new ByteArrayInputStream(theirs),
            List.of(PgpCertificate.of(PgpTestKeys.ALICE_RSA.publicKey())),
            PgpPolicy.defaults());
    assertThat(v).singleElement().matches(SignatureVerification::valid);
  }

  @Test
  void gpgMessage_tamperedOrTruncated_failsWithTheIntegrityError_andLeavesNoPlaintext()
      throws Exception {
    byte[] message = gpgEncrypt(TEXT, "none", false, PgpTestKeys.ALICE_RSA);
    byte[] tampered = message.clone();
    tampered[message.length - 100] ^= 0x08;
    byte[] truncated = Arrays.copyOf(message, message.length - 30);
    for (byte[] bad : List.of(tampered, truncated)) {
      Path in = dir.resolve("bad.gpg");
      Files.write(in, bad);
      assertThatThrownBy(() -> with(PgpTestKeys.ALICE_RSA).decryptFile(in, dir.resolve("out.csv")))
          .isInstanceOf(PgpIntegrityException.class);
      assertThat(dir.resolve("out.csv")).doesNotExist();
      try (var files = Files.list(dir)) {
        assertThat(files).hasSize(1);
      }
    }
  }

  @Test
  void gpgMessage_withoutMdc_isRefused_andLeavesNoPlaintext() throws Exception {
    gpg.importKey(PgpTestKeys.ALICE_RSA.armoredPublicKey());
    byte[] message =
        gpg.run(TEXT, "--rfc2440", "--encrypt", "--recipient", PgpTestKeys.ALICE_RSA.fingerprint())
            .ok()
            .out();
    Path in = Files.write(dir.resolve("nomdc.gpg"), message);
    assertThatThrownBy(() -> with(PgpTestKeys.ALICE_RSA).decryptFile(in, dir.resolve("out.csv")))
        .isInstanceOfSatisfying(
            PgpDataException.class,
            e -> assertThat(e.reason()).isEqualTo(PgpDataException.Reason.NO_INTEGRITY_PROTECTION));
    try (var files = Files.list(dir)) {
      assertThat(files).containsExactly(in);
    }
  }

  @Test
  void gpgMessage_forAnotherKey_namesItsKeyIds() {
    byte[] message = gpgEncrypt(TEXT, "zip", true, PgpTestKeys.BOB_25519);
    assertThatThrownBy(() -> decrypt(with(PgpTestKeys.ALICE_RSA), message))
        .isInstanceOf(PgpWrongKeyException.class)
        .hasMessageContaining(PgpTestKeys.BOB_25519.encryptionKeyId())
        .hasMessageContaining(PgpTestKeys.ALICE_RSA.fingerprint());
  }
}
