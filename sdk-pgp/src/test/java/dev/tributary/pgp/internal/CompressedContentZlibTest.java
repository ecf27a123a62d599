package dev.tributary.pgp.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tributary.pgp.Compression;
import dev.tributary.pgp.PgpDataException;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A ZLIB stream's Adler-32 checksum may arrive with the end of the deflate data, in the inflater's
 * input buffer, or after it, in later reads of the packet, or split between the two.
 */
class CompressedContentZlibTest {
  /** Random data, so that the deflate data spans several reads of the inflater's input buffer. */
  static final byte[] DATA = Chunks.random(7, 2 * CompressedContent.INPUT_BUFFER + (100 << 10));

  static byte[] zlib(byte[] data) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (DeflaterOutputStream z = new DeflaterOutputStream(out, new Deflater(6))) {
      z.write(data);
    }
    return out.toByteArray();
  }

  /** A stream that gives each of its pieces in a read of its own, or in several if asked less. */
  static final class Pieces extends InputStream {
    private final Deque<byte[]> pieces = new ArrayDeque<>();
    private int offset;

    Pieces(byte[]... pieces) {
      this.pieces.addAll(Arrays.asList(pieces));
    }

    @Override
    public int read() {
      byte[] piece = pieces.peek();
      return piece == null ? -1 : piece[advance(piece, 1) - 1] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) {
      byte[] piece = pieces.peek();
      if (piece == null) {
        return -1;
      }
      int start = offset;
      int n = Math.min(len, piece.length - offset);
      System.arraycopy(piece, start, b, off, n);
      advance(piece, n);
      return n;
    }

    /** Moves {@code n} octets on in {@code piece}, the current one; returns the new offset. */
    private int advance(byte[] piece, int n) {
      int end = offset + n;
      offset = end;
      if (offset == piece.length) {
        pieces.pop();
        offset = 0;
      }
      return end;
    }
  }

  /**
   * The stream in two pieces: everything up to {@code withData} octets of the checksum, then the
   * rest of the checksum octet by octet, then {@code after}.
   */
  static Pieces split(byte[] z, int withData, byte[] after) {
    int end = z.length - 4 + withData;
    Pieces p = new Pieces(Arrays.copyOf(z, end));
    for (int i = end; i < z.length; i++) {
      p.pieces.add(new byte[] {z[i]});
    }
    if (after.length > 0) {
      p.pieces.add(after);
    }
    return p;
  }

  @ParameterizedTest(name = "{0} of the checksum's octets with the deflate data")
  @ValueSource(ints = {0, 1, 2, 3, 4})
  void theChecksumSplitAnywhere_isReadAndChecked(int withData) throws Exception {
    byte[] z = zlib(DATA);
    CompressedContent c =
        CompressedContent.open(Compression.ZLIB.id(), split(z, withData, new byte[0]));
    Chunks.assertSameBytes(c.stream().readAllBytes(), DATA, "decompressed");
    c.requireEnd();

    CompressedContent extra =
        CompressedContent.open(Compression.ZLIB.id(), split(z, withData, new byte[] {0}));
    Chunks.assertSameBytes(extra.stream().readAllBytes(), DATA, "decompressed");
    assertThatThrownBy(extra::requireEnd)
        .isInstanceOf(PgpDataException.class)
        .hasMessageContaining("continues after the end of the compressed data");

    byte[] damaged = z.clone();
    damaged[z.length - 1 - (withData % 4)] ^= 0x10;
    CompressedContent bad =
        CompressedContent.open(Compression.ZLIB.id(), split(damaged, withData, new byte[0]));
    assertThatThrownBy(() -> bad.stream().readAllBytes())
        .isInstanceOf(PgpDataException.class)
        .hasMessageContaining("fails its checksum (Adler-32)");
    // Again, and at the end, rather than reading on past the checksum.
    assertThatThrownBy(() -> bad.stream().read()).hasMessageContaining("fails its checksum");
    assertThatThrownBy(bad::requireEnd).hasMessageContaining("fails its checksum");
  }

  @ParameterizedTest(name = "{0} octets of the checksum")
  @ValueSource(ints = {0, 1, 2, 3})
  void aChecksumCutShort_isTruncated_alsoWhenOnlyRequireEndReadsIt(int kept) throws Exception {
    byte[] z = zlib(DATA);
    byte[] cut = Arrays.copyOf(z, z.length - 4 + kept);
    CompressedContent c = CompressedContent.open(Compression.ZLIB.id(), new Pieces(cut));
    assertThatThrownBy(() -> c.stream().readAllBytes())
        .isInstanceOf(PgpDataException.class)
        .hasMessageContaining("ends early: it is truncated");

    // Read exactly to the end of the data, never past it: the end is checked by requireEnd.
    CompressedContent exact = CompressedContent.open(Compression.ZLIB.id(), new Pieces(cut));
    assertThat(exact.stream().readNBytes(DATA.length)).isEqualTo(DATA);
    assertThatThrownBy(exact::requireEnd)
        .isInstanceOf(PgpDataException.class)
        .hasMessageContaining("ends early: it is truncated");
  }
}
