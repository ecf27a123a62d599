package dev.tributary.pgp;

import static dev.tributary.pgp.Rfc9580Packets.AES_128;
import static dev.tributary.pgp.Rfc9580Packets.AES_256;
import static dev.tributary.pgp.Rfc9580Packets.concat;
import static dev.tributary.pgp.Rfc9580Packets.literal;
import static dev.tributary.pgp.Rfc9580Packets.ocbPacket;
import static dev.tributary.pgp.Rfc9580Packets.packet;
import static dev.tributary.pgp.Rfc9580Packets.pkeskV3;
import static dev.tributary.pgp.Rfc9580Packets.pkeskV6;
import static dev.tributary.pgp.Rfc9580Packets.prefix;
import static dev.tributary.pgp.Rfc9580Packets.sed;
import static dev.tributary.pgp.Rfc9580Packets.seipdV1;
import static dev.tributary.pgp.Rfc9580Packets.seipdV1Raw;
import static dev.tributary.pgp.Rfc9580Packets.seipdV2;
import static dev.tributary.pgp.Rfc9580Packets.withMdc;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tributary.core.auth.Secret;
import dev.tributary.pgp.Rfc9580Packets.Mdc;
import dev.tributary.pgp.Rfc9580Packets.V2;
import dev.tributary.testing.PgpTestKeys;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Encrypted messages whose structure breaks RFC 9580's message grammar (section 10.3) or the
 * packets' own rules (5.1 session key packet versions, 5.13 SEIPD v1's MDC and v2's chunks),
 * written by a sender who holds the session key ({@link Rfc9580Packets}), so that the integrity
 * check passes wherever the structure lets it: none may give plaintext, through the stream or
 * {@code decryptFile}, which leaves no file. Each case pins the error; the integrity error stands
 * for anything that could be tampering. The damaged bytes of {@link DamagedInputFuzzTest} and the
 * packets after the message or its literal data of {@link TrailingDataTest} are theirs. In the
 * comments, what sqop 0.27.3 and gpg 2.2.40 do with the same message where it differs from ours.
 */
class EncryptedMessageGrammarTest {
  static final byte[] HELLO = "hello, world\n".getBytes(StandardCharsets.US_ASCII);
  static final byte[] KEY = key(32, 7);
  static final byte[] OTHER_KEY = key(32, 11);
  static final byte[] KEY_128 = key(16, 5);
  static final String INTEGRITY = PgpIntegrityException.MESSAGE;
  static final String CONTINUES = "the message continues after its encrypted data: ";
  static final String ENCRYPTED_INSIDE =
      "the decrypted message is malformed: it holds encrypted data before its literal data";
  static final String OTHER_AFTER =
      "the decrypted message holds a packet of another kind after its literal data";
  static final String NO_LITERAL = "the message holds no literal data";
  static final byte[] USER_ID = TrailingDataTest.USER_ID;

  @TempDir Path dir;

  static byte[] key(int length, int step) {
    byte[] key = new byte[length];
    for (int i = 0; i < length; i++) {
      key[i] = (byte) (i * step + 1);
    }
    return key;
  }

  static PGPPublicKey alice() {
    return Rfc9580Packets.rsaSubkey(PgpTestKeys.ALICE_RSA);
  }

  static byte[] toAlice() throws Exception {
    return pkeskV3(alice(), AES_256, KEY);
  }

  /** Alice's session key packet, then SEIPD v1 holding {@code inner} with its MDC. */
  static byte[] v1(byte[] inner) throws Exception {
    return concat(toAlice(), seipdV1(KEY, inner, Mdc.RIGHT));
  }

  /** A v6 session key packet to Alice, then SEIPD v2 (chunk size octet {@code c}). */
  static byte[] v2(int c, byte[] inner, V2 how) throws Exception {
    return concat(pkeskV6(alice(), KEY), seipdV2(KEY, c, inner, how));
  }

  static byte[] zip(byte[] content) throws Exception {
    return TrailingDataTest.compressedPacketWithLength(
        1, TrailingDataTest.compressedStream(1, content));
  }

  static Arguments refused(String what, byte[] message, Class<?> type, String expected) {
    return Arguments.of(what, message, type, expected);
  }

