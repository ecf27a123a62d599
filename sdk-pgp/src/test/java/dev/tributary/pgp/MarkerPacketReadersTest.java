package dev.tributary.pgp;

import static dev.tributary.pgp.CraftedMessagesTest.MARKER;
import static dev.tributary.pgp.TrailingDataTest.concat;
import static dev.tributary.pgp.TrailingDataTest.notAMarker;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tributary.core.auth.Secret;
import dev.tributary.pgp.PgpInlineSignatures.Mode;
import dev.tributary.testing.PgpTestKeys;
import dev.tributary.testing.PgpTestKeys.TestKey;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.bouncycastle.bcpg.ArmoredOutputStream;
import org.bouncycastle.openpgp.PGPUtil;
import org.junit.jupiter.api.Test;

/**
 * Marker packets around a key, a detached signature and an inline-signed message: one that is not
 * exactly the three octets "PGP", or is cut off, is refused, as around an encrypted message ({@link
 * TrailingDataTest}). BouncyCastle read three octets of any marker and left the rest of its body
 * unread, so anything after a signature, a key or a signed message was ignored once it began with a
 * marker's header.
 */
class MarkerPacketReadersTest {
  static final TestKey ALICE = PgpTestKeys.ALICE_RSA;
  static final byte[] DATA = "the data signed\n".getBytes(StandardCharsets.UTF_8);

  /** A "marker" of ten octets: "PGP", then seven more that BouncyCastle left unread. */
  static final byte[] LONG_MARKER =
      concat(
          new byte[] {(byte) 0xCA, 0x0A, 'P', 'G', 'P'},
          "garbage".getBytes(StandardCharsets.US_ASCII));

  static final byte[] CUT_MARKER = {(byte) 0xCA, 0x03, 'P', 'G'};

  /** Bytes that are no OpenPGP packet, without a marker's header before them. */
  static final byte[] JUNK = {0x01, 0x02, 0x03};

  static byte[] certificate() {
    return binary(ALICE.armoredPublicKey());
  }

