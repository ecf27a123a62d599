package dev.tributary.pgp;

import java.util.ArrayList;
import java.util.List;

/** Where things are in binary OpenPGP data, for tests that damage it in one place. */
final class Packets {
  private Packets() {}

  /** The tag of the packet whose header starts at {@code p}, old or new format. */
  static int tagAt(byte[] m, int p) {
    return Header.at(m, p).tag;
  }

  /** Where the body of the packet whose header starts at {@code p} starts. */
  static int bodyStart(byte[] m, int p) {
    return p + Header.at(m, p).length;
  }

  /** Where the packet whose header starts at {@code p} ends: the next one's start. */
  static int end(byte[] m, int p) {
    return Header.at(m, p).next(m, p, new ArrayList<>());
  }

  /**
   * A top-level packet: its tag, where its header starts, where its body starts, where it ends (the
   * next packet's start), and the offsets of the partial-body lengths inside it.
   */
  record Packet(int tag, int start, int body, int end, List<Integer> lengths) {}

  /** The top-level packets of binary {@code m}, as far as it can be walked. */
  static List<Packet> walk(byte[] m) {
    List<Packet> packets = new ArrayList<>();
    for (int p = 0; p < m.length; ) {
      Header h = Header.at(m, p);
      List<Integer> lengths = new ArrayList<>();
      int next = h.next(m, p, lengths);
      packets.add(new Packet(h.tag, p, p + h.length, next, List.copyOf(lengths)));
      p = next;
    }
    return packets;
  }

  /** {@code m} with {@code insert} put at offset {@code at}. */
  static byte[] insertAt(byte[] m, int at, byte[] insert) {
    byte[] out = new byte[m.length + insert.length];
    System.arraycopy(m, 0, out, 0, at);
    System.arraycopy(insert, 0, out, at, insert.length);
    System.arraycopy(m, at, out, at + insert.length, m.length - at);
    return out;
  }

  /** Where the body of the encrypted data packet (tag 18 or 20) starts, after its header. */
  static int encryptedDataBodyStart(byte[] m) {
    int p = encryptedDataStart(m);
    return p + Header.at(m, p).length;
  }

  /** Where the encrypted data packet (tag 18 or 20) starts, at its header. */
  static int encryptedDataStart(byte[] m) {
    for (int p = 0; p < m.length; ) {
      Header h = Header.at(m, p);
      if (h.tag == 18 || h.tag == 20) {
        return p;
      }
      p = h.next(m, p, new ArrayList<>());
    }
    throw new IllegalStateException("no encrypted data packet");
  }

  /**
   * The offsets where parsers are fragile: every top-level packet's header and length octets, each
   * partial-body length inside it, and the first octets of the encrypted data (version, cipher,
   * AEAD mode, chunk size). Stops at what it cannot walk.
   */
  static List<Integer> fragileOffsets(byte[] m) {
    List<Integer> offsets = new ArrayList<>();
    try {
      for (int p = 0; p < m.length; ) {
        Header h = Header.at(m, p);
        for (int i = 0; i < h.length; i++) {
          offsets.add(p + i);
        }
        if (h.tag == 18 || h.tag == 20) {
          for (int i = 0; i < 4; i++) {
            offsets.add(p + h.length + i);
          }
        }
        p = h.next(m, p, offsets);
      }
    } catch (ArrayIndexOutOfBoundsException | IllegalStateException e) {
      // Not walkable further (armor, or an indeterminate length): what was found will do.
    }
    offsets.removeIf(o -> o >= m.length);
    return offsets;
  }

  /** A packet header: its tag, its length in octets and the length of its body (or first piece). */
  private record Header(int tag, int length, long body, boolean partial) {
    static Header at(byte[] m, int p) {
      int b = m[p] & 0xff;
      if ((b & 0x80) == 0) {
        throw new IllegalStateException("not a packet header");
      }
      if ((b & 0x40) == 0) {
        int type = b & 3;
        if (type == 3) {
          throw new IllegalStateException("indeterminate length");
        }
        int octets = 1 << type;
        long body = 0;
        for (int i = 0; i < octets; i++) {
          body = (body << 8) | (m[p + 1 + i] & 0xff);
        }
        return new Header((b >> 2) & 0x0f, 1 + octets, body, false);
      }
      Length l = Length.at(m, p + 1);
      return new Header(b & 0x3f, 1 + l.octets, l.body, l.partial);
    }

    /** Where the next packet starts, adding the offsets of partial-body lengths on the way. */
    int next(byte[] m, int p, List<Integer> lengthOffsets) {
      long at = p + length + body;
      boolean more = partial;
      while (more) {
        Length l = Length.at(m, (int) at);
        for (int i = 0; i < l.octets; i++) {
          lengthOffsets.add((int) at + i);
        }
        at += l.octets + l.body;
        more = l.partial;
      }
      return (int) at;
    }
  }

  /** A new-format length: how many octets it takes, the body length, whether it is partial. */
  private record Length(int octets, long body, boolean partial) {
    static Length at(byte[] m, int p) {
      int first = m[p] & 0xff;
      if (first < 192) {
        return new Length(1, first, false);
      }
      if (first < 224) {
        return new Length(2, ((first - 192) << 8) + (m[p + 1] & 0xff) + 192L, false);
      }
      if (first == 255) {
        long body = 0;
        for (int i = 1; i <= 4; i++) {
          body = (body << 8) | (m[p + i] & 0xff);
        }
        return new Length(5, body, false);
      }
      return new Length(1, 1L << (first & 0x1f), true);
    }
  }
}
