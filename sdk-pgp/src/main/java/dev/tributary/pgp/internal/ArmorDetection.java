package dev.tributary.pgp.internal;

import dev.tributary.pgp.PgpDataException;
import dev.tributary.pgp.PgpDataException.Reason;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** Tells binary OpenPGP data from ASCII armor, and anything else from both. */
final class ArmorDetection {
  private static final int PEEK = 64;

  private ArmorDetection() {}

  /**
   * A stream of the binary packets of {@code source}, de-armored if it was armored. Once its
   * packets have been read, {@link ArmorDecoder#require} refuses armor that ended without its
   * footer line.
   */
  static InputStream binaryWithFooter(InputStream source, String expectedBlock) throws IOException {
    return binary(source, expectedBlock, true);
  }

  /**
   * As {@link #binaryWithFooter} for an encrypted message, whose armor checksum is not checked: the
   * MDC or AEAD protects the message, and RFC 9580 (section 6.1) says not to reject one for a
   * checksum that does not match. The checksum line comes after the encrypted data, so it was never
   * read before the data after the message was checked either.
   */
  static InputStream message(InputStream source) throws IOException {
    return binary(source, "MESSAGE", false);
  }

  private static InputStream binary(InputStream source, String expectedBlock, boolean checkCrc)
      throws IOException {
    BufferedInputStream in = new BufferedInputStream(source, 1 << 16);
    in.mark(PEEK);
    byte[] head = in.readNBytes(PEEK);
    in.reset();
    if (head.length == 0) {
      throw new PgpDataException(Reason.NOT_OPENPGP, "the input is empty: no OpenPGP data");
    }
    if ((head[0] & 0x80) != 0) {
      return in;
    }
    String text = new String(head, StandardCharsets.ISO_8859_1).stripLeading();
    if (text.startsWith("-----BEGIN PGP " + expectedBlock)) {
      String problem = ArmorLines.skipHeaders(in, expectedBlock);
      if (problem != null) {
        throw new PgpDataException(Reason.MALFORMED, problem);
      }
      return ArmorDecoder.open(in, expectedBlock, checkCrc);
    }
    if (text.startsWith("-----BEGIN PGP ")) {
      String found = text.substring(15, Math.max(15, text.indexOf("-----", 15)));
      if (!ArmorLines.isLabel(found)) {
        throw new PgpDataException(
            Reason.MALFORMED,
            "the armor header line is damaged: it should read -----BEGIN PGP "
                + expectedBlock
                + "-----");
      }
      String kind = found.toLowerCase(java.util.Locale.ROOT);
      throw new PgpDataException(
          Reason.NOT_OPENPGP,
          "expected an OpenPGP "
              + expectedBlock.toLowerCase(java.util.Locale.ROOT)
              + " but found a "
              + (kind.endsWith(" block") ? kind : kind + " block"));
    }
    throw new PgpDataException(
        Reason.NOT_OPENPGP,
        "the input is not OpenPGP data: it neither starts with an OpenPGP packet nor with"
            + " -----BEGIN PGP "
            + expectedBlock
            + "-----");
  }
}
