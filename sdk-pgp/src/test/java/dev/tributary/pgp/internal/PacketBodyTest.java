package dev.tributary.pgp.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Random;
import org.bouncycastle.bcpg.BCPGOutputStream;
import org.bouncycastle.bcpg.PacketTags;
import org.junit.jupiter.api.Test;

/**
 * {@link PacketBody} against packets that BouncyCastle's {@code BCPGOutputStream} writes: with a
 * definite length in each of its encodings and with partial body lengths of several piece sizes
 * (GnuPG's 8 KiB among them, and pieces of one octet upwards written here), read in pieces of any
 * size, from a stream that gives few bytes at a time too, it returns the body and leaves the stream
 * under it at the next packet; cut anywhere inside the packet, it throws {@link EOFException}.
 */
class PacketBodyTest {
  private static final int TAG = PacketTags.SYM_ENC_INTEGRITY_PRO;
  private static final byte[] NEXT_PACKET = {(byte) 0xD5, 3, 1, 2, 3}; // a padding packet

  private static final int[] LENGTHS = {
    0, 1, 191, 192, 8383, 8384, 8385, 8191, 8192, 8193, 65_536, 100_003, 1 << 18, (1 << 18) + 7
  };

  /**
   * How the packet's length is written: definite (0), or in partial pieces of 2^power octets
   * (BouncyCastle writes no piece under 512 octets; {@link #tinyPieces_areReadToo} has smaller).
   */
  private static final int[] POWERS = {0, 9, 13, 16};

  @Test
  void readsTheBody_andStopsAtTheNextPacket_forEveryLengthAndPieceSize() throws IOException {
    Random random = new Random(31);
    for (int length : LENGTHS) {
      byte[] body = Chunks.random(length, length);
      for (int power : POWERS) {
        byte[] packet = packet(body, power);
        for (int maxRead : new int[] {1, 7, 8192, Integer.MAX_VALUE}) {
          String what = length + " octets, power " + power + ", reads of at most " + maxRead;
          InputStream under = new FewAtATime(withNextPacket(packet), maxRead);
          assertThat(under.read()).as(what).isEqualTo(0xC0 | TAG);
          PacketBody in = new PacketBody(under);

          byte[] read = Chunks.readAll(in, Chunks.oddSizes(random, 20_000));

          Chunks.assertSameBytes(read, body, what);
          assertThat(in.read()).as("%s: the end, again", what).isEqualTo(-1);
          assertThat(in.read(new byte[5], 0, 5)).as("%s: the end, again", what).isEqualTo(-1);
          assertThat(under.readAllBytes()).as("%s: after the packet", what).isEqualTo(NEXT_PACKET);
        }
      }
    }
  }

  @Test
  void readCrossesPieces_inOneCall_whenTheStreamUnderGivesAll() throws IOException {
    byte[] body = Chunks.random(3, 5 * 8192 + 100);
    InputStream under = new ByteArrayInputStream(packet(body, 13));
    under.read();
    PacketBody in = new PacketBody(under);
    byte[] read = new byte[body.length + 10];

    assertThat(in.read(read, 3, body.length + 7)).isEqualTo(body.length);
    assertThat(Arrays.copyOfRange(read, 3, 3 + body.length)).isEqualTo(body);
  }

  /**
   * Pieces of 1, 2, 4, … octets, which RFC 9580 allows after a first piece of 512 or more and
   * readers take from the start, then a last piece of each definite-length encoding.
   */
  @Test
  void tinyPieces_areReadToo() throws IOException {
    Random random = new Random(32);
    for (int last : new int[] {0, 100, 1000, 10_000}) {
      ByteArrayOutputStream packet = new ByteArrayOutputStream();
      ByteArrayOutputStream body = new ByteArrayOutputStream();
      packet.write(0xC0 | TAG);
      for (int power = 0; power <= 10; power++) {
        byte[] piece = Chunks.random(power, 1 << power);
        packet.write(0xE0 | power);
        packet.write(piece);
        body.write(piece);
      }
      byte[] rest = Chunks.random(last, last);
      if (last < 192) {
        packet.write(last);
      } else if (last < 8384) {
        packet.write(((last - 192) >> 8) + 192);
        packet.write((last - 192) & 0xff);
      } else {
        packet.write(0xFF);
        packet.write(ByteBuffer.allocate(4).putInt(last).array());
      }
      packet.write(rest);
      body.write(rest);
      packet.write(NEXT_PACKET);
      InputStream under = new ByteArrayInputStream(packet.toByteArray());
      under.read();

      byte[] read = Chunks.readAll(new PacketBody(under), Chunks.oddSizes(random, 3000));

      Chunks.assertSameBytes(read, body.toByteArray(), "tiny pieces, then " + last);
      assertThat(under.readAllBytes()).isEqualTo(NEXT_PACKET);
    }
  }