  static Stream<Arguments> refusedMessages() throws Exception {
    byte[] lit = literal(HELLO);
    byte[] good = seipdV1(KEY, lit, Mdc.RIGHT);
    byte[] other = literal("other\n".getBytes(StandardCharsets.US_ASCII));
    byte[] compressedTwice = zip(zip(lit));
    byte[] compressedEightTimes = compressedTwice;
    for (int i = 0; i < 6; i++) {
      compressedEightTimes = zip(compressedEightTimes);
    }
    Class<?> data = PgpDataException.class;
    Class<?> integrity = PgpIntegrityException.class;
    return Stream.of(
        // Top level. gpg 2.2 writes the first message's plaintext, then fails (exit 2), for every
        // second encrypted data packet; sqop refuses all of them (41).
        refused(
            "SEIPD, then SEIPD with the same session key",
            concat(toAlice(), good, seipdV1(KEY, other, Mdc.RIGHT)),
            data,
            CONTINUES + "a packet (type 18) follows it"),
        refused(
            "two session keys, SEIPD, then SEIPD with the second",
            concat(
                toAlice(),
                pkeskV3(alice(), AES_256, OTHER_KEY),
                good,
                seipdV1(OTHER_KEY, other, Mdc.RIGHT)),
            data,
            CONTINUES + "a packet (type 18) follows it"),
        refused(
            "SEIPD, then SED (no integrity protection)",
            concat(toAlice(), good, sed(KEY, other)),
            data,
            CONTINUES + "a packet (type 9) follows it"),
        refused(
            "SED, then SEIPD",
            concat(toAlice(), sed(KEY, other), good),
            data,
            "the message has no integrity protection (a Symmetrically Encrypted Data packet without"
                + " MDC): it could have been modified undetectably, so it is refused; ask the"
                + " sender to use a current OpenPGP tool"),
        refused(
            "SEIPD, then literal data at the top level",
            concat(toAlice(), good, other),
            data,
            CONTINUES + "a packet (type 11) follows it"),
        // gpg 2.2: plaintext and exit 0.
        refused(
            "SEIPD, then a session key packet",
            concat(toAlice(), good, toAlice()),
            data,
            CONTINUES + "a packet (type 1) follows it"),
        // gpg 2.2: exit 0, no output.
        refused(
            "a session key packet and no encrypted data",
            toAlice(),
            data,
            "the OpenPGP data ends after the session key packets, before the encrypted data: it is"
                + " truncated"),
        refused(
            "SEIPD v1 of its version octet alone",
            concat(toAlice(), packet(18, new byte[] {1})),
            integrity,
            INTEGRITY),
        refused("an empty SEIPD", concat(toAlice(), packet(18, new byte[0])), integrity, INTEGRITY),
        // RFC 9580, 5.1: a v6 PKESK precedes SEIPD v2 only, a v3 one v1 only.
        refused(
            "PKESK v6, then SEIPD v1", concat(pkeskV6(alice(), KEY), good), integrity, INTEGRITY),
        refused(
            "PKESK v3, then SEIPD v2",
            concat(toAlice(), seipdV2(KEY, 4, lit, V2.RIGHT)),
            integrity,
            INTEGRITY),
        // Inside SEIPD v1. gpg 2.2 gives the first literal data's plaintext for the next three.
        refused(
            "literal data, an MDC packet, literal data, the MDC",
            concat(
                toAlice(), seipdV1Raw(KEY, withMdc(concat(withMdc(concat(prefix(), lit)), other)))),
            data,
            OTHER_AFTER),
        refused(
            "two MDC packets",
            concat(toAlice(), seipdV1Raw(KEY, withMdc(withMdc(concat(prefix(), lit))))),
            data,
            OTHER_AFTER),
        refused(
            "literal data, its MDC, then a user ID and no MDC",
            concat(toAlice(), seipdV1Raw(KEY, concat(withMdc(concat(prefix(), lit)), USER_ID))),
            integrity,
            INTEGRITY),
        refused(
            "data after the MDC",
            concat(toAlice(), seipdV1Raw(KEY, concat(withMdc(concat(prefix(), lit)), new byte[3]))),
            integrity,
            INTEGRITY),
        refused("no MDC", concat(toAlice(), seipdV1(KEY, lit, Mdc.MISSING)), integrity, INTEGRITY),
        refused(
            "an MDC packet of 21 octets",
            concat(toAlice(), seipdV1(KEY, lit, Mdc.LONG_HEADER)),
            integrity,
            INTEGRITY),
        refused(
            "the MDC packet inside the compressed data",
            v1(zip(withMdc(concat(prefix(), lit)))),
            data,
            "the decrypted message is malformed: its packets cannot be read"),
        // gpg 2.2: exit 0, no output.
        refused("nothing inside", v1(new byte[0]), data, NO_LITERAL),
        refused(
            "a user ID and no literal data",
            v1(USER_ID),
            data,
            "the decrypted message is malformed: it holds a packet of another kind before its"
                + " literal data"),
        // gpg 2.2: plaintext and exit 0.
        refused(
            "a one-pass signature without its signature",
            v1(concat(onePassSignature(), lit)),
            data,
            "the decrypted message ends without the signature that a one-pass signature"
                + " announced"),
        refused(
            "a signature and no literal data",
            v1(CraftedMessagesTest.detachedSignature(PgpTestKeys.ALICE_RSA)),
            data,
            NO_LITERAL),
        // RFC 9580 allows an encrypted message inside one; sqop and gpg decrypt it, which we
        // leave to the caller: decrypt the plaintext again.
        refused("SEIPD inside SEIPD", v1(good), data, ENCRYPTED_INSIDE),
        refused(
            "a whole encrypted message inside SEIPD",
            v1(concat(toAlice(), good)),
            data,
            ENCRYPTED_INSIDE),
        refused("SED inside SEIPD", v1(sed(KEY, lit)), data, ENCRYPTED_INSIDE),
        refused(
            "compressed data holding an encrypted message",
            v1(zip(concat(toAlice(), good))),
            data,
            ENCRYPTED_INSIDE),
        // sqop and gpg decompress both: one level is all a sender needs.
        refused("compressed twice", v1(compressedTwice), data, "the message is compressed twice"),
        refused(
            "compressed eight times",
            v1(compressedEightTimes),
            data,
            "the message is compressed twice"),
        // Inside SEIPD v2 (neither tool reads SEIPD v2 or PKESK v6).
        refused(
            "SEIPD v2 without its final tag", v2(4, lit, V2.NO_FINAL_TAG), integrity, INTEGRITY),
        refused(
            "SEIPD v2 with a chunk after its final tag",
            v2(0, literal(new byte[3000]), V2.CHUNK_AFTER_FINAL_TAG),
            integrity,
            INTEGRITY),
        refused("SEIPD v2, chunk size octet 17", v2(17, lit, V2.RIGHT), integrity, INTEGRITY),
        refused("SEIPD v2, chunk size octet 255", v2(255, lit, V2.RIGHT), integrity, INTEGRITY),
        refused("SEIPD v2 of one empty chunk", v2(4, new byte[0], V2.RIGHT), integrity, INTEGRITY),
        refused("SEIPD v2 of no chunk", v2(4, new byte[0], V2.NO_CHUNK), data, NO_LITERAL),
        refused("SED inside SEIPD v2", v2(4, sed(KEY, lit), V2.RIGHT), data, ENCRYPTED_INSIDE),
        // Session keys. gpg and sqop: "wrong secret key", "unable to decrypt".
        refused(
            "a wrong checksum of the session key",
            concat(pkeskV3(alice(), AES_256, KEY, new byte[2]), good),
            integrity,
            INTEGRITY));
  }

