package dev.tributary.pgp;

import static dev.tributary.pgp.EncryptDecryptTest.TEXT;
import static dev.tributary.pgp.EncryptDecryptTest.decrypt;
import static dev.tributary.pgp.EncryptDecryptTest.readAll;
import static dev.tributary.pgp.EncryptDecryptTest.with;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tributary.testing.PgpTestKeys;
import dev.tributary.testing.PgpTestKeys.TestKey;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.assertj.core.api.AbstractThrowableAssert;
import org.bouncycastle.bcpg.AEADAlgorithmTags;
import org.bouncycastle.bcpg.ArmoredOutputStream;
import org.bouncycastle.bcpg.BCPGInputStream;
import org.bouncycastle.bcpg.MPInteger;
import org.bouncycastle.bcpg.OnePassSignaturePacket;
import org.bouncycastle.bcpg.PublicKeyAlgorithmTags;
import org.bouncycastle.bcpg.SignaturePacket;
import org.bouncycastle.bcpg.SymmetricKeyAlgorithmTags;
import org.bouncycastle.openpgp.PGPEncryptedDataGenerator;
import org.bouncycastle.openpgp.PGPLiteralData;
import org.bouncycastle.openpgp.PGPLiteralDataGenerator;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPSignature;
import org.bouncycastle.openpgp.PGPSignatureList;
import org.bouncycastle.openpgp.bc.BcPGPObjectFactory;
import org.bouncycastle.openpgp.operator.PGPDataEncryptorBuilder;
import org.bouncycastle.openpgp.operator.PGPKeyEncryptionMethodGenerator;
import org.bouncycastle.openpgp.operator.bc.BcPGPDataEncryptorBuilder;
import org.bouncycastle.openpgp.operator.bc.BcPublicKeyKeyEncryptionMethodGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Messages our encryptor never writes, made with BouncyCastle directly: no MDC, legacy ciphers,
 * GnuPG 2.4's OCB packet, a session key naming the null cipher, marker and padding packets; and
 * damaged signatures. Decryption and verification must refuse or accept each correctly.
 */
class CraftedMessagesTest {
  @TempDir Path dir;

  static byte[] craft(PGPDataEncryptorBuilder builder, byte[] prefix) throws Exception {
    return craft(
        builder, new BcPublicKeyKeyEncryptionMethodGenerator(aliceEncryptionKey()), prefix);
  }

  static byte[] craft(
      PGPDataEncryptorBuilder builder, PGPKeyEncryptionMethodGenerator method, byte[] prefix)
      throws Exception {
    return craft(builder, method, prefix, new byte[0], new byte[0]);
  }

  /**
   * {@code prefix}, then the encrypted message to Alice, then {@code suffix}; {@code inner} is
   * written inside the encryption, after the literal data packet.
   */
  static byte[] craft(
      PGPDataEncryptorBuilder builder,
      PGPKeyEncryptionMethodGenerator method,
      byte[] prefix,
      byte[] inner,
      byte[] suffix)
      throws Exception {
    return craft(builder, List.of(method), prefix, inner, suffix);
  }

  /** As above, with a session key packet per method, in order. */
  static byte[] craft(
      PGPDataEncryptorBuilder builder,
      List<PGPKeyEncryptionMethodGenerator> methods,
      byte[] prefix,
      byte[] inner,
      byte[] suffix)
      throws Exception {
    return craft(builder, methods, prefix, new byte[0], inner, suffix);
  }

