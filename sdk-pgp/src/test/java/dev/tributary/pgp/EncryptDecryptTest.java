package dev.tributary.pgp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tributary.core.auth.Secret;
import dev.tributary.testing.PgpTestKeys;
import dev.tributary.testing.PgpTestKeys.TestKey;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.FieldSource;

class EncryptDecryptTest {
  static final List<TestKey> KEYS = PgpTestKeys.ENCRYPTION_KEYS;
  static final byte[] TEXT =
      "id,email\n1,a@example.com\n2,b@example.com\n".repeat(2000).getBytes(StandardCharsets.UTF_8);

  @TempDir Path dir;

  static byte[] encrypt(PgpEncryptor encryptor, byte[] plaintext) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    encryptor.encrypt(new ByteArrayInputStream(plaintext), out);
    return out.toByteArray();
  }

  static byte[] decrypt(PgpDecryptor decryptor, byte[] ciphertext) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    decryptor.decrypt(new ByteArrayInputStream(ciphertext), out);
    return out.toByteArray();
  }

  static PgpEncryptor.Builder to(TestKey... keys) {
    PgpEncryptor.Builder b = PgpEncryptor.builder();
    for (TestKey k : keys) {
      b.recipient(PgpCertificate.of(k.publicKey()));
    }
    return b;
  }

  static PgpDecryptor with(TestKey key) {
    return PgpDecryptor.builder().key(PgpKey.of(key.privateKey())).build();
  }

  /** Alice's decryptor, requiring a valid signature by {@code signer}. */
  static PgpDecryptor requiringASignature(TestKey signer) {
    return PgpDecryptor.builder()
        .key(PgpKey.of(PgpTestKeys.ALICE_RSA.privateKey()))
        .verifyWith(PgpCertificate.of(signer.publicKey()))
        .signaturePolicy(SignaturePolicy.REQUIRED)
        .build();
  }

  @ParameterizedTest
  @FieldSource("KEYS")
  void roundTrip_everyKeyKind(TestKey key) {
    byte[] ciphertext = encrypt(to(key).build(), TEXT);
    assertThat(decrypt(with(key), ciphertext)).isEqualTo(TEXT);
  }

  @ParameterizedTest
  @EnumSource(Compression.class)
  void roundTrip_everyCompression_armoredAndBinary(Compression compression) {
    for (boolean armor : new boolean[] {false, true}) {
      PgpEncryptor enc =
          to(PgpTestKeys.ALICE_RSA)
              .compression(compression)
              .compressionLevel(9)
              .armor(armor)
              .build();
      byte[] ciphertext = encrypt(enc, TEXT);
      assertThat(
              new String(ciphertext, 0, 27, StandardCharsets.ISO_8859_1)
                  .startsWith("-----BEGIN PGP MESSAGE-----"))
          .isEqualTo(armor);
      if (compression != Compression.NONE) {
        assertThat(ciphertext.length).isLessThan(TEXT.length / 4);
      }
      assertThat(decrypt(with(PgpTestKeys.ALICE_RSA), ciphertext)).isEqualTo(TEXT);
    }
  }

  @Test
  void encrypt_alreadyCompressedData_isStoredUncompressed() {
    byte[] random = new byte[200_000];
    new Random(5).nextBytes(random);
    byte[] ciphertext = encrypt(to(PgpTestKeys.ALICE_RSA).build(), random);
    // Stored: the ciphertext is the data plus a little framing, and still decrypts.
    assertThat(ciphertext.length).isBetween(random.length, random.length + 2000);
    assertThat(decrypt(with(PgpTestKeys.ALICE_RSA), ciphertext)).isEqualTo(random);
  }

  @Test
  void severalRecipients_eachCanDecrypt() {
    byte[] ciphertext =
        encrypt(to(PgpTestKeys.ALICE_RSA, PgpTestKeys.BOB_25519, PgpTestKeys.EVE_V6).build(), TEXT);
    for (TestKey k : List.of(PgpTestKeys.ALICE_RSA, PgpTestKeys.BOB_25519, PgpTestKeys.EVE_V6)) {
      assertThat(decrypt(with(k), ciphertext)).isEqualTo(TEXT);
    }
  }

  @Test
  void aead_isUsedOnlyWhenAllowedAndEveryRecipientSupportsIt() {
    PgpDecryptor eve = with(PgpTestKeys.EVE_V6);
    byte[] v2 = encrypt(to(PgpTestKeys.EVE_V6).allowAead(true).build(), TEXT);
    PgpDecryptor.DecryptionStream s = eve.open(new ByteArrayInputStream(v2));
    assertThat(readAll(s)).isEqualTo(TEXT);
    assertThat(s.result().aead()).isTrue();

    byte[] mixed =
        encrypt(to(PgpTestKeys.EVE_V6, PgpTestKeys.ALICE_RSA).allowAead(true).build(), TEXT);
    PgpDecryptor.DecryptionStream m = eve.open(new ByteArrayInputStream(mixed));
    assertThat(readAll(m)).isEqualTo(TEXT);
    assertThat(m.result().aead()).isFalse();
  }

  @Test
  void seipdV2_isWrittenIn256KiBChunks_notBouncyCastlesSmallest() {
    byte[] random = new byte[1 << 20]; // incompressible, so not compressed
    new java.util.Random(1).nextBytes(random);
    byte[] v2 = encrypt(to(PgpTestKeys.EVE_V6).allowAead(true).build(), random);
    int body = Packets.encryptedDataBodyStart(v2);
    assertThat(v2[body]).as("SEIPD v2").isEqualTo((byte) 2);
    assertThat(v2[body + 3]).as("the chunk size octet: 2^(12 + 6) bytes").isEqualTo((byte) 12);
    // Four chunks and the final tag: 80 bytes of tags. In 64-byte chunks the message was 1.25 MiB.
    assertThat(v2.length).isLessThan(random.length + 2048);
    assertThat(decrypt(with(PgpTestKeys.EVE_V6), v2)).isEqualTo(random);
  }

  /**
   * A caller's bad arguments were reported as a damaged message (MALFORMED) and broke every later
   * read; reading after close() returned more plaintext, then "decryption was interrupted".
   */
  @Test
  void decryptionStream_badArgumentsAreTheCallers_andAClosedStreamSaysSo() throws Exception {
    byte[] message = encrypt(to(PgpTestKeys.ALICE_RSA).build(), TEXT);
    PgpDecryptor.DecryptionStream s =
        with(PgpTestKeys.ALICE_RSA).open(new ByteArrayInputStream(message));
    assertThatThrownBy(() -> s.read(new byte[4], 2, 5))
        .isInstanceOf(IndexOutOfBoundsException.class);
    assertThatThrownBy(() -> s.read(null, 0, 1)).isInstanceOf(NullPointerException.class);
    assertThat(readAll(s)).as("the decryption goes on unharmed").isEqualTo(TEXT);
    s.close();

    PgpDecryptor.DecryptionStream early =
        with(PgpTestKeys.ALICE_RSA).open(new ByteArrayInputStream(message));
    assertThat(early.read(new byte[10])).isEqualTo(10);
    early.close();
    assertThatThrownBy(() -> early.read(new byte[10]))
        .isInstanceOf(java.io.IOException.class)
        .hasMessage("the decryption stream is closed");
    assertThatThrownBy(early::read)
        .isInstanceOf(java.io.IOException.class)
        .hasMessage("the decryption stream is closed");
  }

  static byte[] readAll(java.io.InputStream in) {
    try {
      return in.readAllBytes();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void result_reportsNameTimeCipherAndKey() {
    Instant time = Instant.parse("2026-01-02T03:04:05Z");
    byte[] ciphertext =
        encrypt(
            to(PgpTestKeys.BOB_25519).fileName("export.csv").modificationTime(time).build(), TEXT);
    PgpDecryptor.DecryptionStream s =
        with(PgpTestKeys.BOB_25519).open(new ByteArrayInputStream(ciphertext));
    readAll(s);
    DecryptionResult r = s.result();
    assertThat(r.fileName()).isEqualTo("export.csv");
    assertThat(r.modificationTime()).isEqualTo(time);
    assertThat(r.symmetricAlgorithm()).isEqualTo(SymmetricAlgorithm.AES_256);
    assertThat(r.decryptionKeyFingerprint()).endsWith(PgpTestKeys.BOB_25519.encryptionKeyId());
    assertThat(r.plaintextBytes()).isEqualTo(TEXT.length);
  }

  @Test
  void signed_isVerifiedWithTheSignersCertificate() {
    PgpKey carol = PgpKey.of(PgpTestKeys.CAROL_SEQUOIA.privateKey());
    byte[] ciphertext = encrypt(to(PgpTestKeys.ALICE_RSA).signWith(carol).build(), TEXT);
    PgpDecryptor dec =
        PgpDecryptor.builder()
            .key(PgpKey.of(PgpTestKeys.ALICE_RSA.privateKey()))
            .verifyWith(carol.certificate())
            .signaturePolicy(SignaturePolicy.REQUIRED)
            .build();
    PgpDecryptor.DecryptionStream s = dec.open(new ByteArrayInputStream(ciphertext));
    assertThat(readAll(s)).isEqualTo(TEXT);
    assertThat(s.result().validSignature()).isPresent();
    assertThat(s.result().validSignature().get().signerFingerprint())
        .isEqualTo(PgpTestKeys.CAROL_SEQUOIA.fingerprint());
  }

  @Test
  void signed_withAV6Key_insideSeipdV2_andDetached_isVerified() throws Exception {
    PgpKey eve = PgpKey.of(PgpTestKeys.EVE_V6.privateKey());
    byte[] ciphertext = encrypt(to(PgpTestKeys.EVE_V6).allowAead(true).signWith(eve).build(), TEXT);
    PgpDecryptor dec =
        PgpDecryptor.builder()
            .key(eve)
            .verifyWith(eve.certificate())
            .signaturePolicy(SignaturePolicy.REQUIRED)
            .build();
    PgpDecryptor.DecryptionStream s = dec.open(new ByteArrayInputStream(ciphertext));
    assertThat(readAll(s)).isEqualTo(TEXT);
    assertThat(s.result().aead()).isTrue();
    assertThat(s.result().validSignature()).isPresent();

    ByteArrayOutputStream sig = new ByteArrayOutputStream();
    PgpSignatures.sign(new ByteArrayInputStream(TEXT), sig, List.of(eve), false);
    List<SignatureVerification> v =
        PgpSignatures.verify(
            new ByteArrayInputStream(TEXT),
            new ByteArrayInputStream(sig.toByteArray()),
            List.of(eve.certificate()),
            PgpPolicy.defaults());
    assertThat(v).singleElement().matches(SignatureVerification::valid);
    byte[] other = TEXT.clone();
    other[0] ^= 1;
    assertThat(
            PgpSignatures.verify(
                new ByteArrayInputStream(other),
                new ByteArrayInputStream(sig.toByteArray()),
                List.of(eve.certificate()),
                PgpPolicy.defaults()))
        .singleElement()
        .matches(r -> !r.valid() && r.failure().orElse("").contains("does not match"));
  }

  @Test
  void requiredSignature_missing_failsAfterTheIntegrityCheck() {
    byte[] ciphertext = encrypt(to(PgpTestKeys.ALICE_RSA).build(), TEXT);
    PgpDecryptor dec = requiringASignature(PgpTestKeys.CAROL_SEQUOIA);
    assertThatThrownBy(() -> decrypt(dec, ciphertext))
        .isInstanceOfSatisfying(
            PgpDataException.class,
            e -> assertThat(e.reason()).isEqualTo(PgpDataException.Reason.BAD_SIGNATURE))
        .hasMessageContaining("not signed");
  }

  @Test
  void decrypt_withWrongKey_namesBothKeyIds() {
    byte[] ciphertext = encrypt(to(PgpTestKeys.ALICE_RSA).build(), TEXT);
    assertThatThrownBy(() -> decrypt(with(PgpTestKeys.CAROL_SEQUOIA), ciphertext))
        .isInstanceOfSatisfying(
            PgpWrongKeyException.class,
            e -> {
              assertThat(e.recipientKeyIds())
                  .containsExactly(PgpTestKeys.ALICE_RSA.encryptionKeyId());
              assertThat(e.heldFingerprints())
                  .containsExactly(PgpTestKeys.CAROL_SEQUOIA.fingerprint());
            })
        .hasMessageContaining(PgpTestKeys.ALICE_RSA.encryptionKeyId())
        .hasMessageContaining(PgpTestKeys.CAROL_SEQUOIA.fingerprint());
  }

  @Test
  void decrypt_triesEveryHeldKey_forKeyRotation() {
    byte[] ciphertext = encrypt(to(PgpTestKeys.BOB_25519).build(), TEXT);
    PgpDecryptor dec =
        PgpDecryptor.builder()
            .key(PgpKey.of(PgpTestKeys.ALICE_RSA.privateKey()))
            .key(PgpKey.of(PgpTestKeys.BOB_25519.privateKey()))
            .build();
    assertThat(decrypt(dec, ciphertext)).isEqualTo(TEXT);
  }

  @Test
  void decrypt_withWrongPassphrase_namesTheKeyNotThePassphrase() {
    byte[] ciphertext = encrypt(to(PgpTestKeys.BOB_25519).build(), TEXT);
    PgpKey wrong = PgpKey.parse(PgpTestKeys.BOB_25519.armoredPrivateKey(), Secret.of("guess"));
    PgpDecryptor dec = PgpDecryptor.builder().key(wrong).build();
    assertThatThrownBy(() -> decrypt(dec, ciphertext))
        .isInstanceOf(PgpWrongPassphraseException.class)
        .hasMessage("wrong passphrase for private key " + PgpTestKeys.BOB_25519.fingerprint());
    assertThatThrownBy(wrong::checkPassphrase).isInstanceOf(PgpWrongPassphraseException.class);
  }

  @Test
  void decrypt_tampered_failsWithTheIntegrityError() {
    byte[] ciphertext =
        encrypt(to(PgpTestKeys.ALICE_RSA).compression(Compression.NONE).build(), TEXT);
    for (int position : new int[] {ciphertext.length / 2, ciphertext.length - 5, 700}) {
      byte[] tampered = ciphertext.clone();
      tampered[position] ^= 0x01;
      assertThatThrownBy(() -> decrypt(with(PgpTestKeys.ALICE_RSA), tampered))
          .as("flipped bit at %d", position)
          .isInstanceOf(PgpIntegrityException.class)
          .hasMessage(PgpIntegrityException.MESSAGE);
    }
  }

  @Test
  void decrypt_truncated_failsWithTheSameIntegrityError() {
    byte[] ciphertext = encrypt(to(PgpTestKeys.ALICE_RSA).build(), TEXT);
    for (int cut : new int[] {1, 10, 21, 22, 23, 500}) {
      byte[] truncated = Arrays.copyOf(ciphertext, ciphertext.length - cut);
      assertThatThrownBy(() -> decrypt(with(PgpTestKeys.ALICE_RSA), truncated))
          .as("cut %d bytes", cut)
          .isInstanceOf(PgpIntegrityException.class)
          .hasMessage(PgpIntegrityException.MESSAGE);
    }
  }

  /**
   * Cut inside the octets that open the encrypted data packet (v1: its version; v2: version,
   * cipher, AEAD mode, chunk size and salt), which BouncyCastle reads with the packet header: this
   * was "the OpenPGP data ends inside a packet: it is truncated" (MALFORMED), where a message cut
   * one octet later fails the integrity check. Found by DamagedInputFuzzTest ("SEIPD v2 to eve-v6,
   * NONE, unsigned, 25 bytes, binary", seed 8397860418891357566, truncate at 147 of 214).
   */
  @Test
  void decrypt_cutInsideTheEncryptedDataHeader_failsWithTheSameIntegrityError() {
    byte[] v1 = encrypt(to(PgpTestKeys.EVE_V6).build(), TEXT);
    byte[] v2 = encrypt(to(PgpTestKeys.EVE_V6).allowAead(true).build(), TEXT);
    for (byte[] ciphertext : new byte[][] {v1, v2}) {
      int body = Packets.encryptedDataBodyStart(ciphertext);
      int version = ciphertext[body];
      for (int cut : version == 1 ? new int[] {0, 1} : new int[] {0, 1, 3, 4, 20, 35, 36}) {
        byte[] truncated = Arrays.copyOf(ciphertext, body + cut);
        assertThatThrownBy(() -> decrypt(with(PgpTestKeys.EVE_V6), truncated))
            .as("SEIPD v%d cut %d octets into the packet", version, cut)
            .isInstanceOf(PgpIntegrityException.class)
            .hasMessage(PgpIntegrityException.MESSAGE);
      }
    }
  }

  /** A missing file was told by its path alone: "cannot decrypt msg/nope.pgp: msg/nope.pgp". */
  @Test
  void fileCalls_aMissingSourceOrFolder_sayNoSuchFile() throws Exception {
    Path missing = dir.resolve("nope.pgp");
    assertThatThrownBy(() -> with(PgpTestKeys.ALICE_RSA).decryptFile(missing, dir.resolve("out")))
        .hasMessage("cannot decrypt " + missing + ": no such file or folder: " + missing);
    Path plain = Files.write(dir.resolve("plain"), TEXT);
    Path inNoFolder = dir.resolve("no-such-folder").resolve("plain.pgp");
    assertThatThrownBy(() -> to(PgpTestKeys.ALICE_RSA).build().encryptFile(plain, inNoFolder))
        .hasMessage("cannot encrypt " + plain + ": no such folder: " + inNoFolder.getParent());
  }

  @Test
  void decrypt_sourceFailsMidway_isATransientError_notDamagedData() {
    byte[] big = new byte[2 << 20];
    new Random(3).nextBytes(big);
    byte[] ciphertext = encrypt(to(PgpTestKeys.ALICE_RSA).build(), big);
    for (int failAt : new int[] {100, ciphertext.length / 2}) {
      java.io.InputStream dropping = droppingAfter(ciphertext, failAt);
      assertThatThrownBy(
              () -> with(PgpTestKeys.ALICE_RSA).decrypt(dropping, OutputStream.nullOutputStream()))
          .as("failing at %d", failAt)
          .isInstanceOf(dev.tributary.core.TransientException.class)
          .hasMessageContaining("connection reset");
    }
  }

  // The output fails (a full disk, a closed pipe) once 1 MiB has been written, or at the first
  // byte:
  // that is a failed write to retry, with the stream's own message, whichever thread saw it first.
  @Test
  void decrypt_outputFailsMidway_isATransientError_withTheWritersMessage() {
    byte[] big = new byte[4 << 20];
    new Random(4).nextBytes(big);
    byte[] ciphertext = encrypt(to(PgpTestKeys.ALICE_RSA).build(), big);
    for (int failAt : new int[] {0, 1 << 20}) {
      assertThatThrownBy(
              () ->
                  with(PgpTestKeys.ALICE_RSA)
                      .decrypt(new ByteArrayInputStream(ciphertext), failingAfter(failAt)))
          .as("failing at %d", failAt)
          .isInstanceOf(dev.tributary.core.TransientException.class)
          .hasMessage("cannot decrypt: No space left on device")
          .hasRootCauseMessage("No space left on device");
    }
  }

  /**
   * Plaintext sizes around the encryption pipeline's boundaries: nothing, one byte, the 64 KiB
   * sample that decides on compression, the 256 KiB pieces and buffers, four buffers (1 MiB, what a
   * parked helper thread is woken for) and eight (2 MiB, a full ring), and beyond.
   */
  static final int[] PIPELINE_SIZES = {
    0, 1, 15, 16, 17, 65_535, 65_536, 65_537, 262_143, 262_144, 262_145, 1_048_575, 1_048_576,
    1_048_577, 2_097_151, 2_097_152, 2_097_153, 3_149_827, 5_242_880
  };

  @Test
  void roundTrip_sizesAroundThePipelinesBuffers_readInOddPieces() {
    byte[] all = new byte[5 << 20];
    new Random(11).nextBytes(all);
    PgpEncryptor enc = to(PgpTestKeys.ALICE_RSA).armor(false).build();
    PgpDecryptor dec = with(PgpTestKeys.ALICE_RSA);
    for (int size : PIPELINE_SIZES) {
      byte[] plaintext = Arrays.copyOf(all, size);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      enc.encrypt(inPiecesOf(plaintext, 7_777), out);
      assertThat(decrypt(dec, out.toByteArray())).as("%d bytes", size).isEqualTo(plaintext);
    }
  }

  /** {@code bytes}, read at most {@code most} at a time. */
  static java.io.InputStream inPiecesOf(byte[] bytes, int most) {
    return new java.io.FilterInputStream(new ByteArrayInputStream(bytes)) {
      @Override
      public int read(byte[] b, int off, int len) throws java.io.IOException {
        return super.read(b, off, Math.min(len, most));
      }
    };
  }

  @Test
  void encrypt_outputFailsMidway_isATransientError_withTheWritersMessage() {
    byte[] big = new byte[4 << 20];
    new Random(5).nextBytes(big);
    for (int failAt : new int[] {0, 1 << 20}) {
      assertThatThrownBy(
              () ->
                  to(PgpTestKeys.ALICE_RSA)
                      .build()
                      .encrypt(new ByteArrayInputStream(big), failingAfter(failAt)))
          .as("failing at %d", failAt)
          .isInstanceOf(dev.tributary.core.TransientException.class)
          .hasMessage("encryption failed: No space left on device")
          .hasRootCauseMessage("No space left on device");
    }
  }

  /** An output whose writes fail with "No space left on device" after {@code failAt} bytes. */
  static OutputStream failingAfter(int failAt) {
    return new OutputStream() {
      int written;

      @Override
      public void write(int b) throws java.io.IOException {
        write(new byte[] {(byte) b}, 0, 1);
      }

      @Override
      public void write(byte[] b, int off, int len) throws java.io.IOException {
        if (written + len > failAt) {
          throw new java.io.IOException("No space left on device");
        }
        written += len;
      }
    };
  }

  /** {@code bytes}, whose reading fails with "connection reset" after {@code failAt} of them. */
  static java.io.InputStream droppingAfter(byte[] bytes, int failAt) {
    return new java.io.FilterInputStream(new ByteArrayInputStream(bytes)) {
      int read;

      @Override
      public int read(byte[] b, int off, int len) throws java.io.IOException {
        if (read >= failAt) {
          throw new java.io.IOException("connection reset");
        }
        int n = super.read(b, off, Math.min(len, failAt - read));
        read += Math.max(n, 0);
        return n;
      }
    };
  }

  @Test
  void verify_signatureStreamFailsMidway_isATransientError_notADamagedSignature() {
    PgpKey alice = PgpKey.of(PgpTestKeys.ALICE_RSA.privateKey());
    ByteArrayOutputStream sig = new ByteArrayOutputStream();
    PgpSignatures.sign(new ByteArrayInputStream(TEXT), sig, List.of(alice), false);
    assertThatThrownBy(
            () ->
                PgpSignatures.verify(
                    new ByteArrayInputStream(TEXT),
                    droppingAfter(sig.toByteArray(), 100),
                    List.of(alice.certificate()),
                    PgpPolicy.defaults()))
        .isInstanceOf(dev.tributary.core.TransientException.class)
        .hasMessage("reading the signature failed: connection reset")
        .hasRootCauseMessage("connection reset");
  }

  // The caller's own stream's message is kept: it is theirs, not BouncyCastle's.
  @Test
  void sign_dataStreamFails_isATransientError_namingTheData() {
    PgpKey alice = PgpKey.of(PgpTestKeys.ALICE_RSA.privateKey());
    assertThatThrownBy(
            () ->
                PgpSignatures.sign(
                    droppingAfter(TEXT, 100), new ByteArrayOutputStream(), List.of(alice), false))
        .isInstanceOf(dev.tributary.core.TransientException.class)
        .hasMessage("cannot sign: reading the data failed: connection reset")
        .hasRootCauseMessage("connection reset");
  }

  @Test
  void sign_signatureStreamFails_isATransientError_namingTheSignature() {
    PgpKey alice = PgpKey.of(PgpTestKeys.ALICE_RSA.privateKey());
    OutputStream full =
        new OutputStream() {
          @Override
          public void write(int b) throws java.io.IOException {
            throw new java.io.IOException("disk full");
          }
        };
    for (boolean armor : new boolean[] {false, true}) {
      assertThatThrownBy(
              () -> PgpSignatures.sign(new ByteArrayInputStream(TEXT), full, List.of(alice), armor))
          .as("armor %s", armor)
          .isInstanceOf(dev.tributary.core.TransientException.class)
          .hasMessage("cannot sign: writing the signature failed: disk full")
          .hasRootCauseMessage("disk full");
    }
  }

  @Test
  void decryptFile_tampered_leavesNoPlaintextBehind() throws Exception {
    Path source = dir.resolve("in.csv");
    Files.write(source, TEXT);
    Path encrypted = dir.resolve("in.csv.pgp");
    to(PgpTestKeys.ALICE_RSA).build().encryptFile(source, encrypted);
    byte[] bytes = Files.readAllBytes(encrypted);
    bytes[bytes.length - 3] ^= 0x40;
    Files.write(encrypted, bytes);
    Path target = dir.resolve("out.csv");
    assertThatThrownBy(() -> with(PgpTestKeys.ALICE_RSA).decryptFile(encrypted, target))
        .isInstanceOf(PgpIntegrityException.class);
    try (var files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder("in.csv", "in.csv.pgp");
    }
  }

  @Test
  void decryptFile_writesTheTargetWhenIntact() throws Exception {
    Path source = dir.resolve("in.csv");
    Files.write(source, TEXT);
    Path encrypted = dir.resolve("in.csv.asc");
    to(PgpTestKeys.DAVE_SEQUOIA).armor(true).build().encryptFile(source, encrypted);
    DecryptionResult r =
        with(PgpTestKeys.DAVE_SEQUOIA).decryptFile(encrypted, dir.resolve("out.csv"));
    assertThat(Files.readAllBytes(dir.resolve("out.csv"))).isEqualTo(TEXT);
    assertThat(r.fileName()).isEqualTo("in.csv");
  }

  @Test
  void decrypt_compressionBomb_stopsAtThePolicyLimit() {
    byte[] zeros = new byte[4 << 20];
    byte[] ciphertext = encrypt(to(PgpTestKeys.ALICE_RSA).compressionLevel(9).build(), zeros);
    assertThat(ciphertext.length).isLessThan(64 * 1024);
    PgpDecryptor dec =
        PgpDecryptor.builder()
            .key(PgpKey.of(PgpTestKeys.ALICE_RSA.privateKey()))
            .policy(PgpPolicy.builder().maxDecompressedBytes(1 << 20).build())
            .build();
    assertThatThrownBy(() -> decrypt(dec, ciphertext))
        .isInstanceOfSatisfying(
            PgpDataException.class,
            e -> assertThat(e.reason()).isEqualTo(PgpDataException.Reason.TOO_LARGE));
  }

  @Test
  void decrypt_notOpenPgp_saysSo() {
    assertThatThrownBy(() -> decrypt(with(PgpTestKeys.ALICE_RSA), TEXT))
        .isInstanceOfSatisfying(
            PgpDataException.class,
            e -> assertThat(e.reason()).isEqualTo(PgpDataException.Reason.NOT_OPENPGP))
        .hasMessageContaining("not OpenPGP data");
  }

  @Test
  void streaming_largeInput_roundTripsThroughStreams() throws Exception {
    byte[] big = new byte[9 << 20];
    new Random(1).nextBytes(big);
    ByteArrayOutputStream ciphertext = new ByteArrayOutputStream();
    try (OutputStream out = to(PgpTestKeys.ALICE_RSA).build().encrypt(ciphertext)) {
      for (int i = 0; i < big.length; i += 1000) {
        out.write(big, i, Math.min(1000, big.length - i));
      }
    }
    assertThat(decrypt(with(PgpTestKeys.ALICE_RSA), ciphertext.toByteArray())).isEqualTo(big);
  }
}
