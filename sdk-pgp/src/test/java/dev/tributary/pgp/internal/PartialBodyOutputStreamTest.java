package dev.tributary.pgp.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.IntSupplier;
import org.bouncycastle.bcpg.BCPGInputStream;
import org.bouncycastle.bcpg.InputStreamPacket;
import org.bouncycastle.bcpg.PacketTags;
import org.junit.jupiter.api.Test;

/**
 * {@link PartialBodyOutputStream}: for body lengths on each side of every length-encoding boundary
 * (one octet to 191, two to 8383, five above; 256 KiB pieces) and however the writes are split,
 * BouncyCastle's packet reader gives back the body, and nothing follows the packet. The packet is a
 * Symmetrically Encrypted Data packet (tag 9) because BouncyCastle reads its body as raw bytes.
 */
class PartialBodyOutputStreamTest {
  private static final int PIECE = 1 << 18;
  private static final int TAG = PacketTags.SYMMETRIC_KEY_ENC;

  private static final int[] LENGTHS = {
    0,
    1,
    191,
    192,
    8383,
    8384,
    8385,
    PIECE - 1,
    PIECE,
    PIECE + 1,
    PIECE + 191,
    PIECE + 192,
    PIECE + 8384,
    2 * PIECE,
    3 * PIECE + 5,
    // and a few anywhere:
    90_001,
    2 * PIECE + 140_017,
    4 * PIECE - 3
  };

  /** How the body is cut into writes. */
  private enum Split {
    ONE_BYTE_AT_A_TIME,
    ODD_SIZES,
    WHOLE_PIECES,
    ONE_BYTE_THEN_WHOLE_PIECES,
    ALL_AT_ONCE;

    IntSupplier sizes(Random random) {
      return switch (this) {
        case ONE_BYTE_AT_A_TIME -> () -> 1;
        case ODD_SIZES -> Chunks.oddSizes(random, 300_000);
        case WHOLE_PIECES -> () -> PIECE;
        case ONE_BYTE_THEN_WHOLE_PIECES -> {
          boolean[] first = {true};
          yield () -> first[0] && !(first[0] = false) ? 1 : PIECE;
        }
        case ALL_AT_ONCE -> () -> Integer.MAX_VALUE;
      };
    }
  }

  @Test
  void bouncyCastleReadsTheBody_forEveryLengthAndSplit() throws Exception {
    Random random = new Random(12);
    for (int length : LENGTHS) {
      byte[] body = Chunks.random(length, length);
      for (Split split : Split.values()) {
        byte[] packet = packet(body, split.sizes(random));
        String what = length + " bytes written " + split;

        assertThat(packet[0]).as("header of %s", what).isEqualTo((byte) (0xC0 | TAG));
        if (length >= PIECE) {
          assertThat(packet[1]).as("first length of %s", what).isEqualTo((byte) 0xF2);
        }
        assertThat(packet.length).as("size of %s", what).isEqualTo(expectedSize(length));

        BCPGInputStream in = new BCPGInputStream(new ByteArrayInputStream(packet));
        assertThat(in.nextPacketTag()).isEqualTo(TAG);
        InputStreamPacket read = (InputStreamPacket) in.readPacket();
        Chunks.assertSameBytes(read.getInputStream().readAll(), body, what);
        assertThat(in.nextPacketTag()).as("after the packet of %s", what).isEqualTo(-1);
      }
    }
  }

  /** 1 header octet; each full piece with its length octet; the rest with its definite length. */
  private static int expectedSize(int length) {
    int rest = length % PIECE;
    int lengthOctets = rest < 192 ? 1 : rest < 8384 ? 2 : 5;
    return 1 + length / PIECE * (1 + PIECE) + lengthOctets + rest;
  }

  /** Records each write's array and range as given, and the bytes. */
  private static final class RecordingTarget extends ByteArrayOutputStream {
    final List<byte[]> arrays = new ArrayList<>();
    final List<int[]> ranges = new ArrayList<>();

