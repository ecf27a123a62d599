package dev.tributary.pgp;

import static dev.tributary.pgp.EncryptDecryptTest.decrypt;
import static dev.tributary.pgp.EncryptDecryptTest.encrypt;
import static dev.tributary.pgp.EncryptDecryptTest.to;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tributary.pgp.PgpInlineSignatures.Mode;
import dev.tributary.testing.PgpTestKeys;
import dev.tributary.testing.PgpTestKeys.TestKey;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Date;
import org.bouncycastle.bcpg.HashAlgorithmTags;
import org.bouncycastle.bcpg.SymmetricKeyAlgorithmTags;
import org.bouncycastle.openpgp.PGPEncryptedDataGenerator;
import org.bouncycastle.openpgp.PGPLiteralDataGenerator;
import org.bouncycastle.openpgp.PGPSignature;
import org.bouncycastle.openpgp.PGPSignatureGenerator;
import org.bouncycastle.openpgp.operator.bc.BcPGPDataEncryptorBuilder;
import org.bouncycastle.openpgp.operator.bc.BcPublicKeyKeyEncryptionMethodGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The default line endings of text (literal data {@code 't'} and {@code 'u'}, stored with CRLF, RFC
 * 9580 section 5.9) on decryption and inline verification, through the API that has no say in them:
 * CR LF pairs written as LF on this (LF) platform, a lone CR and a final CR kept, signatures valid.
 * {@link TextLineEndingsTest} covers the choice.
 */
class TextLineEndingsDefaultTest {
  static final TestKey ALICE = PgpTestKeys.ALICE_RSA;
  static final TestKey BOB = PgpTestKeys.BOB_25519;

  /** CR LF pairs, a lone CR inside a line, a CR before a CR LF, and a CR as the last byte. */
  static final String TRICKY = "id,name\r\n1,a\rb\r\n2,c\r\r\n\r\n3,d\r";

  @TempDir Path dir;

  static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  static String lf(String s) {
    return s.replace("\r\n", "\n");
  }

