package dev.tributary.pgp;

import static dev.tributary.pgp.DamagedInputFuzzTest.innerPackets;
import static dev.tributary.pgp.EncryptDecryptTest.encrypt;
import static dev.tributary.pgp.EncryptDecryptTest.readAll;
import static dev.tributary.pgp.EncryptDecryptTest.to;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tributary.testing.PgpTestKeys;
import dev.tributary.testing.PgpTestKeys.TestKey;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.openpgp.PGPLiteralData;
import org.bouncycastle.openpgp.PGPOnePassSignatureList;
import org.bouncycastle.openpgp.PGPSignature;
import org.bouncycastle.openpgp.PGPSignatureList;
import org.bouncycastle.openpgp.bc.BcPGPObjectFactory;
import org.junit.jupiter.api.Test;

/**
 * Text signatures (type 0x01), detached ({@link PgpSignatures#sign} with {@link
 * SignatureType#TEXT}) and inside encrypted messages ({@link PgpEncryptor.Builder#text}): they
 * cover the text with CRLF line endings, so copies with LF, CRLF or CR line endings verify alike,
 * where a binary signature verifies only the octets it was made over.
 */
class TextSignaturesTest {
  static final String LF = "Dear partner,\nline two  \n\nlast line\n";
  static final TestKey ALICE = PgpTestKeys.ALICE_RSA;

  static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  static byte[] sign(String data, SignatureType type, List<CreatedSignature> made, TestKey key) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    made.addAll(
        PgpSignatures.sign(
            new ByteArrayInputStream(utf8(data)),
            out,
            List.of(PgpKey.of(key.privateKey())),
            type,
            true));
    return out.toByteArray();
  }

  static SignatureVerification verify(String data, byte[] signature, TestKey key) {
    return PgpSignatures.verify(
            new ByteArrayInputStream(utf8(data)),
            new ByteArrayInputStream(signature),
            List.of(PgpCertificate.of(key.publicKey())),
            PgpPolicy.defaults())
        .get(0);
  }

  @Test
  void textSignature_overLfOrCrlf_verifiesEveryLineEnding() {
    for (String signed : List.of(LF, LF.replace("\n", "\r\n"))) {
      byte[] sig = sign(signed, SignatureType.TEXT, new ArrayList<>(), ALICE);
      for (String copy : List.of(LF, LF.replace("\n", "\r\n"), LF.replace("\n", "\r"))) {
        SignatureVerification v = verify(copy, sig, ALICE);
        assertThat(v.valid()).as("%s over %s", copy, signed).isTrue();
        assertThat(v.type()).isEqualTo(SignatureType.TEXT);
      }
      assertThat(verify(LF.replace("partner", "partnes"), sig, ALICE).valid()).isFalse();
    }
  }

  @Test
  void binarySignature_overTheSameText_verifiesOnlyItsOctets() {
    byte[] sig = sign(LF, SignatureType.BINARY, new ArrayList<>(), ALICE);
    SignatureVerification same = verify(LF, sig, ALICE);
    assertThat(same.valid()).isTrue();
    assertThat(same.type()).isEqualTo(SignatureType.BINARY);
    SignatureVerification crlf = verify(LF.replace("\n", "\r\n"), sig, ALICE);
    assertThat(crlf.valid()).isFalse();
    assertThat(crlf.problem()).isEqualTo("the signature does not match the data");
  }

  @Test
  void sign_saysWhatItMade_typeHashAndSigningSubkey() {
    List<CreatedSignature> made = new ArrayList<>();
    byte[] carol = sign(LF, SignatureType.TEXT, made, PgpTestKeys.CAROL_SEQUOIA);
    byte[] eve = sign(LF, SignatureType.BINARY, made, PgpTestKeys.EVE_V6);
    SignatureVerification carolVerified = verify(LF, carol, PgpTestKeys.CAROL_SEQUOIA);

    assertThat(made.get(0).keyFingerprint()).isEqualTo(PgpTestKeys.CAROL_SEQUOIA.fingerprint());
    assertThat(made.get(0).signingKeyFingerprint())
        .isEqualTo(carolVerified.signingKeyFingerprint())
        .isNotEqualTo(PgpTestKeys.CAROL_SEQUOIA.fingerprint()); // Carol signs with a subkey
    assertThat(made.get(0).type()).isEqualTo(SignatureType.TEXT);
    assertThat(made.get(0).hashAlgorithm()).isEqualTo(HashAlgorithm.SHA256); // v4 key
    assertThat(made.get(0).created()).isEqualTo(carolVerified.created());

    assertThat(made.get(1).type()).isEqualTo(SignatureType.BINARY);
    assertThat(made.get(1).hashAlgorithm()).isEqualTo(HashAlgorithm.SHA512); // v6 key
    assertThat(verify(LF, eve, PgpTestKeys.EVE_V6).valid()).isTrue();
  }

  @Test
  void encryptAsText_storesUtf8LiteralWithCrlf_andTextSignatures() throws Exception {
    byte[] message =
        encrypt(
            to(ALICE)
                .compression(Compression.NONE)
                .text(true)
                .signWith(PgpKey.of(ALICE.privateKey()))
                .build(),
            utf8(LF));
    Inner inner = Inner.of(innerPackets(message));
    assertThat((char) inner.format()).isEqualTo('u');
    assertThat(new String(inner.data(), StandardCharsets.UTF_8))
        .isEqualTo(LF.replace("\n", "\r\n"));
    assertThat(inner.onePassType()).isEqualTo(PGPSignature.CANONICAL_TEXT_DOCUMENT);
    assertThat(inner.signatureType()).isEqualTo(PGPSignature.CANONICAL_TEXT_DOCUMENT);

    PgpDecryptor.DecryptionStream s =
        EncryptDecryptTest.requiringASignature(ALICE).open(new ByteArrayInputStream(message));
    // stored with CRLF, written with this platform's LF: the text comes back as it was
    assertThat(new String(readAll(s), StandardCharsets.UTF_8)).isEqualTo(LF);
    assertThat(s.result().signatures())
        .singleElement()
        .satisfies(v -> assertThat(v.type()).isEqualTo(SignatureType.TEXT))
        .matches(SignatureVerification::valid);
  }

  @Test
  void encryptByDefault_storesBinaryLiteral_asItIs() throws Exception {
    byte[] message =
        encrypt(
            to(ALICE).compression(Compression.NONE).signWith(PgpKey.of(ALICE.privateKey())).build(),
            utf8(LF));
    Inner inner = Inner.of(innerPackets(message));
    assertThat((char) inner.format()).isEqualTo('b');
    assertThat(inner.data()).isEqualTo(utf8(LF));
    assertThat(inner.signatureType()).isEqualTo(PGPSignature.BINARY_DOCUMENT);
  }

  /** The literal data and the one signature of a signed message's inner packets. */
  record Inner(int format, byte[] data, int onePassType, int signatureType) {
    static Inner of(byte[] packets) throws Exception {
      BcPGPObjectFactory factory = new BcPGPObjectFactory(packets);
      int format = -1;
      int onePassType = -1;
      int signatureType = -1;
      byte[] data = null;
      Object o;
      while ((o = factory.nextObject()) != null) {
        if (o instanceof PGPOnePassSignatureList ops) {
          onePassType = ops.get(0).getSignatureType();
        } else if (o instanceof PGPLiteralData literal) {
          format = literal.getFormat();
          data = literal.getDataStream().readAllBytes();
        } else if (o instanceof PGPSignatureList sigs) {
          signatureType = sigs.get(0).getSignatureType();
        }
      }
      return new Inner(format, data, onePassType, signatureType);
    }
  }
}
