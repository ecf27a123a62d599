package dev.tributary.pgp.internal;

import dev.tributary.pgp.PgpDataException;
import dev.tributary.pgp.PgpDataException.Reason;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import org.bouncycastle.bcpg.BCPGInputStream;
import org.bouncycastle.bcpg.PacketTags;

/**
 * OpenPGP packets with every marker packet skipped wherever it stands (RFC 9580, section 5.8: "MUST
 * be ignored when received"), and every marker that is not exactly the three octets "PGP" refused.
 * BouncyCastle reads three octets of any marker packet and leaves the rest of its body unread, and
 * does not notice one cut off; so any bytes could follow a message, a signature or a key unread,
 * once they started with a marker's header. Give this to a {@code PGPObjectFactory} (which reads
 * from a {@link BCPGInputStream} as it is given) and it never sees a marker. Not thread-safe, like
 * any stream.
 */
class MarkerSkippingPackets extends BCPGInputStream {
  private static final byte[] MARKER = {'P', 'G', 'P'};

  MarkerSkippingPackets(InputStream source) {
    super(source);
  }

  @Override
  public int nextPacketTag() throws IOException {
    int tag;
    while ((tag = super.nextPacketTag()) == PacketTags.MARKER) {
      skipMarker();
    }
    return tag;
  }

  /** BouncyCastle's {@code nextPacketTag}, which returns a marker packet's tag like any other. */
  final int nextPacketTagWithMarkers() throws IOException {
    return super.nextPacketTag();
  }

  /**
   * Reads the marker packet whose header octet {@code nextPacketTag} has read ahead, and refuses
   * one that is not what RFC 9580 (section 5.8) says it is: the three octets "PGP". A stream that
   * ends inside it throws {@link EOFException}, as BouncyCastle's reader does.
   */
  final void skipMarker() throws IOException {
    int header = read();
    if ((header & 0x80) == 0) { // BouncyCastle derives a tag from any octet
      throw new PgpDataException(
          Reason.MALFORMED,
          "the OpenPGP data is damaged: it holds bytes that are not an OpenPGP packet");
    }
    long length;
    if ((header & 0x40) != 0) {
      int first = readOctet();
      if (first >= 224 && first < 255) {
        throw notAMarker("in partial-body pieces");
      }
      length =
          first < 192
              ? first
              : first < 255 ? ((first - 192L) << 8) + readOctet() + 192 : readOctets(4);
    } else {
      int type = header & 0x03;
      length = type == 3 ? -1 : readOctets(1 << type);
    }
    if (length != -1 && length != MARKER.length) {
      throw notAMarker("of " + length + " octets");
    }
    byte[] body = new byte[MARKER.length];
    for (int i = 0; i < body.length; i++) {
      body[i] = (byte) readOctet();
    }
    if (!Arrays.equals(body, MARKER)) {
      throw notAMarker("with other octets than \"PGP\"");
    }
    if (length == -1 && super.read() >= 0) { // an old-format length to the end of the data
      throw notAMarker("of indeterminate length that runs on after \"PGP\"");
    }
  }

  private static PgpDataException notAMarker(String what) {
    return new PgpDataException(
        Reason.MALFORMED,
        "the OpenPGP data is damaged: a marker packet (type 10) "
            + what
            + ", where RFC 9580 gives a marker packet exactly the three octets \"PGP\"");
  }

  private int readOctet() throws IOException {
    int c = super.read();
    if (c < 0) {
      throw new EOFException("the data ends inside a marker packet");
    }
    return c;
  }

  private long readOctets(int count) throws IOException {
    long value = 0;
    for (int i = 0; i < count; i++) {
      value = (value << 8) | readOctet();
    }
    return value;
  }
}