  static byte[] onePassSignature() throws Exception {
    return SignedMessageGrammarTest.signer(PgpTestKeys.ALICE_RSA, h -> {})
        .generateOnePassVersion(false)
        .getEncoded();
  }

  static PgpDecryptor decryptor() {
    return EncryptDecryptTest.with(PgpTestKeys.ALICE_RSA);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("refusedMessages")
  void refused_noPlaintext_andDecryptFileLeavesNoFile(
      String what, byte[] message, Class<? extends Throwable> type, String expected)
      throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    assertThatThrownBy(() -> decryptor().decrypt(new ByteArrayInputStream(message), out))
        .isInstanceOf(type)
        .hasMessage(expected);
    Path source = Files.write(dir.resolve("message.pgp"), message);
    assertThatThrownBy(() -> decryptor().decryptFile(source, dir.resolve("out.txt")))
        .isInstanceOf(type)
        .hasMessageEndingWith(expected);
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files).containsExactly(source);
    }
  }

  static Stream<Arguments> acceptedMessages() throws Exception {
    byte[] lit = literal(HELLO);
    byte[] marker = {(byte) 0xCA, 3, 'P', 'G', 'P'};
    byte[] padding = CraftedMessagesTest.paddingPacket(8);
    byte[] many = "0123456789abcdef".repeat(20).getBytes(StandardCharsets.US_ASCII);
    return Stream.of(
        // sqop 0.27 refuses the padding packet (41).
        Arguments.of(
            "marker and padding packets around the literal data",
            v1(concat(marker, padding, lit, marker, padding)),
            HELLO),
        Arguments.of("the same session key packet twice", concat(toAlice(), v1(lit)), HELLO),
        Arguments.of("GnuPG's OCB packet", concat(toAlice(), ocbPacket(KEY, AES_256, lit)), HELLO),
        Arguments.of("SEIPD v2, chunk size octet 16 (the largest)", v2(16, lit, V2.RIGHT), HELLO),
        Arguments.of("SEIPD v2, chunks of 64 octets", v2(0, literal(many), V2.RIGHT), many));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("acceptedMessages")
  void accepted_decrypts(String what, byte[] message, byte[] expected) {
    assertThat(EncryptDecryptTest.decrypt(decryptor(), message)).isEqualTo(expected);
  }

  /**
   * Under the default policy a password hashed without salt or iteration is refused before the data
   * is read (sqop 0.27 and gpg 2.2 decrypt it).
   */
  @Test
  void simpleS2kPassword_isRefusedByPolicy_andAcceptedForLegacySenders() throws Exception {
    byte[] message =
        concat(
            Rfc9580Packets.skeskSimpleS2k(),
            seipdV1(Rfc9580Packets.simpleS2k("pw"), literal(HELLO), Mdc.RIGHT));
    PgpDecryptor.Builder b = PgpDecryptor.builder().password(Secret.of("pw"));
    assertThatThrownBy(() -> EncryptDecryptTest.decrypt(b.build(), message))
        .isInstanceOf(PgpDataException.class)
        .hasMessageStartingWith("the message's password is hashed with the simple S2K");
    assertThat(EncryptDecryptTest.decrypt(b.policy(PgpPolicy.legacySenders()).build(), message))
        .isEqualTo(HELLO);
  }

  /**
   * A session key of another length than its cipher's was taken as it came: a 32-octet key named
   * AES-128 decrypted AES-256 data reported as AES-128, a 16-octet one named AES-256 AES-128 data
   * reported as AES-256 (for SEIPD v2 and GnuPG's OCB packet the cipher the encrypted data names;
   * SEIPD v2 derives its message key from a session key of any length). sqop 0.27.3 and gpg 2.2.40
   * refuse the v3 packets ("unable to decrypt", "wrong secret key used"); {@link
   * EncryptedMessageGrammarInteropTest}.
   */
  static Stream<Arguments> sessionKeysOfAnotherLength() throws Exception {
    byte[] lit = literal(HELLO);
    return Stream.of(
        Arguments.of(
            "PKESK v3 naming AES-128, a 32-octet key, AES-256 data",
            concat(pkeskV3(alice(), AES_128, KEY), seipdV1(KEY, lit, Mdc.RIGHT)),
            "32 octets for AES-128, whose keys are 16"),
        Arguments.of(
            "PKESK v3 naming AES-256, a 16-octet key, AES-128 data",
            concat(pkeskV3(alice(), AES_256, KEY_128), seipdV1(KEY_128, lit, Mdc.RIGHT)),
            "16 octets for AES-256, whose keys are 32"),
        Arguments.of(
            "PKESK v6 of a 32-octet key, SEIPD v2 naming AES-128",
            concat(pkeskV6(alice(), KEY), seipdV2(KEY, AES_128, 4, lit, V2.RIGHT)),
            "32 octets for AES-128, whose keys are 16"),
        Arguments.of(
            "PKESK v6 of a 16-octet key, SEIPD v2 naming AES-256",
            concat(pkeskV6(alice(), KEY_128), seipdV2(KEY_128, AES_256, 4, lit, V2.RIGHT)),
            "16 octets for AES-256, whose keys are 32"),
        // GnuPG's OCB packet: BouncyCastle takes the cipher its header names.
        Arguments.of(
            "PKESK v3 of a 16-octet key, GnuPG's OCB packet naming AES-256",
            concat(pkeskV3(alice(), AES_128, KEY_128), ocbPacket(KEY_128, AES_256, lit)),
            "16 octets for AES-256, whose keys are 32"),
        Arguments.of(
            "PKESK v3 of a 32-octet key, GnuPG's OCB packet naming AES-128",
            concat(toAlice(), ocbPacket(KEY, AES_128, lit)),
            "32 octets for AES-128, whose keys are 16"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("sessionKeysOfAnotherLength")
  void sessionKeyOfAnotherLengthThanItsCipher_isTheIntegrityError_andNoFile(
      String what, byte[] message, String detail) throws Exception {
    assertThatThrownBy(() -> EncryptDecryptTest.decrypt(decryptor(), message))
        .isInstanceOf(PgpIntegrityException.class)
        .hasMessage(INTEGRITY)
        .cause()
        .hasMessage(
            "the session key packet for key "
                + PgpTestKeys.ALICE_RSA.encryptionKeyId()
                + " holds a session key of "
                + detail);
    Path source = Files.write(dir.resolve("message.pgp"), message);
    assertThatThrownBy(() -> decryptor().decryptFile(source, dir.resolve("out.txt")))
        .isInstanceOf(PgpIntegrityException.class);
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files).containsExactly(source);
    }
  }

  /** Such a packet does not stop the search: a right one after it opens the message. */
  @Test
  void sessionKeyOfAnotherLength_thenARightPacket_decrypts() throws Exception {
    byte[] message =
        concat(pkeskV3(alice(), AES_128, KEY), toAlice(), seipdV1(KEY, literal(HELLO), Mdc.RIGHT));
    assertThat(EncryptDecryptTest.decrypt(decryptor(), message)).isEqualTo(HELLO);
  }
}
