package dev.tributary.pgp.internal;

import dev.tributary.pgp.PgpDataException;
import dev.tributary.pgp.PgpDataException.Reason;
import dev.tributary.pgp.PgpIntegrityException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import org.bouncycastle.bcpg.BCPGInputStream;
import org.bouncycastle.bcpg.Packet;
import org.bouncycastle.bcpg.PacketTags;
import org.bouncycastle.bcpg.SymmetricEncIntegrityPacket;
import org.jspecify.annotations.Nullable;

/**
 * The top-level packets of a message, with every marker packet skipped wherever it stands and
 * checked ({@link MarkerSkippingPackets}). BouncyCastle skips one only before the first packet of a
 * message; between the session key packets and the encrypted data it fails. Skipping here, in the
 * packet reader that {@code PGPEncryptedDataList} asks for its packets, keeps the stream as it is:
 * nothing is buffered, and the packets inside the encrypted data are read by BouncyCastle's own
 * readers, untouched.
 *
 * <p>Anything else between the session key packets and the encrypted data (a padding packet, a user
 * ID, the end of the data) is refused as {@link Reason#MALFORMED}, in our words rather than
 * BouncyCastle's, which name its classes. So is anything but marker and padding packets after the
 * encrypted data ({@link #requireEnd}), an armored message that ends without its footer line, and
 * anything but blank lines after the footer. More than {@link SessionKeys#MAX_PACKETS} session key
 * packets are refused as {@link Reason#UNSUPPORTED} as they are read. Not thread-safe, like any
 * stream.
 *
 * <p>The body of a version 1 Symmetrically Encrypted Integrity Protected Data packet, the bulk of a
 * message, is read by {@link PacketBody} ({@link #seipdV1Body}) rather than by BouncyCastle, which
 * gets a packet of the version octet alone. Any version but 1 and 2 is a changed octet, and fails
 * as {@link PgpIntegrityException}.
 */
final class TopLevelPackets extends MarkerSkippingPackets {
  private static final String CONTINUES = "the message continues after its encrypted data: ";

  private final InputStream source;
  private boolean afterSessionKey;
  private int sessionKeyPackets;
  private boolean inEncryptedData;
  private @Nullable PacketBody seipdV1Body;
  private int seipdVersion = -1;

  /** The last octet {@link #read()} returned: after {@code nextPacketTag}, the header octet. */
  private int lastRead = -1;

  /**
   * @param source the binary packets, or the de-armored packets of {@link ArmorDecoder}
   */
  TopLevelPackets(InputStream source) {
    super(source);
    this.source = source;
  }

  // BouncyCastle's nextPacketTag reads the header octet through this method.
  @Override
  public int read() throws IOException {
    lastRead = super.read();
    return lastRead;
  }

  /**
   * Reads what follows the encrypted data, whose packet has been read to its end, and refuses
   * anything but marker and padding packets (RFC 9580, section 10.3), armor that ended without its
   * footer line and, after the footer, anything but blank lines.
   */
  void requireEnd() throws IOException {
    try {
      int tag;
      while ((tag = nextPacketTagWithMarkers()) >= 0) {
        // The header octet nextPacketTag just read: BouncyCastle derives a tag from any octet.
        if ((lastRead & 0x80) == 0) {
          throw new PgpDataException(
              Reason.MALFORMED, CONTINUES + "bytes that are not an OpenPGP packet follow it");
        }
        if (tag == PacketTags.MARKER) {
          skipMarker();
        } else if (tag == PacketTags.PADDING) {
          super.readPacket();
        } else {
          throw new PgpDataException(
              Reason.MALFORMED, CONTINUES + "a packet (type " + tag + ") follows it");
        }
      }
    } catch (SourceFailure | PgpDataException e) {
      throw e;
    } catch (IOException | RuntimeException e) {
      throw ParseFailures.malformed("what follows the encrypted data", e);
    }
    ArmorDecoder.require(source, "the message");
    ArmorDecoder.requireOnlyBlankAfter(source, "the message");
  }