  static byte[] binary(String armored) {
    try {
      return PGPUtil.getDecoderStream(
              new ByteArrayInputStream(armored.getBytes(StandardCharsets.US_ASCII)))
          .readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String armored(byte[] binary) {
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      try (ArmoredOutputStream armor = new ArmoredOutputStream(out)) {
        armor.write(binary);
      }
      return out.toString(StandardCharsets.US_ASCII)
          .replace("-----BEGIN PGP MESSAGE-----", "-----BEGIN PGP PUBLIC KEY BLOCK-----")
          .replace("-----END PGP MESSAGE-----", "-----END PGP PUBLIC KEY BLOCK-----");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static byte[] detachedSignature() {
    ByteArrayOutputStream sig = new ByteArrayOutputStream();
    PgpSignatures.sign(
        new ByteArrayInputStream(DATA), sig, List.of(PgpKey.of(ALICE.privateKey())), false);
    return sig.toByteArray();
  }

  static List<SignatureVerification> verifyDetached(byte[] signature) {
    return PgpSignatures.verify(
        new ByteArrayInputStream(DATA),
        new ByteArrayInputStream(signature),
        List.of(PgpCertificate.of(ALICE.publicKey())),
        PgpPolicy.defaults());
  }

  static byte[] signedMessage() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PgpInlineSignatures.sign(
        new ByteArrayInputStream(DATA),
        out,
        List.of(PgpKey.of(ALICE.privateKey())),
        Mode.BINARY,
        false);
    return out.toByteArray();
  }

  static List<SignatureVerification> verifyInline(byte[] message) {
    return PgpInlineSignatures.verify(
        new ByteArrayInputStream(message),
        new ByteArrayOutputStream(),
        List.of(PgpCertificate.of(ALICE.publicKey())),
        PgpPolicy.defaults());
  }

  // Keys: PgpCertificate.parse (one armored certificate) and readAll (any number, binary here).

  @Test
  void certificate_thenAMarkerThatIsNotOne_isRefused() {
    assertThatThrownBy(() -> PgpCertificate.parse(armored(concat(certificate(), LONG_MARKER))))
        .isInstanceOf(PgpKeyException.class)
        .hasMessage(notAMarker("of 10 octets"));
    assertThatThrownBy(() -> PgpCertificate.readAll(concat(certificate(), LONG_MARKER)))
        .isInstanceOf(PgpKeyException.class)
        .hasMessage(notAMarker("of 10 octets"));
    assertThatThrownBy(
            () ->
                PgpCertificate.readAll(
                    concat(certificate(), new byte[] {(byte) 0xA8, 0x03, 'X', 'Y', 'Z'})))
        .isInstanceOf(PgpKeyException.class)
        .hasMessage(notAMarker("with other octets than \"PGP\""));
  }

  @Test
  void certificate_thenACutOffMarker_isRefused() {
    assertThatThrownBy(() -> PgpCertificate.parse(armored(concat(certificate(), CUT_MARKER))))
        .isInstanceOf(PgpKeyException.class)
        .hasMessageContaining("truncated");
    assertThatThrownBy(() -> PgpCertificate.readAll(concat(certificate(), CUT_MARKER)))
        .isInstanceOf(PgpKeyException.class)
        .hasMessageContaining("truncated");
  }

  /** As before: junk after a key that is not marker-shaped is refused. */
  @Test
  void certificate_thenJunk_isRefused() {
    assertThatThrownBy(() -> PgpCertificate.readAll(concat(certificate(), JUNK)))
        .isInstanceOf(PgpKeyException.class);
  }

  @Test
  void certificate_withMarkers_isRead() {
    byte[] cert = certificate();
    assertThat(PgpCertificate.parse(armored(concat(cert, MARKER))).fingerprint())
        .isEqualTo(ALICE.fingerprint());
    assertThat(PgpCertificate.readAll(concat(MARKER, cert, MARKER, cert, MARKER))).hasSize(2);
  }

  /**
   * A key whose packets begin with a marker packet is read by parse as by readAll (and GnuPG); a
   * leading marker that is not exactly "PGP" is refused by both in the same words.
   */
  @Test
  void key_afterALeadingMarker_isParsed_asReadAllReadsIt() {
    byte[] key = binary(ALICE.armoredPrivateKey());
    String armoredKey =
        armored(concat(MARKER, key)).replace("PUBLIC KEY BLOCK", "PRIVATE KEY BLOCK");
    assertThat(PgpKey.parse(armoredKey, Secret.empty()).fingerprint())
        .isEqualTo(ALICE.fingerprint());
    assertThat(PgpKey.readAll(concat(MARKER, key), Secret.empty()).get(0).fingerprint())
        .isEqualTo(ALICE.fingerprint());
    assertThat(PgpCertificate.parse(armored(concat(MARKER, MARKER, certificate()))).fingerprint())
        .isEqualTo(ALICE.fingerprint());

    byte[] notAMarker = {(byte) 0xA8, 0x03, 'X', 'Y', 'Z'};
    String armoredWrong =
        armored(concat(notAMarker, key)).replace("PUBLIC KEY BLOCK", "PRIVATE KEY BLOCK");
    assertThatThrownBy(() -> PgpKey.parse(armoredWrong, Secret.empty()))
        .isInstanceOf(PgpKeyException.class)
        .hasMessage(notAMarker("with other octets than \"PGP\""));
    assertThatThrownBy(() -> PgpKey.readAll(concat(notAMarker, key), Secret.empty()))
        .isInstanceOf(PgpKeyException.class)
        .hasMessage(notAMarker("with other octets than \"PGP\""));
    assertThatThrownBy(() -> PgpCertificate.parse(armored(concat(LONG_MARKER, certificate()))))
        .isInstanceOf(PgpKeyException.class)
        .hasMessage(notAMarker("of 10 octets"));
    assertThatThrownBy(() -> PgpCertificate.parse(armored(MARKER)))
        .isInstanceOf(PgpKeyException.class)
        .hasMessage("the armored block holds no key");
  }

  /**
   * An octet without bit 7 set is no packet header, but BouncyCastle derives a tag from any octet,
   * and from {@code 0x28} and {@code 0x4A} the marker's (10): such bytes after a key, a signature
   * or a message are refused as bytes that are no packet, not read as a marker.
   */
  @Test
  void anOctetWithoutBit7_whereAMarkerWouldStand_isNoPacket() {
    String noPacket = "the OpenPGP data is damaged: it holds bytes that are not an OpenPGP packet";
    for (byte header : new byte[] {0x28, 0x4A}) {
      byte[] fake = {header, 0x03, 'P', 'G', 'P'};
      assertThatThrownBy(() -> PgpCertificate.readAll(concat(certificate(), fake)))
          .isInstanceOf(PgpKeyException.class)
          .hasMessage(noPacket);
      assertThatThrownBy(() -> verifyDetached(concat(detachedSignature(), fake)))
          .isInstanceOf(PgpDataException.class)
          .hasMessage(noPacket);
      assertThatThrownBy(() -> verifyInline(concat(signedMessage(), fake)))
          .isInstanceOf(PgpDataException.class)
          .hasMessage(noPacket);
    }
  }

  // Detached signatures.

  @Test
  void detachedSignature_thenAMarkerThatIsNotOne_isRefused() {
    assertThatThrownBy(() -> verifyDetached(concat(detachedSignature(), LONG_MARKER)))
        .isInstanceOf(PgpDataException.class)
        .hasMessage(notAMarker("of 10 octets"));
    assertThatThrownBy(
            () ->
                verifyDetached(
                    concat(new byte[] {(byte) 0xA8, 0x08, 'P', 'G', 'P'}, detachedSignature())))
        .isInstanceOf(PgpDataException.class)
        .hasMessage(notAMarker("of 8 octets"));
  }

  @Test
  void detachedSignature_thenACutOffMarker_isRefused() {
    assertThatThrownBy(() -> verifyDetached(concat(detachedSignature(), CUT_MARKER)))
        .isInstanceOf(PgpDataException.class)
        .hasMessageContaining("truncated");
  }

  /** As before: junk after a signature that is not marker-shaped is refused. */
  @Test
  void detachedSignature_thenJunk_isRefused() {
    assertThatThrownBy(() -> verifyDetached(concat(detachedSignature(), JUNK)))
        .isInstanceOf(PgpDataException.class);
  }

  @Test
  void detachedSignature_withMarkers_isVerified() {
    List<SignatureVerification> results =
        verifyDetached(concat(MARKER, detachedSignature(), MARKER));
    assertThat(results).hasSize(1);
    assertThat(results.get(0).valid()).isTrue();
  }

  // Inline-signed messages.

  @Test
  void signedMessage_thenAMarkerThatIsNotOne_isRefused() {
    assertThatThrownBy(() -> verifyInline(concat(signedMessage(), LONG_MARKER)))
        .isInstanceOf(PgpDataException.class)
        .hasMessage(notAMarker("of 10 octets"));
    assertThatThrownBy(
            () ->
                verifyInline(
                    concat(signedMessage(), new byte[] {(byte) 0xAB, 'P', 'G', 'P', 1, 2})))
        .isInstanceOf(PgpDataException.class)
        .hasMessage(notAMarker("of indeterminate length that runs on after \"PGP\""));
  }

  @Test
  void signedMessage_thenACutOffMarker_isRefused() {
    assertThatThrownBy(() -> verifyInline(concat(signedMessage(), CUT_MARKER)))
        .isInstanceOf(PgpDataException.class)
        .hasMessageContaining("truncated");
  }

  /** As before: junk after a signed message that is not marker-shaped is refused. */
  @Test
  void signedMessage_thenJunk_isRefused() {
    assertThatThrownBy(() -> verifyInline(concat(signedMessage(), JUNK)))
        .isInstanceOf(PgpDataException.class);
  }

  @Test
  void signedMessage_withMarkers_isVerified() {
    List<SignatureVerification> results = verifyInline(concat(MARKER, signedMessage(), MARKER));
    assertThat(results).hasSize(1);
    assertThat(results.get(0).valid()).isTrue();
  }
}
