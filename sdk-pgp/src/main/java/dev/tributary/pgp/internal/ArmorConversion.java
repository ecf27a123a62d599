package dev.tributary.pgp.internal;

import dev.tributary.pgp.PgpDataException;
import dev.tributary.pgp.PgpDataException.Reason;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Locale;
import org.bouncycastle.bcpg.PacketTags;

/**
 * Converts OpenPGP data between ASCII armor and binary, streaming: {@link ArmorDetection#anyKind}
 * reads either form, {@link ArmorEncoder} writes armor. Armor that is read is checked as it is
 * decoded (base64, checksum, footer) and never copied as text; armored blocks one after another are
 * read as their packets one after another. Stateless.
 */
public final class ArmorConversion {
  private static final String SUBJECT = "the input";

  private ArmorConversion() {}

  /**
   * Writes the packets of {@code source}, binary or armored, to {@code target} as armor labelled
   * after the first packet; {@code target} is flushed, neither stream closed.
   *
   * @throws PgpDataException if {@code source} is not OpenPGP data, or its armor is damaged
   * @throws IOException if reading or writing fails
   */
  public static void armor(InputStream source, OutputStream target) throws IOException {
    try {
      InputStream packets = ArmorDetection.anyKind(SourceFailure.guard(source));
      byte[] buf = new byte[1 << 16];
      int n = first(packets, buf);
      ArmorEncoder armor = new ArmorEncoder(target, block(buf[0]));
      armor.write(buf, 0, n);
      copy(packets, armor, buf);
      armor.close(); // the footer, only once all of the input was read and found whole
    } catch (ArmorDecoder.Damage e) {
      throw new PgpDataException(Reason.MALFORMED, e.getMessage(), e);
    }
  }

  /**
   * Writes the packets of {@code source}, armored or binary, to {@code target} as binary; {@code
   * target} is flushed, neither stream closed.
   *
   * @throws PgpDataException if {@code source} is not OpenPGP data, or its armor is damaged
   * @throws IOException if reading or writing fails
   */
  public static void dearmor(InputStream source, OutputStream target) throws IOException {
    try {
      InputStream packets = ArmorDetection.anyKind(SourceFailure.guard(source));
      byte[] buf = new byte[1 << 16];
      target.write(buf, 0, first(packets, buf));
      copy(packets, target, buf);
      target.flush();
    } catch (ArmorDecoder.Damage e) {
      throw new PgpDataException(Reason.MALFORMED, e.getMessage(), e);
    }
  }

  /** Reads the first octets of {@code packets} into {@code buf}, which must begin a packet. */
  private static int first(InputStream packets, byte[] buf) throws IOException {
    int n = packets.readNBytes(buf, 0, 1);
    if (n == 0) {
      ArmorDecoder.require(packets, SUBJECT);
      throw new PgpDataException(
          Reason.NOT_OPENPGP, "the armored block is empty: it holds no OpenPGP data");
    }
    int octet = buf[0] & 0xff;
    if ((octet & 0x80) == 0 || PacketTag.of(octet) == 0) {
      throw new PgpDataException(
          Reason.NOT_OPENPGP,
          String.format(
              Locale.ROOT,
              "the input is not OpenPGP data: the first octet of its data (0x%02X) does not begin an"
                  + " OpenPGP packet",
              octet));
    }
    return n + Math.max(0, packets.read(buf, 1, buf.length - 1));
  }

  /**
   * Copies the rest of {@code packets} to {@code out}, then the packets of each armored block that
   * follows; refuses armor that ended without its footer, or is followed by anything else.
   */
  private static void copy(InputStream packets, OutputStream out, byte[] buf) throws IOException {
    InputStream block = packets;
    while (block != null) {
      int n;
      while ((n = block.read(buf, 0, buf.length)) >= 0) {
        out.write(buf, 0, n);
      }
      ArmorDecoder.require(block, SUBJECT);
      block = ArmorDetection.nextBlock(block, SUBJECT);
    }
  }

  /**
   * The armor label for data whose first packet begins with {@code octet}, as the Stateless OpenPGP
   * draft chooses it: a private key, a public key, a signature, or else a message.
   */
  private static String block(byte octet) {
    return switch (PacketTag.of(octet & 0xff)) {
      case PacketTags.SECRET_KEY -> "PRIVATE KEY BLOCK";
      case PacketTags.PUBLIC_KEY -> "PUBLIC KEY BLOCK";
      case PacketTags.SIGNATURE -> "SIGNATURE";
      default -> "MESSAGE";
    };
  }
}
