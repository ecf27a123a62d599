package dev.tributary.pgp;

import static dev.tributary.pgp.EncryptDecryptTest.decrypt;
import static dev.tributary.pgp.EncryptDecryptTest.encrypt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.tributary.core.auth.Secret;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The sample data of RFC 9580, Appendix A (resources {@code rfc9580/}): a version 6 key, a
 * signature and a SEIPD v2 message made by the RFC's authors with their own implementations. The
 * only v6 data here that we did not make ourselves, so the one check that our v6 and AEAD support
 * agrees with another implementation (gpg 2.2 and Debian's sqop predate v6).
 */
class Rfc9580SamplesTest {
  static final String PRIMARY = "CB186C4F0609A697E4D52DFA6C722B0C1F1E27C18A56708F6525EC27BAD9ACC9";
  static final String SUBKEY = "12C83F1E706F6308FE151A417743A1F033790E93E9978488D1DB378DA9930885";

  /** 0x63877FE3, the creation time of both keys in the sample. */
  static final Instant CREATED = Instant.parse("2022-11-30T16:08:03Z");

  static String sample(String name) {
    try (InputStream in = Rfc9580SamplesTest.class.getResourceAsStream("rfc9580/" + name)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource rfc9580/" + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static PgpKey secretKey() {
    return PgpKey.parse(sample("a4-secret-key.asc"), Secret.empty());
  }

  static PgpKey lockedKey() {
    return PgpKey.parse(
        sample("a5-locked-secret-key.asc"), Secret.of("correct horse battery staple"));
  }

  static PgpDecryptor decryptor(PgpKey key) {
    return PgpDecryptor.builder().key(key).build();
  }

  @Test
  void certificate_a3_isDescribedAsTheRfcStates() {
    KeyDescription d = PgpCertificate.parse(sample("a3-certificate.asc")).describe();

    assertThat(d.fingerprint()).isEqualToIgnoringCase(PRIMARY);
    assertThat(d.secret()).isFalse();
    assertThat(d.keys()).hasSize(2);
    ComponentKey primary = d.primaryKey();
    assertThat(primary.version()).isEqualTo(6);
    assertThat(primary.created()).isEqualTo(CREATED);
    assertThat(primary.capabilities()).contains(KeyCapability.SIGN, KeyCapability.CERTIFY);
    ComponentKey sub = d.keys().get(1);
    assertThat(sub.fingerprint()).isEqualToIgnoringCase(SUBKEY);
    assertThat(sub.version()).isEqualTo(6);
    assertThat(sub.created()).isEqualTo(CREATED);
    assertThat(sub.capabilities())
        .contains(KeyCapability.ENCRYPT_COMMUNICATIONS, KeyCapability.ENCRYPT_STORAGE);
    // v6 key IDs are the first 8 octets of the fingerprint (RFC 9580, section 5.5.4.3).
    assertThat(sub.keyId()).isEqualToIgnoringCase(SUBKEY.substring(0, 16));
  }

  @Test
  void secretKeys_a4Unprotected_andA5Locked_areTheSameKey() {
    PgpKey open = secretKey();
    assertThat(open.fingerprint()).isEqualToIgnoringCase(PRIMARY);
    assertThat(open.isProtected()).isFalse();

    PgpKey locked = lockedKey();
    assertThat(locked.fingerprint()).isEqualToIgnoringCase(PRIMARY);
    assertThat(locked.isProtected()).isTrue();
    assertThat(locked.describe().keys())
        .extracting(ComponentKey::fingerprint)
        .containsExactlyElementsOf(
            open.describe().keys().stream().map(ComponentKey::fingerprint).toList());
  }

  @Test
  void message_a8_x25519SeipdV2Ocb_decryptsToHelloWorld() {
    assertDecryptsA8(secretKey());
  }

  /**
   * A.5 is locked with Argon2 (t = 1, p = 4, m = 2^21 KiB): unlocking its encryption subkey fills 2
   * GiB, so this runs only where the test JVM's heap can hold that (a quarter of a 12 GiB machine).
   * One unlock, a few seconds; {@code UnlockedKeysArgon2Test} covers a heap that is too small.
   */
  @Test
  void message_a8_decryptsWithTheArgon2LockedKey() {
    assumeTrue(
        Runtime.getRuntime().maxMemory() >= 3L << 30,
        "needs a heap of 3 GiB for the key's 2 GiB Argon2");
    assertDecryptsA8(lockedKey());
  }

  static void assertDecryptsA8(PgpKey key) {
    byte[] message = sample("a8-x25519-aead-ocb.asc").getBytes(StandardCharsets.US_ASCII);
    PgpDecryptor.DecryptionStream s = decryptor(key).open(new ByteArrayInputStream(message));
    assertThat(EncryptDecryptTest.readAll(s)).asString().isEqualTo("Hello, world!");
    DecryptionResult r = s.result();
    assertThat(r.aead()).isTrue();
    assertThat(r.symmetricAlgorithm()).isEqualTo(SymmetricAlgorithm.AES_128);
    assertThat(r.decryptionKeyFingerprint()).isEqualToIgnoringCase(SUBKEY);
    assertThat(r.plaintextBytes()).isEqualTo(13);
  }

  @Test
  void message_a8_damagedAnywhereInItsEncryptedData_isRefused() {
    byte[] binary = dearmor(sample("a8-x25519-aead-ocb.asc"));
    // The SEIPD v2 packet (tag 18) follows the 95-octet PKESK (2 header octets + 93). After its own
    // 2 header octets come version, cipher, AEAD mode and chunk size; damage each later octet
    // (salt,
    // ciphertext, tags) in turn.
    assertThat(binary[95]).isEqualTo((byte) 0xd2);
    for (int i = 95 + 2 + 4; i < binary.length; i++) {
      byte[] damaged = binary.clone();
      damaged[i] ^= 0x01;
      assertThatThrownBy(() -> decrypt(decryptor(secretKey()), damaged))
          .as("octet %d of %d", i, binary.length)
          .isInstanceOf(PgpDataException.class);
    }
    byte[] truncated = Arrays.copyOf(binary, binary.length - 1);
    assertThatThrownBy(() -> decrypt(decryptor(secretKey()), truncated))
        .isInstanceOf(PgpDataException.class);
  }

  @Test
  void signature_a6_overTheSampleText_isValid_andNotOverAnotherText() {
    PgpCertificate cert = PgpCertificate.parse(sample("a3-certificate.asc"));
    // The cleartext-signed text of A.6 without its dash escapes, up to the line end before the
    // armor (its last line is empty); a text signature (type 0x01) covers it with CRLF line ends,
    // which verification must make from these LFs.
    String text = "What we need from the grocery store:\n\n- tofu\n- vegetables\n- noodles\n";

    List<SignatureVerification> ok = verify(text, cert);
    assertThat(ok).hasSize(1);
    assertThat(ok.get(0).valid()).as("%s", ok.get(0).problem()).isTrue();
    assertThat(ok.get(0).signerFingerprint()).isEqualToIgnoringCase(PRIMARY);
    assertThat(ok.get(0).created()).isEqualTo(Instant.ofEpochSecond(0x6398a363L));

    List<SignatureVerification> other = verify(text.replace("noodles", "porridge"), cert);
    assertThat(other).hasSize(1);
    assertThat(other.get(0).valid()).isFalse();
  }

  @Test
  void ourMessageToTheSampleCertificate_usesSeipdV2WhenAllowed_andTheSampleKeyOpensIt() {
    byte[] text = "to the RFC's key".getBytes(StandardCharsets.UTF_8);
    PgpCertificate cert = PgpCertificate.parse(sample("a3-certificate.asc"));

    byte[] v2 = encrypt(PgpEncryptor.builder().recipient(cert).allowAead(true).build(), text);
    PgpDecryptor.DecryptionStream s = decryptor(secretKey()).open(new ByteArrayInputStream(v2));
    assertThat(EncryptDecryptTest.readAll(s)).isEqualTo(text);
    assertThat(s.result().aead()).isTrue();
    assertThat(s.result().decryptionKeyFingerprint()).isEqualToIgnoringCase(SUBKEY);

    byte[] v1 = encrypt(PgpEncryptor.builder().recipient(cert).build(), text);
    assertThat(decrypt(decryptor(secretKey()), v1)).isEqualTo(text);
  }

  static List<SignatureVerification> verify(String text, PgpCertificate cert) {
    return PgpSignatures.verify(
        new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)),
        new ByteArrayInputStream(sample("a6-signature.asc").getBytes(StandardCharsets.US_ASCII)),
        List.of(cert),
        PgpPolicy.defaults());
  }

  /** The binary packets of an armored block without a checksum line, as the RFC's samples are. */
  static byte[] dearmor(String armored) {
    String[] lines = armored.split("\n");
    StringBuilder body = new StringBuilder();
    for (int i = 2; i < lines.length && !lines[i].startsWith("-----END"); i++) {
      body.append(lines[i].trim());
    }
    return java.util.Base64.getDecoder().decode(body.toString());
  }
}
