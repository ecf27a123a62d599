package dev.tributary.pgp.internal;

/** The packet type that a packet's first octet announces. */
final class PacketTag {
  private PacketTag() {}

  /**
   * The packet type of the packet whose header begins with {@code firstOctet} (0–255), in either
   * header format (RFC 9580, section 4.2): the low six bits in the OpenPGP format (bit 6 set), bits
   * 5–2 in the legacy one. The caller has checked bit 7, which every packet header sets.
   */
  static int of(int firstOctet) {
    return (firstOctet & 0x40) != 0 ? firstOctet & 0x3f : (firstOctet >> 2) & 0x0f;
  }
}