  @Test
  void aZeroLengthLastPiece_endsTheBody() throws IOException {
    byte[] body = Chunks.random(4, 512);
    ByteArrayOutputStream packet = new ByteArrayOutputStream();
    packet.write(0xC0 | TAG);
    packet.write(0xE9); // a partial piece of 2^9 octets
    packet.write(body);
    packet.write(0); // the last piece, empty
    packet.write(NEXT_PACKET);
    InputStream under = new ByteArrayInputStream(packet.toByteArray());
    under.read();

    PacketBody in = new PacketBody(under);

    assertThat(in.readAllBytes()).isEqualTo(body);
    assertThat(under.readAllBytes()).isEqualTo(NEXT_PACKET);
  }

  @Test
  void lengthOctets_areTheFirstLengthAsRead() throws IOException {
    for (int[] c :
        new int[][] {
          {100, 1, 100}, {1000, 2, 0xC3}, {100_000, 5, 0xFF}, {1 << 18, 5, 0xFF},
        }) {
      byte[] packet = packet(new byte[c[0]], 0);
      PacketBody in = new PacketBody(new ByteArrayInputStream(packet, 1, packet.length - 1));
      assertThat(in.lengthOctets())
          .as("definite length %d", c[0])
          .hasSize(c[1])
          .startsWith((byte) c[2])
          .isEqualTo(Arrays.copyOfRange(packet, 1, 1 + c[1]));
    }
    byte[] partial = packet(new byte[100_000], 13);
    assertThat(
            new PacketBody(new ByteArrayInputStream(partial, 1, partial.length - 1)).lengthOctets())
        .containsExactly(0xED);
  }

  @Test
  void aPacketCutAnywhere_throwsEOFException_whereTheDataEnds() throws IOException {
    byte[] body = Chunks.random(5, 1500);
    for (int power : new int[] {0, 9}) {
      byte[] packet = packet(body, power);
      for (int cut = 1; cut < packet.length; cut++) {
        byte[] cutPacket = Arrays.copyOf(packet, cut);
        String what = "power " + power + ", cut after " + cut + " of " + packet.length;
        assertThatThrownBy(
                () -> {
                  InputStream under = new ByteArrayInputStream(cutPacket);
                  under.read();
                  new PacketBody(under).readAllBytes();
                })
            .as(what)
            .isInstanceOf(EOFException.class);
      }
    }
  }

  @Test
  void read_ofNothing_returnsZero_andBadRangesAreRefused() throws IOException {
    byte[] packet = packet(new byte[10], 0);
    PacketBody in = new PacketBody(new ByteArrayInputStream(packet, 1, packet.length - 1));
    assertThat(in.read(new byte[4], 4, 0)).isZero();
    assertThatThrownBy(() -> in.read(new byte[4], 2, 3))
        .isInstanceOf(IndexOutOfBoundsException.class);
    assertThat(in.readAllBytes()).hasSize(10);
  }

  /**
   * The packet as BouncyCastle writes it: with its definite length (power 0), or in partial pieces
   * of 2^power octets.
   */
  private static byte[] packet(byte[] body, int power) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (OutputStream packet =
        power == 0
            ? new BCPGOutputStream(out, TAG, body.length)
            : new BCPGOutputStream(out, TAG, new byte[1 << power])) {
      packet.write(body);
    }
    byte[] bytes = out.toByteArray();
    assertThat(bytes[0]).as("a new-format header").isEqualTo((byte) (0xC0 | TAG));
    return bytes;
  }

  private static InputStream withNextPacket(byte[] packet) {
    byte[] both = Arrays.copyOf(packet, packet.length + NEXT_PACKET.length);
    System.arraycopy(NEXT_PACKET, 0, both, packet.length, NEXT_PACKET.length);
    return new ByteArrayInputStream(both);
  }

  /** Gives at most {@code max} octets per read, as a pipe or a socket may. */
  private static final class FewAtATime extends FilterInputStream {
    private final int max;

    FewAtATime(InputStream in, int max) {
      super(in);
      this.max = max;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      return in.read(b, off, Math.min(len, max));
    }
  }
}