  /**
   * A message to Alice holding {@code data} as literal data of format {@code format}, unchanged,
   * inside a one-pass text signature (0x01) by Bob when {@code signed}, as another implementation
   * might send it.
   */
  static byte[] message(char format, byte[] data, boolean signed) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PGPEncryptedDataGenerator gen =
        new PGPEncryptedDataGenerator(
            new BcPGPDataEncryptorBuilder(SymmetricKeyAlgorithmTags.AES_256)
                .setWithIntegrityPacket(true)
                .setSecureRandom(new SecureRandom()));
    gen.addMethod(
        new BcPublicKeyKeyEncryptionMethodGenerator(CraftedMessagesTest.aliceEncryptionKey()));
    try (OutputStream enc = gen.open(out, new byte[1 << 12])) {
      enc.write(signedLiteral(format, data, signed));
    }
    return out.toByteArray();
  }

  /** The literal data packet, with Bob's one-pass text signature around it when {@code signed}. */
  static byte[] signedLiteral(char format, byte[] data, boolean signed) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PGPSignatureGenerator g =
        SignaturePairingTest.generator(
            BOB, HashAlgorithmTags.SHA256, PGPSignature.CANONICAL_TEXT_DOCUMENT);
    if (signed) {
      out.write(SignaturePairingTest.onePassOf(g));
    }
    // Small partial body pieces: the text crosses many packet boundaries.
    try (OutputStream lit =
        new PGPLiteralDataGenerator().open(out, format, "", new Date(), new byte[1 << 9])) {
      lit.write(data);
    }
    if (signed) {
      g.update(data); // canonicalized by BouncyCastle, as the signature type says
      out.write(g.generate().getEncoded());
    }
    return out.toByteArray();
  }

  static PgpDecryptor.Builder alice() {
    return PgpDecryptor.builder()
        .key(PgpKey.of(ALICE.privateKey()))
        .verifyWith(PgpCertificate.of(BOB.publicKey()));
  }

  /** Reads {@code in} to its end {@code size} bytes at a time. */
  static byte[] readAll(InputStream in, int size) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buffer = new byte[size];
    int n;
    while ((n = in.read(buffer, 0, size)) >= 0) {
      out.write(buffer, 0, n);
    }
    return out.toByteArray();
  }

  @Test
  void decrypt_textWithCrLf_writesLf_byDefault() throws Exception {
    for (char format : new char[] {'u', 't'}) {
      byte[] message = message(format, bytes(TRICKY), true);
      PgpDecryptor decryptor = alice().signaturePolicy(SignaturePolicy.REQUIRED).build();
      assertThat(new String(decrypt(decryptor, message), StandardCharsets.UTF_8))
          .as("format %s", format)
          .isEqualTo(lf(TRICKY));
    }
  }

  @Test
  void decrypt_ourOwnTextMessage_givesTheLfTextBack() {
    String text = "a line\nanother line\n\nlast line\n";
    byte[] message =
        encrypt(to(ALICE).text(true).signWith(PgpKey.of(BOB.privateKey())).build(), bytes(text));
    PgpDecryptor decryptor = alice().signaturePolicy(SignaturePolicy.REQUIRED).build();
    assertThat(decrypt(decryptor, message)).isEqualTo(bytes(text));
  }

  @Test
  void inlineVerify_textMode_givesTheLfTextBack() {
    String text = "a line\nanother line\n\nlast line\n";
    byte[] message = InlineSignaturesTest.sign(bytes(text), Mode.TEXT, true, BOB);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    assertThat(InlineSignaturesTest.verify(message, out, BOB))
        .singleElement()
        .matches(SignatureVerification::valid);
    assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo(text);
  }

  @Test
  void decryptFile_textWithCrLf_writesLf_byDefault() throws Exception {
    Path source = Files.write(dir.resolve("m.gpg"), message('u', bytes(TRICKY), true));
    Path target = dir.resolve("m.csv");
    DecryptionResult r = alice().build().decryptFile(source, target);
    assertThat(Files.readString(target)).isEqualTo(lf(TRICKY));
    assertThat(r.validSignature()).isPresent();
    assertThat(r.plaintextBytes()).as("as stored").isEqualTo(bytes(TRICKY).length);
  }

  /**
   * A CR LF pair across each 64 KiB piece the conversion reads and across the message's 512-byte
   * packet pieces, read by the caller 1, 7, 4096 and 256 Ki bytes at a time: the stream gives the
   * same text whatever the boundaries.
   */
  @ParameterizedTest
  @ValueSource(ints = {1, 7, 4096, 1 << 18})
  void open_crLfAcrossEveryBoundary_readInAnySize(int readSize) throws Exception {
    StringBuilder s = new StringBuilder();
    for (int piece = 1; s.length() < (1 << 18); piece++) {
      int boundary = piece * 512; // 65536 and its multiples among them
      s.append("x".repeat(boundary - 1 - s.length())).append("\r\n");
      if (piece % 3 == 0) {
        s.append('\r'); // a lone CR right after a boundary's pair
      }
    }
    s.append('\r');
    String text = s.toString();
    byte[] message = message('u', bytes(text), true);
    try (PgpDecryptor.DecryptionStream in =
        alice()
            .signaturePolicy(SignaturePolicy.REQUIRED)
            .build()
            .open(new ByteArrayInputStream(message))) {
      assertThat(new String(readAll(in, readSize), StandardCharsets.UTF_8)).isEqualTo(lf(text));
      assertThat(in.result().plaintextBytes()).isEqualTo(text.length());
    }
  }

  @Test
  void open_singleByteReads() throws Exception {
    byte[] message = message('t', bytes(TRICKY), true);
    try (PgpDecryptor.DecryptionStream in =
        alice().build().open(new ByteArrayInputStream(message))) {
      StringBuilder s = new StringBuilder();
      int c;
      while ((c = in.read()) >= 0) {
        s.append((char) c);
      }
      assertThat(s.toString()).isEqualTo(lf(TRICKY));
      assertThat(in.result().validSignature()).isPresent();
    }
  }
}
