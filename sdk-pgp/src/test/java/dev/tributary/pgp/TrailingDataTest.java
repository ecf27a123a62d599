package dev.tributary.pgp;

import static dev.tributary.pgp.CraftedMessagesTest.MARKER;
import static dev.tributary.pgp.CraftedMessagesTest.aliceEncryptionKey;
import static dev.tributary.pgp.CraftedMessagesTest.armored;
import static dev.tributary.pgp.CraftedMessagesTest.assertAliceRefuses;
import static dev.tributary.pgp.CraftedMessagesTest.craft;
import static dev.tributary.pgp.CraftedMessagesTest.craftAroundLiteralData;
import static dev.tributary.pgp.CraftedMessagesTest.paddingPacket;
import static dev.tributary.pgp.EncryptDecryptTest.TEXT;
import static dev.tributary.pgp.EncryptDecryptTest.decrypt;
import static dev.tributary.pgp.EncryptDecryptTest.encrypt;
import static dev.tributary.pgp.EncryptDecryptTest.to;
import static dev.tributary.pgp.EncryptDecryptTest.with;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tributary.testing.PgpTestKeys;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Date;
import java.util.List;
import java.util.stream.Stream;
import org.assertj.core.api.AbstractStringAssert;
import org.bouncycastle.bcpg.CompressionAlgorithmTags;
import org.bouncycastle.bcpg.SymmetricKeyAlgorithmTags;
import org.bouncycastle.openpgp.PGPCompressedData;
import org.bouncycastle.openpgp.PGPCompressedDataGenerator;
import org.bouncycastle.openpgp.PGPEncryptedDataGenerator;
import org.bouncycastle.openpgp.PGPLiteralData;
import org.bouncycastle.openpgp.PGPLiteralDataGenerator;
import org.bouncycastle.openpgp.bc.BcPGPObjectFactory;
import org.bouncycastle.openpgp.operator.bc.BcPGPDataEncryptorBuilder;
import org.bouncycastle.openpgp.operator.bc.BcPublicKeyKeyEncryptionMethodGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Data after a message, or after the literal data inside it, is refused, except what RFC 9580
 * allows there: the signatures of a one-pass signed message, marker and padding packets, and blank
 * lines after an armored message's footer. Such data was ignored, so a message could carry anything
 * unread after its end.
 */
class TrailingDataTest {
  static final byte[] USER_ID = {(byte) 0xCD, 0x01, 'x'};

  @TempDir Path dir;

  static byte[] message() throws Exception {
    return withSuffix(new byte[0]);
  }

  /** A message to Alice (AES-128, MDC) followed by {@code suffix}. */
  static byte[] withSuffix(byte[] suffix) throws Exception {
    return craft(
        new BcPGPDataEncryptorBuilder(SymmetricKeyAlgorithmTags.AES_128)
            .setWithIntegrityPacket(true),
        new BcPublicKeyKeyEncryptionMethodGenerator(aliceEncryptionKey()),
        new byte[0],
        new byte[0],
        suffix);
  }