  @Override
  public Packet readPacket() throws IOException {
    int tag = nextPacketTag();
    boolean sessionKey =
        tag == PacketTags.PUBLIC_KEY_ENC_SESSION || tag == PacketTags.SYMMETRIC_KEY_ENC_SESSION;
    if (afterSessionKey && !sessionKey && !isEncryptedData(tag)) {
      throw new PgpDataException(Reason.MALFORMED, unexpected(tag));
    }
    if (sessionKey && ++sessionKeyPackets > SessionKeys.MAX_PACKETS) {
      // Before BouncyCastle reads them all into its list.
      throw new PgpDataException(
          Reason.UNSUPPORTED,
          "the message has more than "
              + SessionKeys.MAX_PACKETS
              + " session key packets (recipients and passwords), more than any real message:"
              + " refused as a likely attempt to exhaust the CPU or memory");
    }
    afterSessionKey = sessionKey;
    inEncryptedData = isEncryptedData(tag);
    return tag == PacketTags.SYM_ENC_INTEGRITY_PRO ? readIntegrityProtected() : super.readPacket();
  }

  /**
   * A Symmetrically Encrypted Integrity Protected Data packet. For version 1 BouncyCastle parses a
   * packet of the version octet alone, and the rest of the body is {@link #seipdV1Body}; any other
   * version (2, or one BouncyCastle refuses) it reads whole, from its header octet again.
   */
  private Packet readIntegrityProtected() throws IOException {
    int header = read(); // the header octet, which nextPacketTag has read ahead
    PacketBody body = new PacketBody(source);
    int version = body.read();
    seipdVersion = version;
    if (version == SymmetricEncIntegrityPacket.VERSION_1) {
      seipdV1Body = body;
      byte[] versionOnly = {(byte) header, 1, (byte) version};
      return new BCPGInputStream(new ByteArrayInputStream(versionOnly)).readPacket();
    }
    if (version >= 0 && version != SymmetricEncIntegrityPacket.VERSION_2) {
      // No other version exists. BouncyCastle reads any but 2 as version 1, and a given session
      // key then opened the message: the MDC does not cover this octet.
      throw new PgpIntegrityException(
          new IntegrityFailure("the encrypted data packet has version " + version));
    }
    ByteArrayOutputStream again = new ByteArrayOutputStream();
    again.write(header);
    again.write(body.lengthOctets());
    if (version >= 0) {
      again.write(version);
    }
    InputStream packet =
        new SequenceInputStream(new ByteArrayInputStream(again.toByteArray()), source);
    return new BCPGInputStream(packet).readPacket();
  }

  /**
   * The body of the version 1 encrypted data packet after its version octet, the ciphertext; null
   * if the packet read was another.
   */
  @Nullable InputStream seipdV1Body() {
    return seipdV1Body;
  }

  /** The version of the SEIPD packet read (1 or 2), or -1 if the encrypted data is another. */
  int seipdVersion() {
    return seipdVersion;
  }

  /**
   * Whether the last packet read is the encrypted data, whose first octets (its version; for v2
   * also the cipher, AEAD mode, chunk size and salt) BouncyCastle reads with the header: data that
   * ends there is a truncated message, and fails the integrity check like one cut later.
   */
  boolean inEncryptedData() {
    return inEncryptedData;
  }

  private static boolean isEncryptedData(int tag) {
    return tag == PacketTags.SYM_ENC_INTEGRITY_PRO
        || tag == PacketTags.AEAD_ENC_DATA
        || tag == PacketTags.SYMMETRIC_KEY_ENC;
  }

  private static String unexpected(int tag) {
    if (tag < 0) {
      return "the OpenPGP data ends after the session key packets, before the encrypted data:"
          + " it is truncated";
    }
    String packet = tag == PacketTags.PADDING ? "a padding packet" : "a packet";
    return "the OpenPGP data is damaged: "
        + packet
        + " (type "
        + tag
        + ") stands where the encrypted data should follow the session key packets";
  }
}
