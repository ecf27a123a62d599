package dev.tributary.pgp.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import org.bouncycastle.bcpg.AEADEncDataPacket;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.modes.AEADBlockCipher;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.operator.bc.BcAEADUtil;

/**
 * The chunks of GnuPG's AEAD Encrypted Data packet (tag 20, LibrePGP section 5.16), as BouncyCastle
 * is to read them. When the content fills its last chunk exactly, GnuPG 2.4 writes one more chunk,
 * empty (its tag alone), and then the final tag with that empty chunk's index: {@code
 * g10/cipher-aead.c} writes the tag of the chunk in progress when the data ends ({@code do_free}),
 * even an empty one, and counts a chunk for the final tag only if it holds data ({@code
 * write_final_chunk}). BouncyCastle expects the final tag right after the last full chunk, with the
 * same index and length GnuPG's has, and took such a message for a modified one.
 *
 * <p>So this stream holds back the last 32 octets of the packet. At its end, when the octets before
 * them are one or more full chunks with their tags, the first 16 of them are GnuPG's empty chunk:
 * its tag is checked here (the empty plaintext's, with that chunk's nonce and additional data) and,
 * if it checks, left out, so that BouncyCastle finds the final tag where it expects it and checks
 * it; if it does not, the octets go on unchanged and BouncyCastle's check fails as for any other
 * damage. No other ending is taken for it: a last chunk that holds data leaves 33 to 47 octets, or
 * 16 more than a multiple of the full chunk's length, after the full chunks. An empty message (no
 * chunk before the empty one) is left as it is.
 */
final class GnupgEmptyChunk extends InputStream {
  private static final int TAG = 16;
  private static final int HELD = 2 * TAG;

  private final InputStream in;
  private final AEADEncDataPacket packet;
  private final byte[] key;
  private final long chunkLength;
  private final byte[] buffer = new byte[(8 << 10) + HELD];
  private int start;
  private int end;
  private boolean ended;
  private long handedOut;

  private GnupgEmptyChunk(InputStream in, AEADEncDataPacket packet, byte[] key, int chunkOctet) {
    this.in = in;
    this.packet = packet;
    this.key = key;
    this.chunkLength = (1L << (chunkOctet + 6)) + TAG;
  }

  /**
   * {@code ciphertext}, the chunks of {@code packet} read with the session key {@code key} (a copy,
   * which this stream zeroes), with GnuPG's empty last chunk checked and left out; as it is when
   * the chunk size octet is out of range (BouncyCastle refuses it).
   */
  static InputStream of(InputStream ciphertext, AEADEncDataPacket packet, byte[] key) {
    int octet = packet.getChunkSize() & 0xff;
    if (octet > 56) {
      Arrays.fill(key, (byte) 0);
      return ciphertext;
    }
    return new GnupgEmptyChunk(ciphertext, packet, key, octet);
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    int n = read(one, 0, 1);
    return n < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    if (len == 0) {
      return 0;
    }
    while (true) {
      int ready = end - start - (ended ? 0 : HELD);
      if (ready > 0) {
        int n = Math.min(len, ready);
        System.arraycopy(buffer, start, b, off, n);
        start += n;
        handedOut += n;
        return n;
      }
      if (ended) {
        return -1;
      }
      fill();
    }
  }

  private void fill() throws IOException {
    if (start > 0) {
      System.arraycopy(buffer, start, buffer, 0, end - start);
      end -= start;
      start = 0;
    }
    int n = in.read(buffer, end, buffer.length - end);
    if (n < 0) {
      ended = true;
      dropEmptyChunk();
    } else {
      end += n;
    }
  }

  private void dropEmptyChunk() {
    long before = handedOut + (end - start) - HELD;
    if (end - start < HELD || before < chunkLength || before % chunkLength != 0) {
      return;
    }
    if (emptyChunkChecks(end - HELD, before / chunkLength)) {
      System.arraycopy(buffer, end - TAG, buffer, end - HELD, TAG);
      end -= TAG;
    }
    Arrays.fill(key, (byte) 0);
  }

  /** Whether the 16 octets at {@code at} are the tag of an empty chunk of this {@code index}. */
  private boolean emptyChunkChecks(int at, long index) {
    byte[] nonce = packet.getIV().clone();
    byte[] ad = Arrays.copyOf(packet.getAAData(), 13);
    for (int i = 0; i < 8; i++) {
      byte octet = (byte) (index >>> (56 - 8 * i));
      nonce[nonce.length - 8 + i] ^= octet; // the index XORed into the IV's last 8 octets
      ad[5 + i] = octet;
    }
    try {
      AEADBlockCipher cipher =
          BcAEADUtil.createAEADCipher(packet.getAlgorithm(), packet.getAEADAlgorithm());
      cipher.init(false, new AEADParameters(new KeyParameter(key), 8 * TAG, nonce, ad));
      byte[] out = new byte[cipher.getOutputSize(TAG)];
      cipher.doFinal(out, cipher.processBytes(buffer, at, TAG, out, 0));
      return true;
    } catch (PGPException | InvalidCipherTextException | RuntimeException e) {
      return false; // not the tag: BouncyCastle reads the octets as they are, and refuses them
    }
  }

  @Override
  public void close() throws IOException {
    Arrays.fill(key, (byte) 0);
    in.close();
  }
}