  static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] p : parts) {
      out.writeBytes(p);
    }
    return out.toByteArray();
  }

  static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }

  static Stream<Arguments> trailingData() throws Exception {
    String continues = "the message continues after its encrypted data: ";
    String afterFooter =
        "the message continues after its armor footer -----END PGP MESSAGE-----: only blank"
            + " lines may follow it";
    String armor = new String(armored(message()), StandardCharsets.US_ASCII);
    return Stream.of(
        Arguments.of(
            "a user ID packet", withSuffix(USER_ID), continues + "a packet (type 13) follows it"),
        Arguments.of(
            "a second message", withSuffix(message()), continues + "a packet (type 1) follows it"),
        Arguments.of(
            "a user ID packet after padding and a marker",
            withSuffix(concat(paddingPacket(16), MARKER, USER_ID)),
            continues + "a packet (type 13) follows it"),
        Arguments.of(
            "text",
            withSuffix(ascii("garbage")),
            continues + "bytes that are not an OpenPGP packet follow it"),
        Arguments.of(
            "a zero byte",
            withSuffix(new byte[1]),
            continues + "bytes that are not an OpenPGP packet follow it"),
        Arguments.of(
            "a newline after binary data",
            withSuffix(ascii("\n")),
            continues + "bytes that are not an OpenPGP packet follow it"),
        Arguments.of(
            "a padding packet cut short",
            withSuffix(java.util.Arrays.copyOf(paddingPacket(16), 10)),
            "what follows the encrypted data ends inside a packet: it is truncated"),
        Arguments.of(
            "a marker packet cut short",
            withSuffix(new byte[] {(byte) 0xCA, 0x03, 'P', 'G'}),
            "what follows the encrypted data ends inside a packet: it is truncated"),
        Arguments.of(
            "a marker packet whose length runs past the end",
            withSuffix(new byte[] {(byte) 0xA8, 0x40, 'P', 'G', 'P', 1, 2, 3}),
            notAMarker("of 64 octets")),
        Arguments.of(
            "a marker packet that holds more than PGP",
            withSuffix(concat(new byte[] {(byte) 0xCA, 0x0A, 'P', 'G', 'P'}, ascii("garbage"))),
            notAMarker("of 10 octets")),
        Arguments.of(
            "a marker packet that holds other octets",
            withSuffix(new byte[] {(byte) 0xA8, 0x03, 'X', 'Y', 'Z'}),
            notAMarker("with other octets than \"PGP\"")),
        Arguments.of(
            "a marker packet of indeterminate length, then more",
            withSuffix(concat(new byte[] {(byte) 0xAB, 'P', 'G', 'P'}, USER_ID)),
            notAMarker("of indeterminate length that runs on after \"PGP\"")),
        Arguments.of(
            "armored, then a user ID packet inside the armor",
            armored(withSuffix(USER_ID)),
            continues + "a packet (type 13) follows it"),
        Arguments.of("armored, then text", ascii(armor + "garbage\n"), afterFooter),
        Arguments.of("armored, then a second armored message", ascii(armor + armor), afterFooter));
  }

  static String notAMarker(String what) {
    return "the OpenPGP data is damaged: a marker packet (type 10) "
        + what
        + ", where RFC 9580 gives a marker packet exactly the three octets \"PGP\"";
  }

  /**
   * BouncyCastle reads three octets of a marker packet and leaves the rest unread: a "marker" whose
   * length is longer swallowed what followed it, before the message too.
   */
  @Test
  void markerPacketsThatAreNotMarkers_beforeTheMessage_areMalformed() throws Exception {
    assertMalformedInOurWords(
        concat(new byte[] {(byte) 0xA8, 0x08, 'P', 'G', 'P'}, USER_ID, new byte[2], message()),
        notAMarker("of 8 octets"));
    assertMalformedInOurWords(
        concat(new byte[] {(byte) 0xCA, 0x03, 'P', 'G', 'p'}, message()),
        notAMarker("with other octets than \"PGP\""));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("trailingData")
  void dataAfterTheMessage_isMalformed(String what, byte[] message, String expected) {
    assertMalformedInOurWords(message, expected).doesNotContain("Stream");
  }

  /** Alice's decryption refuses {@code message} as MALFORMED, with no BouncyCastle class named. */
  static AbstractStringAssert<?> assertMalformedInOurWords(byte[] message, String expected) {
    return assertAliceRefuses(message, PgpDataException.Reason.MALFORMED)
        .hasMessage(expected)
        .message()
        .doesNotContainIgnoringCase("bouncycastle")
        .doesNotContain("Packet")
        .doesNotContainPattern("@[0-9a-f]{4,}");
  }

  @Test
  void dataAfterTheMessage_decryptFile_leavesNoFile() throws Exception {
    Path source = Files.write(dir.resolve("trailing.pgp"), withSuffix(USER_ID));
    Path target = dir.resolve("out.csv");
    assertThatThrownBy(() -> with(PgpTestKeys.ALICE_RSA).decryptFile(source, target))
        .isInstanceOf(PgpDataException.class)
        .hasMessage(
            "the message continues after its encrypted data: a packet (type 13) follows it");
    try (var files = Files.list(dir)) {
      assertThat(files).containsExactly(source);
    }
  }

  /** The stream never reports its end, and keeps failing after the first failure. */
  @Test
  void dataAfterTheMessage_theStreamFailsInsteadOfEnding() throws Exception {
    byte[] message = withSuffix(USER_ID);
    InputStream s = with(PgpTestKeys.ALICE_RSA).open(new ByteArrayInputStream(message));
    byte[] buffer = new byte[1 << 12];
    long[] received = new long[1];
    assertThatThrownBy(
            () -> {
              int n;
              while ((n = s.read(buffer)) >= 0) {
                received[0] += n;
              }
            })
        .isInstanceOf(PgpDataException.class)
        .hasMessageStartingWith("the message continues after its encrypted data");
    assertThat(received[0]).as("the plaintext, handed out as it came").isEqualTo(TEXT.length);
    assertThatThrownBy(s::read)
        .as("a second read after the failure")
        .isInstanceOf(PgpDataException.class)
        .hasMessageStartingWith("the message continues after its encrypted data");
  }

  static Stream<Arguments> allowedAfterTheMessage() throws Exception {
    String armor = new String(armored(message()), StandardCharsets.US_ASCII);
    return Stream.of(
        Arguments.of("nothing", message()),
        Arguments.of("a marker packet", withSuffix(MARKER)),
        Arguments.of(
            "an old-format marker packet, then one of indeterminate length",
            withSuffix(new byte[] {(byte) 0xA8, 0x03, 'P', 'G', 'P', (byte) 0xAB, 'P', 'G', 'P'})),
        Arguments.of(
            "a marker packet with a five-octet length",
            withSuffix(new byte[] {(byte) 0xCA, (byte) 0xFF, 0, 0, 0, 3, 'P', 'G', 'P'})),
        Arguments.of(
            "padding, a marker, padding",
            withSuffix(concat(paddingPacket(8), MARKER, paddingPacket(100)))),
        Arguments.of("armored", ascii(armor)),
        Arguments.of("armored, blank lines after", ascii(armor + "\n \t\n\r\n")),
        Arguments.of("armored, CRLF", ascii(armor.replace("\n", "\r\n"))),
        Arguments.of("armored, no final newline", ascii(armor.stripTrailing())),
        Arguments.of("armored, a checksum that does not match", ascii(wrongChecksum(armor))),
        Arguments.of("armored, padding inside the armor", armored(withSuffix(paddingPacket(32)))));
  }

  /**
   * RFC 9580, section 6.1: a checksum that does not match must not cause a rejection; the MDC
   * protects the message. It comes after the encrypted data and was never checked.
   */
  static String wrongChecksum(String armor) {
    List<String> lines = armor.lines().toList();
    String checksum = lines.get(lines.size() - 2);
    assertThat(checksum).startsWith("=").hasSize(5);
    String wrong = checksum.equals("=AAAA") ? "=BBBB" : "=AAAA";
    return armor.replace("\n" + checksum + "\n", "\n" + wrong + "\n");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("allowedAfterTheMessage")
  void allowedAfterTheMessage_decrypts(String what, byte[] message) {
    assertThat(decrypt(with(PgpTestKeys.ALICE_RSA), message)).isEqualTo(TEXT);
  }

  /**
   * Packets after a compressed data packet, inside the encryption, beside it. The compressed data
   * packet has partial lengths: with an indeterminate length, as GnuPG writes it, it would run to
   * the end of the encrypted data and hold {@code after}.
   */
  static byte[] compressedThen(byte[] after) throws Exception {
    ByteArrayOutputStream content = new ByteArrayOutputStream();
    PGPCompressedDataGenerator zip = new PGPCompressedDataGenerator(CompressionAlgorithmTags.ZIP);
    try (OutputStream z = zip.open(content, new byte[1 << 10]);
        OutputStream lit =
            new PGPLiteralDataGenerator()
                .open(z, PGPLiteralData.BINARY, "", TEXT.length, new Date())) {
      lit.write(TEXT);
    }
    content.writeBytes(after);
    return encryptedToAlice(content.toByteArray());
  }

  /** {@code content} encrypted to Alice (AES-128, MDC) as it is: no literal data packet added. */
  static byte[] encryptedToAlice(byte[] content) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PGPEncryptedDataGenerator gen =
        new PGPEncryptedDataGenerator(
            new BcPGPDataEncryptorBuilder(SymmetricKeyAlgorithmTags.AES_128)
                .setWithIntegrityPacket(true));
    gen.addMethod(new BcPublicKeyKeyEncryptionMethodGenerator(aliceEncryptionKey()));
    try (OutputStream enc = gen.open(out, new byte[1 << 12])) {
      enc.write(content);
    }
    return out.toByteArray();
  }

  static Stream<Arguments> afterTheLiteralData() throws Exception {
    String holds = "the decrypted message holds %s after its literal data";
    byte[] key = PgpCertificate.of(PgpTestKeys.BOB_25519.publicKey()).encoded();
    byte[] signature = CraftedMessagesTest.detachedSignature(PgpTestKeys.ALICE_RSA);
    byte[] literal = craftAroundLiteralData(new byte[0], new byte[0]);
    return Stream.of(
        Arguments.of(
            "a public key",
            craftAroundLiteralData(new byte[0], key),
            holds.formatted("a public key")),
        Arguments.of(
            "a second literal data packet",
            craftAroundLiteralData(new byte[0], literalDataPacket()),
            holds.formatted("literal data")),
        Arguments.of(
            "a signature no one-pass signature announced",
            craftAroundLiteralData(new byte[0], signature),
            "the decrypted message holds a signature after its literal data that no one-pass"
                + " signature announced"),
        Arguments.of(
            "compressed data, then a public key",
            compressedThen(key),
            holds.formatted("a public key")),
        Arguments.of(
            "padding, then a public key",
            craftAroundLiteralData(new byte[0], concat(paddingPacket(8), key)),
            holds.formatted("a public key")));
  }

  static byte[] literalDataPacket() throws Exception {
    return literalDataPacket(ascii("abc"));
  }

  static byte[] literalDataPacket(byte[] data) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (OutputStream lit =
        new PGPLiteralDataGenerator()
            .open(out, PGPLiteralData.BINARY, "", data.length, new Date())) {
      lit.write(data);
    }
    return out.toByteArray();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("afterTheLiteralData")
  void packetsAfterTheLiteralData_areMalformed(String what, byte[] message, String expected) {
    assertMalformedInOurWords(message, expected).doesNotContain("PGP", "List");
  }

  @Test
  void packetsAfterTheLiteralData_decryptFile_leavesNoFile() throws Exception {
    byte[] key = PgpCertificate.of(PgpTestKeys.BOB_25519.publicKey()).encoded();
    Path source = Files.write(dir.resolve("inner.pgp"), craftAroundLiteralData(new byte[0], key));
    assertThatThrownBy(
            () -> with(PgpTestKeys.ALICE_RSA).decryptFile(source, dir.resolve("out.csv")))
        .isInstanceOf(PgpDataException.class)
        .hasMessage("the decrypted message holds a public key after its literal data");
    try (var files = Files.list(dir)) {
      assertThat(files).containsExactly(source);
    }
  }

  static Stream<Arguments> allowedAfterTheLiteralData() throws Exception {
    return Stream.of(
        Arguments.of("compressed data alone", compressedThen(new byte[0])),
        Arguments.of(
            "compressed data, then padding and a marker",
            compressedThen(concat(paddingPacket(8), MARKER))),
        Arguments.of(
            "a marker and padding",
            craftAroundLiteralData(new byte[0], concat(MARKER, paddingPacket(40)))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("allowedAfterTheLiteralData")
  void allowedAfterTheLiteralData_decrypts(String what, byte[] message) {
    assertThat(decrypt(with(PgpTestKeys.ALICE_RSA), message)).isEqualTo(TEXT);
  }

  @Test
  void signedMessages_stillDecryptAndVerify_withOneAndTwoSigners() {
    for (List<PgpTestKeys.TestKey> signers :
        List.of(
            List.of(PgpTestKeys.BOB_25519),
            List.of(PgpTestKeys.BOB_25519, PgpTestKeys.ALICE_RSA))) {
      PgpEncryptor.Builder b = to(PgpTestKeys.ALICE_RSA);
      signers.forEach(k -> b.signWith(PgpKey.of(k.privateKey())));
      for (boolean armor : new boolean[] {false, true}) {
        byte[] message = encrypt(b.armor(armor).build(), TEXT);
        PgpDecryptor.DecryptionStream s =
            EncryptDecryptTest.requiringASignature(PgpTestKeys.BOB_25519)
                .open(new ByteArrayInputStream(message));
        assertThat(EncryptDecryptTest.readAll(s)).isEqualTo(TEXT);
        assertThat(s.result().signatures()).hasSize(signers.size());
      }
    }
  }

  /** The compressed stream of {@code content} by {@code algorithm}, without a packet around it. */
  static byte[] compressedStream(int algorithm, byte[] content) throws Exception {
    ByteArrayOutputStream packet = new ByteArrayOutputStream();
    try (OutputStream z = new PGPCompressedDataGenerator(algorithm).open(packet)) {
      z.write(content);
    }
    PGPCompressedData c =
        (PGPCompressedData) new BcPGPObjectFactory(packet.toByteArray()).nextObject();
    return c.getInputStream().readAllBytes();
  }

  /**
   * A compressed data packet holding {@code body}, with an indeterminate length (an old-format
   * header) as GnuPG writes it: the packet runs to the end of the encrypted data.
   */
  static byte[] compressedPacket(int algorithm, byte[] body) {
    return concat(new byte[] {(byte) (0x80 | (8 << 2) | 3), (byte) algorithm}, body);
  }

  /** A compressed data packet holding {@code body}, with its length in its header. */
  static byte[] compressedPacketWithLength(int algorithm, byte[] body) {
    ByteBuffer header = ByteBuffer.allocate(7);
    header.put((byte) (0xC0 | 8)).put((byte) 0xFF).putInt(1 + body.length).put((byte) algorithm);
    return concat(header.array(), body);
  }

  /** Alice's message whose compressed data packet holds {@code extra} after the stream's end. */
  static byte[] compressedWithExtra(int algorithm, byte[] extra) throws Exception {
    byte[] stream = compressedStream(algorithm, literalDataPacket(TEXT));
    return encryptedToAlice(compressedPacket(algorithm, concat(stream, extra)));
  }

  static Stream<Arguments> afterTheCompressedData() throws Exception {
    List<Arguments> cases = new java.util.ArrayList<>();
    for (Compression c : List.of(Compression.ZIP, Compression.ZLIB, Compression.BZIP2)) {
      int alg = c.id();
      String name = c.name();
      cases.add(Arguments.of(name + ", a second literal data packet", alg, literalDataPacket()));
      cases.add(Arguments.of(name + ", text", alg, ascii("garbage")));
      cases.add(Arguments.of(name + ", one zero byte", alg, new byte[1]));
      if (c != Compression.BZIP2) { // see twoBzip2Streams_areMalformed_namingTheSecond
        cases.add(
            Arguments.of(
                name + ", a second compressed stream",
                alg,
                compressedStream(alg, literalDataPacket())));
      }
    }
    return cases.stream();
  }

  // Was accepted: the rest of the compressed data packet was read and discarded unseen.
  @ParameterizedTest(name = "{0}")
  @MethodSource("afterTheCompressedData")
  void bytesAfterTheCompressedStream_insideItsPacket_areMalformed(
      String what, int algorithm, byte[] extra) throws Exception {
    assertMalformedInOurWords(compressedWithExtra(algorithm, extra), AFTER_COMPRESSED)
        .doesNotContain("Stream", "PGP", "zlib", "ZLIB");
  }

  static final String AFTER_COMPRESSED =
      "the decrypted message is malformed: its compressed data packet continues after the end of"
          + " the compressed data";

  static final String SECOND_BZIP2_STREAM =
      "the decrypted message is malformed: its compressed data packet holds a second bzip2 stream"
          + " after the first: only one is read, as GnuPG and Sequoia read only the first;"
          + " compress the data as one stream";

  /**
   * A BZIP2 packet whose body is two bzip2 streams, as {@code bzip2} makes of two files
   * concatenated: the first half of the literal data packet in one, the rest in the other (see
   * {@link #twoBzip2Streams}). GnuPG 2.2.40 writes the first half and fails ("problem reading
   * source"), sqop 0.27.3 refuses ("Invalid data type"); both read only the first stream.
   */
  static byte[] twoBzip2Streams(byte[] data) throws Exception {
    byte[] literal = literalDataPacket(data);
    int half = literal.length / 2;
    int alg = CompressionAlgorithmTags.BZIP2;
    byte[] body =
        concat(
            compressedStream(alg, java.util.Arrays.copyOf(literal, half)),
            compressedStream(alg, java.util.Arrays.copyOfRange(literal, half, literal.length)));
    return encryptedToAlice(compressedPacket(alg, body));
  }

  @Test
  void twoBzip2Streams_areMalformed_namingTheSecond() throws Exception {
    assertMalformedInOurWords(twoBzip2Streams(TEXT), SECOND_BZIP2_STREAM);
    byte[] first = compressedStream(CompressionAlgorithmTags.BZIP2, literalDataPacket(TEXT));
    for (byte[] second :
        List.of(
            compressedStream(CompressionAlgorithmTags.BZIP2, literalDataPacket()),
            compressedStream(CompressionAlgorithmTags.BZIP2, new byte[0]))) {
      assertMalformedInOurWords(
          encryptedToAlice(compressedPacket(CompressionAlgorithmTags.BZIP2, concat(first, second))),
          SECOND_BZIP2_STREAM);
    }
  }

  @Test
  void oneBzip2Stream_followedByTextLikeAStreamHeader_isDataAfterTheCompressedData()
      throws Exception {
    for (String after : List.of("BZh", "BZh0", "BZx9", "B")) {
      assertMalformedInOurWords(
          compressedWithExtra(CompressionAlgorithmTags.BZIP2, ascii(after)), AFTER_COMPRESSED);
    }
  }

  @ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(
      ints = {
        CompressionAlgorithmTags.ZIP,
        CompressionAlgorithmTags.ZLIB,
        CompressionAlgorithmTags.BZIP2,
        CompressionAlgorithmTags.UNCOMPRESSED
      })
  void compressedPacketOfIndeterminateLength_endingWithItsStream_decrypts(int algorithm)
      throws Exception {
    assertThat(decrypt(with(PgpTestKeys.ALICE_RSA), compressedWithExtra(algorithm, new byte[0])))
        .isEqualTo(TEXT);
  }

  @Test
  void bytesAfterTheCompressedStream_decryptFile_leavesNoFile_andTheStreamKeepsFailing()
      throws Exception {
    byte[] message = compressedWithExtra(CompressionAlgorithmTags.ZLIB, literalDataPacket());
    Path source = Files.write(dir.resolve("compressed.pgp"), message);
    assertThatThrownBy(
            () -> with(PgpTestKeys.ALICE_RSA).decryptFile(source, dir.resolve("out.csv")))
        .isInstanceOf(PgpDataException.class)
        .hasMessage(AFTER_COMPRESSED);
    try (var files = Files.list(dir)) {
      assertThat(files).containsExactly(source);
    }
    InputStream s = with(PgpTestKeys.ALICE_RSA).open(new ByteArrayInputStream(message));
    assertThatThrownBy(s::readAllBytes)
        .isInstanceOf(PgpDataException.class)
        .hasMessage(AFTER_COMPRESSED);
    assertThatThrownBy(s::read).isInstanceOf(PgpDataException.class).hasMessage(AFTER_COMPRESSED);
  }

  /**
   * A raw deflate stream whose last octet, 0x00, is cut off: a sync flush, then an empty final
   * block with fixed codes ({@code 03 00}). The decompressor is given one zero octet after the data
   * (zlib's raw inflate once needed it), which used to complete such a stream.
   */
  @Test
  void zipStreamCutBeforeItsLastZeroOctet_isMalformed() throws Exception {
    java.util.zip.Deflater deflater = new java.util.zip.Deflater(6, true);
    deflater.setInput(literalDataPacket(TEXT));
    byte[] buffer = new byte[1 << 16];
    ByteArrayOutputStream stream = new ByteArrayOutputStream();
    stream.write(
        buffer, 0, deflater.deflate(buffer, 0, buffer.length, java.util.zip.Deflater.SYNC_FLUSH));
    deflater.finish();
    stream.write(buffer, 0, deflater.deflate(buffer));
    assertThat(deflater.finished()).isTrue();
    byte[] whole = stream.toByteArray();
    assertThat(java.util.Arrays.copyOfRange(whole, whole.length - 2, whole.length))
        .containsExactly(0x03, 0x00);
    assertThat(
            decrypt(
                with(PgpTestKeys.ALICE_RSA),
                encryptedToAlice(compressedPacket(CompressionAlgorithmTags.ZIP, whole))))
        .as("the whole stream")
        .isEqualTo(TEXT);
    byte[] cut = java.util.Arrays.copyOf(whole, whole.length - 1);
    assertMalformedInOurWords(
        encryptedToAlice(compressedPacket(CompressionAlgorithmTags.ZIP, cut)),
        "the decrypted message is malformed: its compressed data ends early: it is truncated");
  }

  static Stream<Arguments> armoredWithoutFooter() throws Exception {
    return CraftedMessagesTest.cutBeforeFooter(
        new String(armored(message()), StandardCharsets.US_ASCII),
        "-----END PGP MESSAGE-----",
        "-----END PGP SIGNATURE-----");
  }

  // Was accepted: BouncyCastle ends armored data at the end of the input as at the footer.
  @ParameterizedTest(name = "{0}")
  @MethodSource("armoredWithoutFooter")
  void armoredMessageWithoutItsFooter_isMalformed(String what, String message) {
    assertMalformedInOurWords(
        ascii(message),
        "the armor footer -----END PGP MESSAGE----- is missing at the end: the message was cut"
            + " off; use all of it, including the last line");
  }

  /** RFC 9580, section 6.2: an armor checksum line is optional, and should not be written. */
  @Test
  void armoredMessageWithoutAChecksumLine_decrypts() throws Exception {
    String armor = new String(armored(message()), StandardCharsets.US_ASCII);
    String checksum = armor.lines().filter(l -> l.startsWith("=")).findFirst().orElseThrow();
    String without = armor.replace(checksum + "\n", "");
    assertThat(without).doesNotContain("\n=").endsWith("-----END PGP MESSAGE-----\n");
    for (String form : List.of(without, without.replace("\n", "\r\n"), without + "\n\n")) {
      assertThat(decrypt(with(PgpTestKeys.ALICE_RSA), ascii(form))).isEqualTo(TEXT);
    }
  }

  /**
   * A compressed data packet too short to hold its algorithm octet: BouncyCastle reads the end of
   * the data (-1) as the algorithm, which was "the message uses an unknown compression algorithm
   * (ID -1)" (UNSUPPORTED). Found by DamagedInputFuzzTest (content NONE and ZLIB samples, the
   * compressed data packet's length damaged).
   */
  @Test
  void decrypt_compressedDataPacketWithoutItsAlgorithm_isMalformed() throws Exception {
    for (byte[] content :
        new byte[][] {
          {(byte) 0xC8, 0}, // new format, length 0
          concat(new byte[] {(byte) 0xC8, 0}, literalDataPacket(TEXT)),
          {(byte) (0x80 | (8 << 2)), 0} // old format, one-octet length 0
        }) {
      assertAliceRefuses(encryptedToAlice(content), PgpDataException.Reason.MALFORMED)
          .hasMessage(
              "the decrypted message is malformed: its compressed data packet is empty, without"
                  + " even its algorithm");
    }
  }
}