    @Override
    public synchronized void write(byte[] b, int off, int len) {
      arrays.add(b);
      ranges.add(new int[] {off, len});
      super.write(b, off, len);
    }
  }

  @Test
  void writeWithHeadroom_sendsAWholePieceInOneWrite_fromTheCallersArray() throws IOException {
    byte[] data = Chunks.random(21, 1 + PIECE);
    data[0] = 0x55; // the free byte in front
    RecordingTarget out = new RecordingTarget();
    PartialBodyOutputStream body = new PartialBodyOutputStream(out, TAG);
    int before = out.arrays.size();
    body.writeWithHeadroom(data, 1, PIECE);

    assertThat(out.arrays).hasSize(before + 1);
    assertThat(out.arrays.get(before)).as("the caller's own array, not a copy").isSameAs(data);
    assertThat(out.ranges.get(before)).containsExactly(0, 1 + PIECE);
    assertThat(data[0]).as("the length octet, in the free byte").isEqualTo((byte) 0xF2);

    body.close();
    byte[] expected = packet(Arrays.copyOfRange(data, 1, 1 + PIECE), () -> PIECE);
    assertThat(out.toByteArray()).isEqualTo(expected);
  }

  @Test
  void writeWithHeadroom_copiesLikeWrite_whenNotAWholePieceOrBytesAreBuffered() throws IOException {
    Random random = new Random(22);
    for (int[] firstAndLength : new int[][] {{0, PIECE - 1}, {0, PIECE + 1}, {5, PIECE}}) {
      byte[] head = Chunks.random(23, firstAndLength[0]);
      byte[] data = Chunks.random(24, 1 + firstAndLength[1]);
      byte[] untouched = data.clone();
      RecordingTarget out = new RecordingTarget();
      PartialBodyOutputStream body = new PartialBodyOutputStream(out, TAG);
      body.write(head);
      body.writeWithHeadroom(data, 1, firstAndLength[1]);
      body.close();

      assertThat(data).as("the free byte is left alone").isEqualTo(untouched);
      byte[] all = new byte[head.length + firstAndLength[1]];
      System.arraycopy(head, 0, all, 0, head.length);
      System.arraycopy(data, 1, all, head.length, firstAndLength[1]);
      assertThat(out.toByteArray())
          .as("%d buffered, %d written", head.length, firstAndLength[1])
          .isEqualTo(packet(all, Chunks.oddSizes(random, 300_000)));
    }
  }

  @Test
  void header_isNewFormat_forAnyTag() throws IOException {
    for (int tag :
        new int[] {
          PacketTags.COMPRESSED_DATA, PacketTags.LITERAL_DATA, PacketTags.SYM_ENC_INTEGRITY_PRO
        }) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      new PartialBodyOutputStream(out, tag).close();
      assertThat(out.toByteArray()).as("tag %d", tag).containsExactly(0xC0 | tag, 0);
    }
  }

  @Test
  void close_endsThePacketOnce_leavesTheTargetOpen_andLaterWritesFail() throws IOException {
    boolean[] targetClosed = {false};
    ByteArrayOutputStream out =
        new ByteArrayOutputStream() {
          @Override
          public void close() {
            targetClosed[0] = true;
          }
        };
    PartialBodyOutputStream body = new PartialBodyOutputStream(out, TAG);
    body.write(new byte[10]);
    body.close();
    byte[] packet = out.toByteArray();
    body.close();

    assertThat(out.toByteArray()).isEqualTo(packet).hasSize(12);
    assertThat(targetClosed[0]).isFalse();
    assertThatThrownBy(() -> body.write(1))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("finished");
  }

  private static byte[] packet(byte[] body, IntSupplier sizes) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (OutputStream packet = new PartialBodyOutputStream(out, TAG)) {
      Chunks.write(packet, body, sizes);
    }
    return out.toByteArray();
  }
}