  /** As above, with {@code before} written inside the encryption before the literal data. */
  static byte[] craft(
      PGPDataEncryptorBuilder builder,
      List<PGPKeyEncryptionMethodGenerator> methods,
      byte[] prefix,
      byte[] before,
      byte[] inner,
      byte[] suffix)
      throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(prefix);
    PGPEncryptedDataGenerator gen = new PGPEncryptedDataGenerator(builder);
    methods.forEach(gen::addMethod);
    try (OutputStream enc = gen.open(out, new byte[1 << 12])) {
      enc.write(before);
      try (OutputStream lit =
          new PGPLiteralDataGenerator()
              .open(enc, PGPLiteralData.BINARY, "", new Date(), new byte[1 << 12])) {
        lit.write(TEXT);
      }
      enc.write(inner);
    }
    out.write(suffix);
    return out.toByteArray();
  }

  static PGPPublicKey aliceEncryptionKey() {
    return encryptionKey(PgpTestKeys.ALICE_RSA);
  }

  static PGPPublicKey encryptionKey(TestKey testKey) {
    PGPPublicKey key = PgpCertificate.of(testKey.publicKey()).ring().getPublicKeys().next();
    PGPPublicKey sub = null;
    for (PGPPublicKey k : PgpCertificate.of(testKey.publicKey()).ring()) {
      sub = k.isEncryptionKey() && !k.isMasterKey() ? k : sub;
    }
    return sub != null ? sub : key;
  }

  /** An RFC 9580 padding packet (type 21, new format) holding {@code length} random octets. */
  static byte[] paddingPacket(int length) {
    byte[] packet = new byte[2 + length];
    packet[0] = (byte) (0xC0 | 21);
    packet[1] = (byte) length; // a one-octet length: below 192
    byte[] random = new byte[length];
    new Random(21).nextBytes(random);
    System.arraycopy(random, 0, packet, 2, length);
    return packet;
  }

  @Test
  void noMdc_isRefused_evenByTheLegacyPolicy() throws Exception {
    byte[] message =
        craft(
            new BcPGPDataEncryptorBuilder(SymmetricKeyAlgorithmTags.AES_256)
                .setWithIntegrityPacket(false),
            new byte[0]);
    PgpDecryptor legacy =
        PgpDecryptor.builder()
            .key(PgpKey.of(PgpTestKeys.ALICE_RSA.privateKey()))
            .policy(PgpPolicy.legacySenders())
            .build();
    assertThatThrownBy(() -> decrypt(legacy, message))
        .isInstanceOfSatisfying(
            PgpDataException.class,
            e -> assertThat(e.reason()).isEqualTo(PgpDataException.Reason.NO_INTEGRITY_PROTECTION))
        .hasMessageContaining("no integrity protection");
  }

  @Test
  void legacyCipher_isRefusedByDefault_andAcceptedForLegacySenders() throws Exception {
    byte[] message =
        craft(
            new BcPGPDataEncryptorBuilder(SymmetricKeyAlgorithmTags.CAST5)
                .setWithIntegrityPacket(true),
            new byte[0]);
    assertThatThrownBy(() -> decrypt(with(PgpTestKeys.ALICE_RSA), message))
        .isInstanceOfSatisfying(
            PgpDataException.class,
            e -> assertThat(e.reason()).isEqualTo(PgpDataException.Reason.WEAK_ALGORITHM))
        .hasMessageContaining("CAST5");
    PgpDecryptor legacy =
        PgpDecryptor.builder()
            .key(PgpKey.of(PgpTestKeys.ALICE_RSA.privateKey()))
            .policy(PgpPolicy.legacySenders())
            .build();
    assertThat(decrypt(legacy, message)).isEqualTo(TEXT);
  }

  @Test
  void camelliaAndTwofish_decryptThroughTheGenericPath() throws Exception {
    for (int alg :
        new int[] {SymmetricKeyAlgorithmTags.CAMELLIA_256, SymmetricKeyAlgorithmTags.TWOFISH}) {
      byte[] message =
          craft(new BcPGPDataEncryptorBuilder(alg).setWithIntegrityPacket(true), new byte[0]);
      assertThat(decrypt(with(PgpTestKeys.ALICE_RSA), message)).isEqualTo(TEXT);
    }
  }

  @Test
  void gnuPg24OcbFormat_isAccepted() throws Exception {
    byte[] message =
        craft(
            new BcPGPDataEncryptorBuilder(SymmetricKeyAlgorithmTags.AES_256)
                .setWithAEAD(AEADAlgorithmTags.OCB, 10)
                .setUseV5AEAD(),
            new byte[0]);
    assertThat(message[0] & 0x3f).as("a PKESK first").isEqualTo(1);
    PgpDecryptor.DecryptionStream s =
        with(PgpTestKeys.ALICE_RSA).open(new ByteArrayInputStream(message));
    assertThat(readAll(s)).isEqualTo(TEXT);
    assertThat(s.result().aead()).isTrue();
  }

  @Test
  void gnuPg24OcbFormat_tampered_failsWithTheIntegrityError() throws Exception {
    byte[] message =
        craft(
            new BcPGPDataEncryptorBuilder(SymmetricKeyAlgorithmTags.AES_256)
                .setWithAEAD(AEADAlgorithmTags.OCB, 10)
                .setUseV5AEAD(),
            new byte[0]);
    message[message.length - 40] ^= 1;
    assertThatThrownBy(() -> decrypt(with(PgpTestKeys.ALICE_RSA), message))
        .isInstanceOf(PgpIntegrityException.class);
  }

  @Test
  void leadingMarkerPacket_isSkipped() throws Exception {
    byte[] marker = {(byte) 0xCA, 0x03, 'P', 'G', 'P'};
    byte[] message =
        craft(
            new BcPGPDataEncryptorBuilder(SymmetricKeyAlgorithmTags.AES_128)
                .setWithIntegrityPacket(true),
            marker);
    assertThat(decrypt(with(PgpTestKeys.ALICE_RSA), message)).isEqualTo(TEXT);
  }

  /**
   * A session key packet to Alice whose decrypted session data is {@code algorithm}, the key and
   * its checksum. (BouncyCastle's own encoder writes no algorithm octet at all for ID 0, the v6
   * layout, which fails as a bad checksum before the algorithm is ever looked at.)
   */
  static PGPKeyEncryptionMethodGenerator sessionKeyNaming(int algorithm) {
    return new BcPublicKeyKeyEncryptionMethodGenerator(aliceEncryptionKey()) {
      @Override
      protected byte[] createSessionInfo(byte ignored, byte[] key) {
        byte[] info = new byte[key.length + 3];
        info[0] = (byte) algorithm;
        int check = 0;
        for (int i = 0; i < key.length; i++) {
          info[1 + i] = key[i];
          check += key[i] & 0xff;
        }
        info[key.length + 1] = (byte) (check >> 8);
        info[key.length + 2] = (byte) check;
        return info;
      }
    };
  }

  // Issue 5: "data without integrity protection or with a null cipher is refused".
  @Test
  void nullCipher_isRefusedBeforeAnyPlaintext_andDecryptFileLeavesNoFile() throws Exception {
    PGPDataEncryptorBuilder aes =
        new BcPGPDataEncryptorBuilder(SymmetricKeyAlgorithmTags.AES_128)
            .setWithIntegrityPacket(true);
    // The same crafting with the true algorithm decrypts: only the algorithm ID is wrong below.
    byte[] control = craft(aes, sessionKeyNaming(SymmetricKeyAlgorithmTags.AES_128), new byte[0]);
    assertThat(decrypt(with(PgpTestKeys.ALICE_RSA), control)).isEqualTo(TEXT);

    byte[] message = craft(aes, sessionKeyNaming(SymmetricKeyAlgorithmTags.NULL), new byte[0]);
    assertThatThrownBy(() -> with(PgpTestKeys.ALICE_RSA).open(new ByteArrayInputStream(message)))
        .isInstanceOfSatisfying(
            PgpDataException.class,
            e -> assertThat(e.reason()).isEqualTo(PgpDataException.Reason.NO_INTEGRITY_PROTECTION))
        .hasMessage("the message uses the null cipher (plaintext): refused");

    Path source = Files.write(dir.resolve("null-cipher.pgp"), message);
    Path target = dir.resolve("out.csv");
    assertThatThrownBy(() -> with(PgpTestKeys.ALICE_RSA).decryptFile(source, target))
        .isInstanceOf(PgpDataException.class)
        .hasMessageContaining("null cipher");
    try (var files = Files.list(dir)) {
      assertThat(files).containsExactly(source);
    }
  }

  // Issue 5: decryption "skips marker and padding packets".
  @Test
  void leadingPaddingPacket_isSkipped() throws Exception {
    byte[] message =
        craft(
            new BcPGPDataEncryptorBuilder(SymmetricKeyAlgorithmTags.AES_128)
                .setWithIntegrityPacket(true),
            paddingPacket(32));
    assertThat(message[0] & 0x3f).as("a padding packet first").isEqualTo(21);
    assertThat(decrypt(with(PgpTestKeys.ALICE_RSA), message)).isEqualTo(TEXT);
  }

  // RFC 9580, section 10.3: "Optionally Padded Message :- OpenPGP Message | OpenPGP Message,
  // Padding Packet", both for the whole message and for the content of the encrypted data.
  @Test
  void paddingPacket_afterTheEncryptedData_isSkipped() throws Exception {
    byte[] padding = paddingPacket(64);
    byte[] message =
        craft(
            new BcPGPDataEncryptorBuilder(SymmetricKeyAlgorithmTags.AES_128)
                .setWithIntegrityPacket(true),
            new BcPublicKeyKeyEncryptionMethodGenerator(aliceEncryptionKey()),
            new byte[0],
            new byte[0],
            padding);
    assertThat(Arrays.copyOfRange(message, message.length - padding.length, message.length))
        .isEqualTo(padding);
    assertThat(decrypt(with(PgpTestKeys.ALICE_RSA), message)).isEqualTo(TEXT);
  }

  @Test
  void paddingPacket_afterTheLiteralDataInsideTheEncryption_isSkipped() throws Exception {
    byte[] message =
        craft(
            new BcPGPDataEncryptorBuilder(SymmetricKeyAlgorithmTags.AES_256)
                .setWithIntegrityPacket(true),
            new BcPublicKeyKeyEncryptionMethodGenerator(aliceEncryptionKey()),
            new byte[0],
            paddingPacket(100),
            new byte[0]);
    PgpDecryptor.DecryptionStream s =
        with(PgpTestKeys.ALICE_RSA).open(new ByteArrayInputStream(message));
    assertThat(readAll(s)).isEqualTo(TEXT);
    assertThat(s.result().plaintextBytes()).isEqualTo(TEXT.length);
  }

  static final byte[] MARKER = {(byte) 0xCA, 0x03, 'P', 'G', 'P'};

  /** The tag of the packet whose header starts at {@code offset}, old or new format. */
  static int tagAt(byte[] message, int offset) {
    int header = message[offset] & 0xff;
    return (header & 0x40) != 0 ? header & 0x3f : (header & 0x3c) >> 2;
  }

  /** Where the packet starting at {@code offset} ends; a partial body length is not expected. */
  static int packetEnd(byte[] message, int offset) {
    ByteBuffer m = ByteBuffer.wrap(message);
    int header = message[offset] & 0xff;
    int first = message[offset + 1] & 0xff;
    if ((header & 0x40) != 0) {
      if (first < 192) {
        return offset + 2 + first;
      } else if (first < 224) {
        return offset + 3 + ((first - 192) << 8) + (message[offset + 2] & 0xff) + 192;
      } else if (first == 255) {
        return offset + 6 + m.getInt(offset + 2);
      }
    } else if ((header & 3) == 0) {
      return offset + 2 + first;
    } else if ((header & 3) == 1) {
      return offset + 3 + (m.getShort(offset + 1) & 0xffff);
    } else if ((header & 3) == 2) {
      return offset + 5 + m.getInt(offset + 1);
    }
    throw new IllegalArgumentException("a partial length at offset " + offset);
  }

  /** {@code message} with {@code insert} put after its first {@code packets} packets. */
  static byte[] insertAfter(byte[] message, int packets, byte[] insert) {
    int at = 0;
    for (int i = 0; i < packets; i++) {
      at = packetEnd(message, at);
    }
    return Packets.insertAt(message, at, insert);
  }

  static byte[] armored(byte[] binary) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ArmoredOutputStream armor = ArmoredOutputStream.builder().build(out)) {
      armor.write(binary);
    }
    return out.toByteArray();
  }

  // RFC 9580, section 5.8: a marker packet "MUST be ignored when received", wherever it stands
  // (section 10.3 allows it anywhere); BouncyCastle refused one after the session key packet.
  @Test
  void markerPacket_betweenSessionKeyAndEncryptedData_isSkipped_binaryAndArmored()
      throws Exception {
    byte[] plain =
        craft(
            new BcPGPDataEncryptorBuilder(SymmetricKeyAlgorithmTags.AES_256)
                .setWithIntegrityPacket(true),
            new byte[0]);
    byte[] message = insertAfter(plain, 1, MARKER);
    assertThat(tagAt(message, 0)).as("a PKESK first").isEqualTo(1);
    int marker = packetEnd(message, 0);
    assertThat(tagAt(message, marker)).as("then the marker").isEqualTo(10);
    assertThat(tagAt(message, marker + MARKER.length)).as("then the SEIPD").isEqualTo(18);

    assertThat(decrypt(with(PgpTestKeys.ALICE_RSA), message)).isEqualTo(TEXT);
    assertThat(decrypt(with(PgpTestKeys.ALICE_RSA), armored(message))).isEqualTo(TEXT);
  }

  @Test
  void markerPackets_betweenSessionKeys_andBeforeAeadData_areSkipped() throws Exception {
    List<PGPKeyEncryptionMethodGenerator> bobThenAlice =
        List.of(
            new BcPublicKeyKeyEncryptionMethodGenerator(encryptionKey(PgpTestKeys.BOB_25519)),
            new BcPublicKeyKeyEncryptionMethodGenerator(aliceEncryptionKey()));
    byte[] plain =
        craft(
            new BcPGPDataEncryptorBuilder(SymmetricKeyAlgorithmTags.AES_256)
                .setWithAEAD(AEADAlgorithmTags.OCB, 10)
                .setUseV5AEAD(),
            bobThenAlice,
            new byte[0],
            new byte[0],
            new byte[0]);
    byte[] message = insertAfter(insertAfter(plain, 2, MARKER), 1, MARKER);
    int second = packetEnd(message, packetEnd(message, 0));
    assertThat(tagAt(message, second)).as("Alice's PKESK after a marker").isEqualTo(1);
    int data = packetEnd(message, packetEnd(message, second));
    assertThat(tagAt(message, data)).as("the OCB packet after a marker").isEqualTo(20);

    PgpDecryptor.DecryptionStream s =
        with(PgpTestKeys.ALICE_RSA).open(new ByteArrayInputStream(message));
    assertThat(readAll(s)).isEqualTo(TEXT);
    assertThat(s.result().aead()).isTrue();
  }

  // RFC 9580, section 10.3 allows a padding packet only after a whole message, so one between the
  // session keys and the encrypted data is damage; it must be reported as such, in our words.
  @Test
  void paddingPacket_betweenSessionKeyAndEncryptedData_isRefusedAsMalformed() throws Exception {
    byte[] message =
        insertAfter(
            craft(
                new BcPGPDataEncryptorBuilder(SymmetricKeyAlgorithmTags.AES_128)
                    .setWithIntegrityPacket(true),
                new byte[0]),
            1,
            paddingPacket(16));
    assertThatThrownBy(() -> decrypt(with(PgpTestKeys.ALICE_RSA), message))
        .isInstanceOfSatisfying(
            PgpDataException.class,
            e -> assertThat(e.reason()).isEqualTo(PgpDataException.Reason.MALFORMED))
        .hasMessage(
            "the OpenPGP data is damaged: a padding packet (type 21) stands where the encrypted"
                + " data should follow the session key packets");
  }

  /** Damage BouncyCastle reports with its own class names and object hashes. */
  @Test
  void damagedMessages_areMalformed_andTheMessageNamesNoBouncyCastleClass() throws Exception {
    byte[] good =
        craft(
            new BcPGPDataEncryptorBuilder(SymmetricKeyAlgorithmTags.AES_128)
                .setWithIntegrityPacket(true),
            new byte[0]);
    int pkeskEnd = packetEnd(good, 0);
    byte[] userId = {(byte) 0xCD, 0x01, 'x'};
    String order =
        "the OpenPGP data is damaged: a packet (type %d) stands where the encrypted data should"
            + " follow the session key packets";
    Map<byte[], String> damaged =
        Map.of(
            insertAfter(good, 1, userId),
            order.formatted(13),
            insertAfter(good, 1, new byte[] {0x00}),
            order.formatted(0),
            Arrays.copyOf(good, pkeskEnd),
            "the OpenPGP data ends after the session key packets, before the encrypted data: it"
                + " is truncated",
            Arrays.copyOf(good, pkeskEnd - 10),
            "the OpenPGP data ends inside a packet: it is truncated",
            insertAfter(good, 1, new byte[] {(byte) 0xC1, 0x02, 0x03, 0x00}), // a PKESK cut short
            "the OpenPGP data is damaged: its packets cannot be read");
    damaged.forEach(
        (message, expected) ->
            assertThatThrownBy(() -> decrypt(with(PgpTestKeys.ALICE_RSA), message))
                .isInstanceOfSatisfying(
                    PgpDataException.class,
                    e -> assertThat(e.reason()).isEqualTo(PgpDataException.Reason.MALFORMED))
                .hasMessage(expected)
                .message()
                .doesNotContain("bouncycastle", "Packet")
                .doesNotContainPattern("@[0-9a-f]{4,}"));
  }

  @Test
  void damageInsideTheEncryptedData_isMalformed_andTheMessageNamesNoBouncyCastleClass()
      throws Exception {
    PGPDataEncryptorBuilder aes =
        new BcPGPDataEncryptorBuilder(SymmetricKeyAlgorithmTags.AES_128)
            .setWithIntegrityPacket(true);
    byte[] other = craft(aes, new byte[0]);
    byte[] sessionKey = Arrays.copyOf(other, packetEnd(other, 0));
    byte[] userId = {(byte) 0xCD, 0x01, 'x'};
    byte[] inner = new byte[sessionKey.length + userId.length];
    System.arraycopy(sessionKey, 0, inner, 0, sessionKey.length);
    System.arraycopy(userId, 0, inner, sessionKey.length, userId.length);
    // After the literal data, inside a valid MDC: a session key packet, then a user ID packet.
    byte[] message =
        craft(
            aes,
            new BcPublicKeyKeyEncryptionMethodGenerator(aliceEncryptionKey()),
            new byte[0],
            inner,
            new byte[0]);
    assertThatThrownBy(() -> decrypt(with(PgpTestKeys.ALICE_RSA), message))
        .isInstanceOfSatisfying(
            PgpDataException.class,
            e -> assertThat(e.reason()).isEqualTo(PgpDataException.Reason.MALFORMED))
        .hasMessage("the decrypted message is malformed: its packets cannot be read")
        .message()
        .doesNotContain("bouncycastle", "Packet")
        .doesNotContainPattern("@[0-9a-f]{4,}");
  }

  // A bad armor header is bad data, not a failed read to retry (it was a TransientException).
  @Test
  void damagedArmorHeader_isMalformed_notTransient() throws Exception {
    byte[] good =
        craft(
            new BcPGPDataEncryptorBuilder(SymmetricKeyAlgorithmTags.AES_128)
                .setWithIntegrityPacket(true),
            new byte[0]);
    String armor = new String(armored(good), StandardCharsets.US_ASCII);
    byte[] message =
        armor
            .replaceFirst("-----\n", "-----\nnot a header line\n")
            .getBytes(StandardCharsets.US_ASCII);
    assertThatThrownBy(() -> decrypt(with(PgpTestKeys.ALICE_RSA), message))
        .isInstanceOfSatisfying(
            PgpDataException.class,
            e -> assertThat(e.reason()).isEqualTo(PgpDataException.Reason.MALFORMED))
        .hasMessage(
            "line 2 of the armored message is neither an armor header (Name: value) nor the blank"
                + " line that ends the armor headers: the blank line after the header line is"
                + " missing, or the armor was changed");
  }

  static byte[] detachedSignature(TestKey signer) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PgpSignatures.sign(
        new ByteArrayInputStream(TEXT), out, List.of(PgpKey.of(signer.privateKey())), false);
    return out.toByteArray();
  }

  static List<SignatureVerification> verifyDetached(byte[] signature, TestKey signer) {
    return PgpSignatures.verify(
        new ByteArrayInputStream(TEXT),
        new ByteArrayInputStream(signature),
        List.of(PgpCertificate.of(signer.publicKey())),
        PgpPolicy.defaults());
  }

  static Stream<Arguments> damagedSignatures() throws Exception {
    byte[] rsa = detachedSignature(PgpTestKeys.ALICE_RSA);
    byte[] half = Arrays.copyOf(rsa, rsa.length / 2);
    byte[] garbage = "garbage".getBytes(StandardCharsets.US_ASCII);
    byte[] trailing = Arrays.copyOf(rsa, rsa.length + garbage.length);
    System.arraycopy(garbage, 0, trailing, rsa.length, garbage.length);
    // After the two-octet packet header: version, signature type, public-key algorithm.
    byte[] unknownAlgorithm = rsa.clone();
    assertThat(rsa[3]).as("a v4 signature after a two-octet length").isEqualTo((byte) 4);
    unknownAlgorithm[5] = (byte) 0xfe;
    // A v6 signature's four-octet hashed subpacket length claiming more than the packet holds:
    // BouncyCastle's message for it was "null".
    byte[] v6 = detachedSignature(PgpTestKeys.EVE_V6);
    assertThat(v6[2]).as("a v6 signature after a one-octet length").isEqualTo((byte) 6);
    v6[8] = (byte) 0xff;
    String truncated = "the signature ends inside a packet: it is truncated";
    String damaged = "the signature is damaged: its packets cannot be read";
    return Stream.of(
        Arguments.of("cut in half", half, truncated),
        Arguments.of("cut inside its hashed subpackets", Arrays.copyOf(rsa, 10), truncated),
        Arguments.of("armored, cut in half", armored(half), truncated),
        Arguments.of("a hashed subpacket length beyond the packet", v6, truncated),
        Arguments.of("followed by bytes that are no packet", trailing, damaged),
        Arguments.of("armored, followed by bytes that are no packet", armored(trailing), damaged),
        Arguments.of("a public-key algorithm that does not exist", unknownAlgorithm, damaged));
  }

  /** BouncyCastle's messages name its classes ("PartialInputStream") or are just "null". */
  @ParameterizedTest(name = "{0}")
  @MethodSource("damagedSignatures")
  void verify_damagedDetachedSignature_isMalformed_andTheMessageNamesNoBouncyCastleClass(
      String damage, byte[] signature, String expected) {
    assertThatThrownBy(() -> verifyDetached(signature, PgpTestKeys.ALICE_RSA))
        .isInstanceOfSatisfying(
            PgpDataException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(PgpDataException.Reason.MALFORMED);
              assertThat(e.getCause()).as("BouncyCastle's error").isInstanceOf(IOException.class);
            })
        .hasMessage(expected)
        .message()
        .doesNotContainIgnoringCase("bouncycastle")
        .doesNotContain("Stream", "Packet", "null")
        .doesNotContainPattern("@[0-9a-f]{4,}");
  }

  /**
   * Bob's (Ed25519, v4) detached signature with its first value, R, 33 octets long: it parses, but
   * BouncyCastle cannot encode it for checking and throws "Malformed Ed25519 signature encoding".
   */
  static PGPSignature overlongEd25519Signature() throws Exception {
    PGPSignature good =
        ((PGPSignatureList)
                new BcPGPObjectFactory(detachedSignature(PgpTestKeys.BOB_25519)).nextObject())
            .get(0);
    assertThat(good.getKeyAlgorithm()).isEqualTo(PublicKeyAlgorithmTags.EDDSA_LEGACY);
    SignaturePacket overlong =
        new SignaturePacket(
            good.getVersion(),
            good.getSignatureType(),
            good.getKeyID(),
            good.getKeyAlgorithm(),
            good.getHashAlgorithm(),
            good.getHashedSubPackets().toArray(),
            good.getUnhashedSubPackets().toArray(),
            good.getDigestPrefix(),
            new MPInteger[] {
              new MPInteger(BigInteger.ONE.shiftLeft(260)), new MPInteger(BigInteger.ONE)
            });
    return new PGPSignature(new BCPGInputStream(new ByteArrayInputStream(overlong.getEncoded())));
  }

  @Test
  void verify_detachedSignatureBouncyCastleCannotCheck_saysSoInOurWords() throws Exception {
    byte[] signature = overlongEd25519Signature().getEncoded();
    assertThat(verifyDetached(signature, PgpTestKeys.BOB_25519))
        .singleElement()
        .satisfies(
            v -> {
              assertThat(v.valid()).isFalse();
              assertThat(v.signerFingerprint()).isEqualTo(PgpTestKeys.BOB_25519.fingerprint());
              assertThat(v.failure()).hasValue("the signature cannot be checked");
            });
  }

  /** A message to Alice, one-pass signed by Bob with {@link #overlongEd25519Signature()}. */
  static byte[] signedWithAnUncheckableSignature() throws Exception {
    PGPSignature sig = overlongEd25519Signature();
    return craftAroundLiteralData(onePassFor(sig), sig.getEncoded());
  }

  /** The one-pass signature packet that announces {@code sig}. */
  static byte[] onePassFor(PGPSignature sig) throws IOException {
    return new OnePassSignaturePacket(
            sig.getSignatureType(),
            sig.getHashAlgorithm(),
            sig.getKeyAlgorithm(),
            sig.getKeyID(),
            false)
        .getEncoded();
  }

  @Test
  void decrypt_onePassSignatureBouncyCastleCannotCheck_saysSoInOurWords() throws Exception {
    byte[] message = signedWithAnUncheckableSignature();
    PgpDecryptor decryptor = EncryptDecryptTest.requiringASignature(PgpTestKeys.BOB_25519);
    assertThatThrownBy(() -> decrypt(decryptor, message))
        .isInstanceOfSatisfying(
            PgpDataException.class,
            e -> assertThat(e.reason()).isEqualTo(PgpDataException.Reason.BAD_SIGNATURE))
        .hasMessage(
            "the message has no valid signature by a verification certificate: the signature"
                + " cannot be checked")
        .message()
        .doesNotContainIgnoringCase("bouncycastle")
        .doesNotContain("Ed25519", "encoding");
  }

  // The stream returned -1 on the read after the signature policy failed: a caller that caught
  // the exception and read on saw a normal end.
  @Test
  void decrypt_failedSignaturePolicy_everyLaterReadThrowsAgain() throws Exception {
    byte[] message = signedWithAnUncheckableSignature();
    PgpDecryptor decryptor = EncryptDecryptTest.requiringASignature(PgpTestKeys.BOB_25519);
    PgpDecryptor.DecryptionStream s = decryptor.open(new ByteArrayInputStream(message));
    assertThatThrownBy(s::readAllBytes)
        .isInstanceOf(PgpDataException.class)
        .hasMessageStartingWith("the message has no valid signature");
    assertThatThrownBy(s::read)
        .isInstanceOf(PgpDataException.class)
        .hasMessageStartingWith("the message has no valid signature");
  }

  /**
   * A message to Alice (AES-128 with an MDC) with {@code before} and {@code inner} written inside
   * the encryption, before and after the literal data.
   */
  static byte[] craftAroundLiteralData(byte[] before, byte[] inner) throws Exception {
    return craft(
        new BcPGPDataEncryptorBuilder(SymmetricKeyAlgorithmTags.AES_128)
            .setWithIntegrityPacket(true),
        List.of(new BcPublicKeyKeyEncryptionMethodGenerator(aliceEncryptionKey())),
        new byte[0],
        before,
        inner,
        new byte[0]);
  }

  /**
   * Alice's decryption of {@code message} fails with a {@link PgpDataException} for {@code reason}.
   */
  static AbstractThrowableAssert<?, ? extends Throwable> assertAliceRefuses(
      byte[] message, PgpDataException.Reason reason) {
    return assertThatThrownBy(() -> decrypt(with(PgpTestKeys.ALICE_RSA), message))
        .isInstanceOfSatisfying(
            PgpDataException.class, e -> assertThat(e.reason()).isEqualTo(reason));
  }

  // BouncyCastle's class name was quoted: "(it starts with SignatureList)".
  @Test
  void decrypt_aSignatureInsteadOfAMessage_namesItInOurWords() {
    assertAliceRefuses(
            detachedSignature(PgpTestKeys.ALICE_RSA), PgpDataException.Reason.NOT_OPENPGP)
        .hasMessage("the OpenPGP data is not an encrypted message (it starts with a signature)");
  }

  // BouncyCastle's class name was quoted: "unexpected PGPPublicKeyRing in the message".
  @Test
  void decrypt_aKeyBeforeTheLiteralData_namesItInOurWords() throws Exception {
    byte[] key = PgpCertificate.of(PgpTestKeys.BOB_25519.publicKey()).encoded();
    assertAliceRefuses(craftAroundLiteralData(key, new byte[0]), PgpDataException.Reason.MALFORMED)
        .hasMessage(
            "the decrypted message is malformed: it holds a public key before its literal data")
        .message()
        .doesNotContain("PGP", "Ring");
  }

  static byte[] armoredSignature(TestKey signer) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PgpSignatures.sign(
        new ByteArrayInputStream(TEXT), out, List.of(PgpKey.of(signer.privateKey())), true);
    return out.toByteArray();
  }

  static Stream<Arguments> armoredSignaturesWithoutFooter() {
    return cutBeforeFooter(
        new String(armoredSignature(PgpTestKeys.ALICE_RSA), StandardCharsets.US_ASCII),
        "-----END PGP SIGNATURE-----",
        "-----END PGP MESSAGE-----");
  }

  /**
   * {@code armor} cut off before its {@code footer} line in the ways a copy loses it (with LF or
   * CRLF line ends, without the final newline, with blank lines after, without the checksum line
   * too), and once ended by {@code otherFooter} instead.
   */
  static Stream<Arguments> cutBeforeFooter(String armor, String footer, String otherFooter) {
    String cut = armor.substring(0, armor.indexOf(footer));
    List<String> lines = cut.lines().toList();
    assertThat(lines.get(lines.size() - 1)).as("the checksum line").startsWith("=");
    String withoutChecksum = String.join("\n", lines.subList(0, lines.size() - 1)) + "\n";
    return Stream.of(
        Arguments.of("the footer line missing", cut),
        Arguments.of("the footer line missing, no final newline", cut.stripTrailing()),
        Arguments.of("the footer line missing, CRLF", cut.replace("\n", "\r\n")),
        Arguments.of("the footer line missing, blank lines after", cut + "\n\n \n"),
        Arguments.of("the footer and checksum lines missing", withoutChecksum),
        Arguments.of("another kind of footer", cut + otherFooter + "\n"));
  }

  // Was accepted: BouncyCastle ends armored data at the end of the input as at the footer.
  @ParameterizedTest(name = "{0}")
  @MethodSource("armoredSignaturesWithoutFooter")
  void verify_armoredSignatureWithoutItsFooter_isMalformed(String damage, String signature) {
    assertThatThrownBy(
            () ->
                verifyDetached(
                    signature.getBytes(StandardCharsets.US_ASCII), PgpTestKeys.ALICE_RSA))
        .isInstanceOfSatisfying(
            PgpDataException.class,
            e -> assertThat(e.reason()).isEqualTo(PgpDataException.Reason.MALFORMED))
        .hasMessage(
            "the armor footer -----END PGP SIGNATURE----- is missing at the end: the signature was"
                + " cut off; use all of it, including the last line");
  }

  static Stream<Arguments> wholeSignatures() {
    byte[] armored = armoredSignature(PgpTestKeys.ALICE_RSA);
    String armor = new String(armored, StandardCharsets.US_ASCII);
    return Stream.of(
        Arguments.of("binary", detachedSignature(PgpTestKeys.ALICE_RSA)),
        Arguments.of("armored", armored),
        Arguments.of(
            "armored, CRLF", armor.replace("\n", "\r\n").getBytes(StandardCharsets.US_ASCII)),
        Arguments.of(
            "armored, trailing blank lines",
            (armor + "\n  \n\t\n").getBytes(StandardCharsets.US_ASCII)),
        Arguments.of(
            "armored, no final newline", armor.strip().getBytes(StandardCharsets.US_ASCII)),
        Arguments.of(
            "armored, leading blank lines", ("\n\n" + armor).getBytes(StandardCharsets.US_ASCII)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("wholeSignatures")
  void verify_wholeSignature_isValid(String form, byte[] signature) {
    assertThat(verifyDetached(signature, PgpTestKeys.ALICE_RSA))
        .singleElement()
        .matches(SignatureVerification::valid);
  }
}
