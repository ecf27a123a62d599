package dev.tributary.pgp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tributary.testing.PgpTestKeys;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * An RSA signature whose number is malformed (zero, as long as the modulus but larger, longer than
 * the modulus) is reported as not matching its data, whichever RSA checks it (the JDK's since stop
 * 42, BouncyCastle's before: the JDK's throws for a number longer than the modulus, where
 * BouncyCastle's said no); one whose number is written with leading zero bytes is the same number,
 * and valid.
 */
class MalformedRsaSignatureTest {
  private static final int MODULUS_BYTES = 384; // ALICE_RSA: 3072 bits

  /** {@code signature} (one binary v4 packet) with its RSA number's MPI replaced by {@code mpi}. */
  private static byte[] withMpi(byte[] signature, byte[] mpi) {
    assertThat(signature[0] & 0xC0).as("a new-format packet header").isEqualTo(0xC0);
    int first = signature[1] & 0xFF;
    int bodyStart =
        first < 192 ? 2 : first < 224 ? 3 : first == 255 ? 6 : -1; // no partial lengths here
    assertThat(bodyStart).isPositive();
    byte[] body = Arrays.copyOfRange(signature, bodyStart, signature.length);
    int bits = 0;
    int at = body.length;
    // The MPI ends the packet: find the 2-byte bit count that spans exactly the rest.
    for (int p = body.length - MODULUS_BYTES - 2; p >= body.length - MODULUS_BYTES - 40; p--) {
      bits = ((body[p] & 0xFF) << 8) | (body[p + 1] & 0xFF);
      if ((bits + 7) / 8 == body.length - p - 2) {
        at = p;
        break;
      }
    }
    assertThat(at).as("the signature's MPI").isLessThan(body.length);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int length = at + mpi.length;
    out.write(0xC2);
    out.write(0xFF);
    out.write(length >>> 24);
    out.write(length >>> 16);
    out.write(length >>> 8);
    out.write(length);
    out.write(body, 0, at);
    out.write(mpi, 0, mpi.length);
    return out.toByteArray();
  }

  /** An MPI of {@code bits} declared bits followed by {@code value}, as written. */
  private static byte[] mpi(int bits, byte[] value) {
    byte[] m = new byte[2 + value.length];
    m[0] = (byte) (bits >>> 8);
    m[1] = (byte) bits;
    System.arraycopy(value, 0, m, 2, value.length);
    return m;
  }

  /** A signature whose RSA number has no leading zero byte, so its MPI is the modulus' length. */
  private static byte[] fullLength(PgpKey key) throws Exception {
    while (true) {
      byte[] sig = ShortSignatureHashTest.signature(key, HashAlgorithm.SHA256);
      int bits =
          ((sig[sig.length - MODULUS_BYTES - 2] & 0xFF) << 8)
              | (sig[sig.length - MODULUS_BYTES - 1] & 0xFF);
      if (bits == MODULUS_BYTES * 8) {
        return sig;
      }
    }
  }

  private static SignatureVerification verify(byte[] signature) throws Exception {
    PgpKey key = PgpKey.of(PgpTestKeys.ALICE_RSA.privateKey());
    return ShortSignatureHashTest.verify(ShortSignatureHashTest.DATA, signature, key.certificate());
  }

  @Test
  void malformedRsaNumbers_doNotMatchTheData() throws Exception {
    PgpKey key = PgpKey.of(PgpTestKeys.ALICE_RSA.privateKey());
    byte[] good = ShortSignatureHashTest.signature(key, HashAlgorithm.SHA256);
    assertThat(verify(good).valid()).isTrue();

    byte[] allOnes = new byte[MODULUS_BYTES];
    Arrays.fill(allOnes, (byte) 0xFF);
    byte[] longer = new byte[MODULUS_BYTES + 1];
    Arrays.fill(longer, (byte) 0x5A);
    byte[][] malformed = {
      withMpi(good, mpi(0, new byte[0])),
      withMpi(good, mpi(1, new byte[] {1})),
      withMpi(good, mpi(MODULUS_BYTES * 8, allOnes)),
      withMpi(good, mpi(longer.length * 8 - 1, longer)),
    };
    String[] names = {"zero", "one", "larger than the modulus", "longer than the modulus"};
    for (int i = 0; i < malformed.length; i++) {
      SignatureVerification v = verify(malformed[i]);
      assertThat(v.valid()).as(names[i]).isFalse();
      assertThat(v.problem()).as(names[i]).isEqualTo("the signature does not match the data");
    }
  }

  @Test
  void anRsaNumberWrittenWithLeadingZeroBytes_isTheSameNumber_andValid() throws Exception {
    PgpKey key = PgpKey.of(PgpTestKeys.ALICE_RSA.privateKey());
    byte[] good = fullLength(key);
    byte[] padded = new byte[MODULUS_BYTES + 2];
    System.arraycopy(good, good.length - MODULUS_BYTES, padded, 2, MODULUS_BYTES);
    SignatureVerification v = verify(withMpi(good, mpi(padded.length * 8, padded)));
    assertThat(v.problem()).isNull();
    assertThat(v.valid()).isTrue();
  }
}
