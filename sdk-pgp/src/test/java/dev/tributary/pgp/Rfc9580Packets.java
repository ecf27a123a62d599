package dev.tributary.pgp;

import dev.tributary.testing.PgpTestKeys.TestKey;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.RSAPublicKeySpec;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.bcpg.HashAlgorithmTags;
import org.bouncycastle.bcpg.RSAPublicBCPGKey;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.generators.HKDFBytesGenerator;
import org.bouncycastle.crypto.modes.OCBBlockCipher;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.HKDFParameters;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.openpgp.PGPEncryptedDataGenerator;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.operator.bc.BcPBEKeyEncryptionMethodGenerator;
import org.bouncycastle.openpgp.operator.bc.BcPGPDataEncryptorBuilder;
import org.bouncycastle.openpgp.operator.bc.BcPGPDigestCalculatorProvider;
import org.bouncycastle.openpgp.operator.bc.BcPublicKeyKeyEncryptionMethodGenerator;

/**
 * Encrypted messages written octet by octet from RFC 9580, with a session key of the test's
 * choosing: session key packets (PKESK v3 and v6 to an RSA key, SKESK v4), encrypted data (SEIPD v1
 * with its MDC, SEIPD v2 with AES-OCB chunks, the Symmetrically Encrypted Data packet without
 * integrity protection) and the packets inside. Each part can be written wrong on purpose, as a
 * sender who holds the session key could write it: for {@link EncryptedMessageGrammarTest}. Also
 * GnuPG 2.4's own AEAD format, which no program here writes (gpg 2.4 cannot be installed): its AEAD
 * Encrypted Data packet ({@link #gnupgAead}) and the session key packets before it ({@link
 * #gnupgSessionKeyPackets}), for {@link ForeignMessageFuzzTest}.
 */
final class Rfc9580Packets {
  private Rfc9580Packets() {}

  static final int AES_128 = 7;
  static final int AES_256 = 9;
  static final int OCB = 2;
  static final int TAG_PKESK = 1;
  static final int TAG_SKESK = 3;
  static final int TAG_SED = 9;
  static final int TAG_LITERAL = 11;
  static final int TAG_SEIPD = 18;
  static final int TAG_AEAD = 20;

