package dev.tributary.testing;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Crafts OpenPGP RSA signatures whose number is malformed, for tests that a verifier reports them
 * as not matching their data (as sqop does) rather than failing otherwise: from one well-formed
 * binary v4 RSA signature packet, the same packet with its RSA number (the MPI that ends it)
 * replaced. Bytes in, bytes out, so that any host can feed them to its verifier: the library's API,
 * a {@code sop} runner, sqop.
 *
 * <pre>{@code
 * for (Map.Entry<String, byte[]> m : MalformedRsaSignatures.of(signature, modulus).entrySet()) {
 *   // verify m.getValue(): "the signature does not match the data", whatever m.getKey() names
 * }
 * }</pre>
 */
public final class MalformedRsaSignatures {
  private MalformedRsaSignatures() {}

  /**
   * {@code signature}, one binary v4 RSA signature packet by the key whose modulus is {@code
   * modulus}, with each malformed RSA number, by its name: zero, one, equal to the modulus, as long
   * as the modulus but larger, longer than the modulus.
   *
   * @throws IllegalArgumentException if {@code signature} is not such a packet
   */
  public static Map<String, byte[]> of(byte[] signature, BigInteger modulus) {
    int bytes = (modulus.bitLength() + 7) / 8;
    byte[] allOnes = new byte[bytes];
    Arrays.fill(allOnes, (byte) 0xFF);
    byte[] longer = new byte[bytes + 1];
    Arrays.fill(longer, (byte) 0x5A);
    byte[] n = modulus.toByteArray();
    byte[] unsigned = n[0] == 0 ? Arrays.copyOfRange(n, 1, n.length) : n;
    Map<String, byte[]> malformed = new LinkedHashMap<>();
    malformed.put("zero", withNumber(signature, 0, new byte[0]));
    malformed.put("one", withNumber(signature, 1, new byte[] {1}));
    malformed.put("equal to the modulus", withNumber(signature, modulus.bitLength(), unsigned));
    malformed.put("larger than the modulus", withNumber(signature, bytes * 8, allOnes));
    malformed.put("longer than the modulus", withNumber(signature, longer.length * 8 - 1, longer));
    return malformed;
  }

  /**
   * {@code signature} (one binary v4 RSA signature packet, new format) with its RSA number written
   * as {@code bits} declared bits followed by {@code value}, as given: one written with leading
   * zero bytes is well-formed.
   *
   * @throws IllegalArgumentException if {@code signature} is not such a packet
   */
  public static byte[] withNumber(byte[] signature, int bits, byte[] value) {
    if ((signature[0] & 0xC0) != 0xC0) {
      throw new IllegalArgumentException("not a new-format packet header");
    }
    int first = signature[1] & 0xFF;
    int bodyStart =
        first < 192 ? 2 : first < 224 ? 3 : first == 255 ? 6 : -1; // no partial lengths here
    if (bodyStart < 0) {
      throw new IllegalArgumentException("a partial packet length");
    }
    byte[] body = Arrays.copyOfRange(signature, bodyStart, signature.length);
    if (body.length < 6 || body[0] != 4 || (body[2] != 1 && body[2] != 3)) {
      throw new IllegalArgumentException("not a v4 RSA signature");
    }
    // version, type, algorithms, the hashed subpackets, the unhashed ones, the hash's left 16 bits
    int hashed = ((body[4] & 0xFF) << 8) | (body[5] & 0xFF);
    int unhashedAt = 6 + hashed;
    int at =
        unhashedAt + 2 + (((body[unhashedAt] & 0xFF) << 8) | (body[unhashedAt + 1] & 0xFF)) + 2;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int length = at + 2 + value.length;
    out.write(0xC2);
    out.write(0xFF);
    out.write(length >>> 24);
    out.write(length >>> 16);
    out.write(length >>> 8);
    out.write(length);
    out.write(body, 0, at);
    out.write(bits >>> 8);
    out.write(bits);
    out.write(value, 0, value.length);
    return out.toByteArray();
  }

  /**
   * {@code message}, a one-pass signed message that ends with its one signature packet {@code
   * signature} (binary, as written), with that packet replaced by {@code replacement}.
   *
   * @throws IllegalArgumentException if {@code message} does not end with {@code signature}
   */
  public static byte[] inOnePassSignedMessage(
      byte[] message, byte[] signature, byte[] replacement) {
    int end = message.length - signature.length;
    if (end < 0 || !Arrays.equals(message, end, message.length, signature, 0, signature.length)) {
      throw new IllegalArgumentException("the message does not end with the signature");
    }
    byte[] replaced = Arrays.copyOf(message, end + replacement.length);
    System.arraycopy(replacement, 0, replaced, end, replacement.length);
    return replaced;
  }

  /**
   * {@code message}, a cleartext-signed one, with its signature block replaced by {@code
   * armoredSignature}, an armored signature.
   *
   * @throws IllegalArgumentException if {@code message} holds no signature block
   */
  public static byte[] inCleartextSignedMessage(byte[] message, byte[] armoredSignature) {
    String text = new String(message, StandardCharsets.US_ASCII);
    int block = text.indexOf("-----BEGIN PGP SIGNATURE-----");
    if (block < 0) {
      throw new IllegalArgumentException("the message holds no signature block");
    }
    byte[] replaced = Arrays.copyOf(message, block + armoredSignature.length);
    System.arraycopy(armoredSignature, 0, replaced, block, armoredSignature.length);
    return replaced;
  }
}
