package dev.tributary.pgp;

import static dev.tributary.pgp.EncryptDecryptTest.TEXT;
import static dev.tributary.pgp.EncryptDecryptTest.readAll;
import static dev.tributary.pgp.SignaturePairingTest.binary;
import static dev.tributary.pgp.SignaturePairingTest.onePassOf;
import static dev.tributary.pgp.TrailingDataTest.concat;
import static dev.tributary.pgp.TrailingDataTest.encryptedToAlice;
import static dev.tributary.pgp.TrailingDataTest.literalDataPacket;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tributary.testing.PgpTestKeys;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.openpgp.PGPSignatureGenerator;
import org.junit.jupiter.api.Test;

/**
 * Every signature by a verification key is checked over all of a message's data, so a crafted
 * message naming that key again and again would multiply the work of its decryption: more than 16
 * are refused, unless signatures are ignored.
 */
class SignatureLimitTest {
  /**
   * {@code n} one-pass signatures by Bob, nested around the literal data, encrypted to Alice: one
   * signature {@code n} times (each one-pass signature is checked on its own all the same).
   */
  static byte[] signedByBob(int n) throws Exception {
    PGPSignatureGenerator g = binary(PgpTestKeys.BOB_25519);
    byte[] onePass = onePassOf(g);
    g.update(TEXT);
    byte[] signature = g.generate().getEncoded();
    List<byte[]> parts = new ArrayList<>(java.util.Collections.nCopies(n, onePass));
    parts.add(literalDataPacket(TEXT));
    parts.addAll(java.util.Collections.nCopies(n, signature));
    return encryptedToAlice(concat(parts.toArray(new byte[0][])));
  }

  @Test
  void sixteenSignatures_areChecked() throws Exception {
    PgpDecryptor.DecryptionStream s =
        SignaturePairingTest.decryptor(SignaturePolicy.REQUIRED)
            .open(new ByteArrayInputStream(signedByBob(16)));
    assertThat(readAll(s)).isEqualTo(TEXT);
    assertThat(s.result().signatures()).hasSize(16).allMatch(SignatureVerification::valid);
  }

  @Test
  void seventeen_areRefused_unlessSignaturesAreIgnored() throws Exception {
    byte[] message = signedByBob(17);
    for (SignaturePolicy policy : List.of(SignaturePolicy.REQUIRED, SignaturePolicy.OPTIONAL)) {
      assertThatThrownBy(
              () ->
                  readAll(
                      SignaturePairingTest.decryptor(policy)
                          .open(new ByteArrayInputStream(message))))
          .isInstanceOfSatisfying(
              PgpDataException.class,
              e -> assertThat(e.reason()).isEqualTo(PgpDataException.Reason.UNSUPPORTED))
          .hasMessageStartingWith(
              "the message holds more than 16 signatures by the verification certificates' keys");
    }
    PgpDecryptor.DecryptionStream s =
        SignaturePairingTest.decryptor(SignaturePolicy.IGNORED)
            .open(new ByteArrayInputStream(message));
    assertThat(readAll(s)).isEqualTo(TEXT);
  }
}