  /** A new-format packet of {@code tag} with a five-octet length. */
  static byte[] packet(int tag, byte[] body) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(0xC0 | tag);
    out.write(0xFF);
    for (int i = 3; i >= 0; i--) {
      out.write(body.length >>> (8 * i));
    }
    out.writeBytes(body);
    return out.toByteArray();
  }

  static byte[] concat(byte[]... parts) {
    return TrailingDataTest.concat(parts);
  }

  /** A binary literal data packet holding {@code data}, without a file name. */
  static byte[] literal(byte[] data) {
    return packet(TAG_LITERAL, concat(new byte[] {'b', 0, 0, 0, 0, 0}, data));
  }

  /** The two-octet checksum of a session key: its octets summed modulo 65536. */
  static byte[] checksum(byte[] key) {
    int sum = 0;
    for (byte b : key) {
      sum += b & 0xff;
    }
    return new byte[] {(byte) (sum >> 8), (byte) sum};
  }

  /** The encryption subkey of {@code key} (an RSA test key). */
  static PGPPublicKey rsaSubkey(TestKey key) {
    return CraftedMessagesTest.encryptionKey(key);
  }

  /** PKCS #1 v1.5 encryption of {@code info} to {@code key}, as an MPI. */
  private static byte[] rsaMpi(PGPPublicKey key, byte[] info) throws Exception {
    RSAPublicBCPGKey k = (RSAPublicBCPGKey) key.getPublicKeyPacket().getKey();
    RSAPublicKey jdk =
        (RSAPublicKey)
            KeyFactory.getInstance("RSA")
                .generatePublic(new RSAPublicKeySpec(k.getModulus(), k.getPublicExponent()));
    Cipher rsa = Cipher.getInstance("RSA/ECB/PKCS1Padding");
    rsa.init(Cipher.ENCRYPT_MODE, jdk);
    byte[] c = new BigInteger(1, rsa.doFinal(info)).toByteArray();
    int bits = new BigInteger(1, c).bitLength();
    byte[] value = c[0] == 0 ? Arrays.copyOfRange(c, 1, c.length) : c;
    return concat(new byte[] {(byte) (bits >> 8), (byte) bits}, value);
  }

  /**
   * A version 3 PKESK to {@code key} whose encrypted session info is {@code algorithm}, {@code
   * sessionKey} and {@code checksum}, each as given.
   */
  static byte[] pkeskV3(PGPPublicKey key, int algorithm, byte[] sessionKey, byte[] checksum)
      throws Exception {
    byte[] info = concat(new byte[] {(byte) algorithm}, sessionKey, checksum);
    byte[] keyId = ByteBuffer.allocate(8).putLong(key.getKeyID()).array();
    return packet(TAG_PKESK, concat(new byte[] {3}, keyId, new byte[] {1}, rsaMpi(key, info)));
  }

  static byte[] pkeskV3(PGPPublicKey key, int algorithm, byte[] sessionKey) throws Exception {
    return pkeskV3(key, algorithm, sessionKey, checksum(sessionKey));
  }

  /** A version 6 PKESK to the v4 RSA {@code key}: no algorithm octet in the session info. */
  static byte[] pkeskV6(PGPPublicKey key, byte[] sessionKey) throws Exception {
    byte[] fpr = key.getFingerprint();
    byte[] info = concat(sessionKey, checksum(sessionKey));
    return packet(
        TAG_PKESK,
        concat(new byte[] {6, (byte) (fpr.length + 1), 4}, fpr, new byte[] {1}, rsaMpi(key, info)));
  }

  /**
   * A version 4 SKESK for AES-256 with a Simple S2K (SHA-256, no salt) and no encrypted session
   * key: the S2K's output, {@link #simpleS2k}, is the session key.
   */
  static byte[] skeskSimpleS2k() {
    return packet(TAG_SKESK, new byte[] {4, AES_256, 0, 8});
  }

  /** What a Simple S2K over SHA-256 makes of {@code password} for AES-256: its SHA-256. */
  static byte[] simpleS2k(String password) throws Exception {
    return MessageDigest.getInstance("SHA-256").digest(password.getBytes(StandardCharsets.UTF_8));
  }

  /** How the MDC at the end of a SEIPD v1 packet is written. */
  enum Mdc {
    /** As RFC 9580 says: 0xD3 0x14, SHA-1 over prefix, data and those two octets. */
    RIGHT,
    /** Left out. */
    MISSING,
    /** Length 21: 0xD3 0x15, a right hash over everything before it, then one more octet. */
    LONG_HEADER,
  }

  /** SEIPD v1 with AES of {@code key}'s length: prefix, {@code inner}, the MDC as {@code mdc}. */
  static byte[] seipdV1(byte[] key, byte[] inner, Mdc mdc) throws Exception {
    byte[] plain = concat(prefix(), inner);
    if (mdc == Mdc.RIGHT) {
      plain = withMdc(plain);
    } else if (mdc == Mdc.LONG_HEADER) {
      byte[] head = concat(plain, new byte[] {(byte) 0xD3, 0x15});
      plain = concat(head, MessageDigest.getInstance("SHA-1").digest(head), new byte[] {0});
    }
    return seipdV1Raw(key, plain);
  }

  /** {@code plain} with the MDC packet over it appended. */
  static byte[] withMdc(byte[] plain) throws Exception {
    byte[] head = concat(plain, new byte[] {(byte) 0xD3, 0x14});
    return concat(head, MessageDigest.getInstance("SHA-1").digest(head));
  }

  /** SEIPD v1 whose plaintext is exactly {@code plain}: prefix and MDC are the caller's. */
  static byte[] seipdV1Raw(byte[] key, byte[] plain) throws Exception {
    return packet(TAG_SEIPD, concat(new byte[] {1}, cfb(key, new byte[16], plain)));
  }

  /** A 18-octet random prefix with its repeated octets, as SEIPD v1 and SED begin. */
  static byte[] prefix() {
    byte[] prefix = new byte[18];
    Arrays.fill(prefix, (byte) 0x5a);
    prefix[14] = prefix[16] = 1;
    prefix[15] = prefix[17] = 2;
    return prefix;
  }

  /** A Symmetrically Encrypted Data packet (type 9, no integrity protection), AES. */
  static byte[] sed(byte[] key, byte[] inner) throws Exception {
    byte[] first = cfb(key, new byte[16], prefix());
    byte[] rest = cfb(key, Arrays.copyOfRange(first, 2, 18), inner);
    return packet(TAG_SED, concat(first, rest));
  }

  private static byte[] cfb(byte[] key, byte[] iv, byte[] plain) throws Exception {
    Cipher c = Cipher.getInstance("AES/CFB/NoPadding");
    c.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new IvParameterSpec(iv));
    return c.doFinal(plain);
  }

  /** How a SEIPD v2 packet is written wrong. */
  enum V2 {
    RIGHT,
    /** The final authentication tag left out. */
    NO_FINAL_TAG,
    /** One more chunk (a right one, index after the last) after the final tag. */
    CHUNK_AFTER_FINAL_TAG,
    /** No chunk at all, only the final tag, for empty content. */
    NO_CHUNK,
  }

  /**
   * SEIPD v2, AES-OCB, chunk size octet {@code c} (the chunks are 2^(c+6) octets, at most 64 KiB
   * here whatever {@code c} says, so that an out-of-range octet is written as is), of {@code
   * inner}.
   */
  static byte[] seipdV2(byte[] key, int c, byte[] inner, V2 how) {
    return seipdV2(key, key.length == 16 ? AES_128 : AES_256, c, inner, how);
  }

  /**
   * As above, the header naming {@code cipher} (AES-128 or AES-256) whatever the session key's
   * length: the message key is derived for {@code cipher} from the session key as it is.
   */
  static byte[] seipdV2(byte[] key, int cipher, int c, byte[] inner, V2 how) {
    byte[] header = {(byte) 0xD2, 2, (byte) cipher, OCB, (byte) c};
    byte[] salt = new byte[32];
    Arrays.fill(salt, (byte) 0x33);
    HKDFBytesGenerator hkdf = new HKDFBytesGenerator(new SHA256Digest());
    hkdf.init(new HKDFParameters(key, salt, header));
    int keyLength = cipher == AES_128 ? 16 : 32;
    byte[] derived = new byte[keyLength + 15 - 8];
    hkdf.generateBytes(derived, 0, derived.length);
    byte[] messageKey = Arrays.copyOf(derived, keyLength);
    byte[] iv = Arrays.copyOfRange(derived, keyLength, derived.length);
    int chunkSize = c <= 10 ? 1 << (c + 6) : 1 << 16;
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.writeBytes(Arrays.copyOfRange(header, 1, 5));
    body.writeBytes(salt);
    long index = 0;
    for (int at = 0; at < inner.length || (at == 0 && how != V2.NO_CHUNK); at += chunkSize) {
      byte[] chunk = Arrays.copyOfRange(inner, at, Math.min(inner.length, at + chunkSize));
      body.writeBytes(ocb(messageKey, concat(iv, longBytes(index++)), header, chunk));
      if (inner.length == 0) {
        break;
      }
    }
    byte[] finalAd = concat(header, longBytes(inner.length));
    if (how != V2.NO_FINAL_TAG) {
      body.writeBytes(ocb(messageKey, concat(iv, longBytes(index)), finalAd, new byte[0]));
    }
    if (how == V2.CHUNK_AFTER_FINAL_TAG) {
      body.writeBytes(
          ocb(messageKey, concat(iv, longBytes(index + 1)), header, new byte[] {1, 2, 3}));
    }
    return packet(TAG_SEIPD, body.toByteArray());
  }

  /**
   * GnuPG 2.4's AEAD Encrypted Data packet (type 20, LibrePGP), OCB, with chunk size octet 4 and a
   * five-octet length: {@link #gnupgAead}'s body, of one chunk for the short {@code inner} it is
   * given here.
   */
  static byte[] ocbPacket(byte[] key, int cipher, byte[] inner) {
    return packet(TAG_AEAD, gnupgAeadBody(key, cipher, 4, inner));
  }

  /**
   * The AEAD Encrypted Data packet (type 20) as GnuPG 2.4 writes it (LibrePGP, section 5.16;
   * GnuPG's {@code g10/cipher-aead.c}), with OCB: the body in partial-body pieces of {@code piece}
   * octets (a power of two, at least 512), the last piece with a length of its own, as GnuPG's
   * iobuf writes a packet whose length it does not know; GnuPG writes this packet so always. Chunk
   * size octet {@code c}: GnuPG's default is 16 ({@code --chunk-size 22}, 4 MiB chunks), its least
   * 0 ({@code --chunk-size 6}, 64 octets).
   */
  static byte[] gnupgAead(byte[] key, int cipher, int c, byte[] inner, int piece) {
    return partialBodies(TAG_AEAD, gnupgAeadBody(key, cipher, c, inner), piece);
  }

  /**
   * The body of GnuPG 2.4's AEAD Encrypted Data packet: version 1, the cipher, OCB, the chunk size
   * octet and a 15-octet starting IV; then each chunk's ciphertext and 16-octet tag, and the final
   * tag (LibrePGP, 5.16). The session key is the OCB key (no HKDF, unlike SEIPD v2); a chunk's
   * nonce is the IV with the chunk's index XORed into its last 8 octets, its additional data the
   * packet's first octet (0xD4, whatever header format it is written in), version, cipher, mode,
   * chunk size octet and the 8-octet index; the final tag's the same with the next index and the
   * 8-octet plaintext length. As GnuPG does ({@code do_free}, {@code write_final_chunk}), content
   * that fills its last chunk exactly (or is empty) is followed by an empty chunk, its tag alone,
   * and the final tag then takes that empty chunk's index.
   */
  static byte[] gnupgAeadBody(byte[] key, int cipher, int c, byte[] inner) {
    byte[] header = {(byte) (0xC0 | TAG_AEAD), 1, (byte) cipher, OCB, (byte) c};
    byte[] iv = new byte[15];
    Arrays.fill(iv, (byte) 0x44);
    int chunkSize = 1 << (c + 6);
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.writeBytes(Arrays.copyOfRange(header, 1, 5));
    body.writeBytes(iv);
    long index = 0;
    int at = 0;
    for (; inner.length - at >= chunkSize; at += chunkSize) {
      byte[] chunk = Arrays.copyOfRange(inner, at, at + chunkSize);
      body.writeBytes(ocb(key, xorIndex(iv, index), concat(header, longBytes(index)), chunk));
      index++;
    }
    byte[] last = Arrays.copyOfRange(inner, at, inner.length); // empty: GnuPG's tag-only chunk
    body.writeBytes(ocb(key, xorIndex(iv, index), concat(header, longBytes(index)), last));
    index += last.length > 0 ? 1 : 0;
    byte[] finalAd = concat(header, longBytes(index), longBytes(inner.length));
    body.writeBytes(ocb(key, xorIndex(iv, index), finalAd, new byte[0]));
    return body.toByteArray();
  }

  /**
   * A new-format packet of {@code tag} whose body is written in partial-body pieces of {@code
   * piece} octets while more than that remains, then the rest with a one-, two- or five-octet
   * length (RFC 9580, 4.2.1).
   */
  static byte[] partialBodies(int tag, byte[] body, int piece) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(0xC0 | tag);
    int at = 0;
    for (; body.length - at > piece; at += piece) {
      out.write(0xE0 | Integer.numberOfTrailingZeros(piece));
      out.write(body, at, piece);
    }
    int rest = body.length - at;
    if (rest < 192) {
      out.write(rest);
    } else if (rest < 8384) {
      out.write(((rest - 192) >> 8) + 192);
      out.write(rest - 192);
    } else {
      out.write(0xFF);
      for (int i = 3; i >= 0; i--) {
        out.write(rest >>> (8 * i));
      }
    }
    out.write(body, at, rest);
    return out.toByteArray();
  }

  /**
   * The session key packets GnuPG 2.4 writes before its AEAD Encrypted Data packet, written by
   * BouncyCastle in its LibrePGP ("v5 AEAD") mode: a version 3 PKESK to each of {@code recipients}'
   * encryption keys (RSA, or ECDH on Cv25519: RFC 9580, 5.1.1 and 5.1.4), whose session info names
   * the cipher, and for each password a version 5 SKESK (LibrePGP, 5.3: OCB encrypts the session
   * key, its S2K iterated and salted over SHA-256 at coded count 96, 64 KiB, to keep the cases
   * fast). With the session key, for {@link #gnupgAead}.
   */
  record SessionKeyPackets(byte[] packets, byte[] sessionKey) {}

  static SessionKeyPackets gnupgSessionKeyPackets(
      int cipher, java.util.List<PGPPublicKey> recipients, java.util.List<String> passwords)
      throws Exception {
    PGPEncryptedDataGenerator gen =
        new PGPEncryptedDataGenerator(
            new BcPGPDataEncryptorBuilder(cipher).setWithAEAD(OCB, 6).setUseV5AEAD());
    for (PGPPublicKey key : recipients) {
      gen.addMethod(new BcPublicKeyKeyEncryptionMethodGenerator(key));
    }
    for (String password : passwords) {
      gen.addMethod(
          new BcPBEKeyEncryptionMethodGenerator(
              password.toCharArray(),
              new BcPGPDigestCalculatorProvider().get(HashAlgorithmTags.SHA256),
              96));
    }
    byte[][] key = new byte[1][];
    gen.setSessionKeyExtractionCallback(k -> key[0] = k.getKey());
    ByteArrayOutputStream message = new ByteArrayOutputStream();
    try (java.io.OutputStream out = gen.open(message, new byte[1 << 9])) {
      out.write(0);
    }
    byte[] m = message.toByteArray();
    int data = Packets.encryptedDataStart(m);
    if (Packets.tagAt(m, data) != TAG_AEAD) {
      throw new IllegalStateException("BouncyCastle wrote no AEAD Encrypted Data packet");
    }
    return new SessionKeyPackets(Arrays.copyOf(m, data), key[0]);
  }

  private static byte[] xorIndex(byte[] iv, long index) {
    byte[] nonce = iv.clone();
    byte[] i = longBytes(index);
    for (int k = 0; k < 8; k++) {
      nonce[7 + k] ^= i[k];
    }
    return nonce;
  }

  private static byte[] longBytes(long v) {
    byte[] b = new byte[8];
    for (int i = 0; i < 8; i++) {
      b[i] = (byte) (v >>> (56 - 8 * i));
    }
    return b;
  }

  private static byte[] ocb(byte[] key, byte[] nonce, byte[] ad, byte[] plain) {
    OCBBlockCipher ocb = new OCBBlockCipher(new AESEngine(), new AESEngine());
    ocb.init(true, new AEADParameters(new KeyParameter(key), 128, nonce, ad));
    byte[] out = new byte[ocb.getOutputSize(plain.length)];
    int n = ocb.processBytes(plain, 0, plain.length, out, 0);
    try {
      ocb.doFinal(out, n);
    } catch (org.bouncycastle.crypto.InvalidCipherTextException e) {
      throw new IllegalStateException(e);
    }
    return out;
  }
}
