package dev.tributary.pgp.internal;

import dev.tributary.pgp.PgpDataException;
import dev.tributary.pgp.PgpDataException.Reason;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.bouncycastle.bcpg.ArmoredInputStream;

/** Tells binary OpenPGP data from ASCII armor, and anything else from both. */
final class ArmorDetection {
  private static final int PEEK = 64;

  private ArmorDetection() {}

  /** A stream of the binary packets of {@code source}, de-armored if it was armored. */
  static InputStream binary(InputStream source, String expectedBlock) throws IOException {
    return binary(source, expectedBlock, false, true);
  }

  /**
   * As {@link #binary(InputStream, String)}, for data that must be whole: once its packets have
   * been read, {@link ArmorFooter#require} refuses armor that ended without its footer line.
   */
  static InputStream binaryWithFooter(InputStream source, String expectedBlock) throws IOException {
    return binary(source, expectedBlock, true, true);
  }

  /**
   * As {@link #binaryWithFooter} for an encrypted message, whose armor checksum is not checked: the
   * MDC or AEAD protects the message, and RFC 9580 (section 6.1) says not to reject one for a
   * checksum that does not match. The checksum line comes after the encrypted data, so it was never
   * read before the data after the message was checked either.
   */
  static InputStream message(InputStream source) throws IOException {
    return binary(source, "MESSAGE", true, false);
  }

  /**
   * Refuses an armor header line with text after its closing dashes, as GnuPG does; BouncyCastle
   * would read it and ignore the rest of the line. RFC 9580 (section 6.2) allows nothing but
   * whitespace there.
   *
   * @param more whether {@code text} was cut at {@link #PEEK} bytes
   */
  private static void requireBareHeaderLine(String text, boolean more, String expectedBlock) {
    int end = text.indexOf('\n');
    String line = (end < 0 ? text : text.substring(0, end)).stripTrailing();
    if (!line.equals("-----BEGIN PGP " + expectedBlock + "-----") || (end < 0 && more)) {
      throw new PgpDataException(
          Reason.MALFORMED,
          "the armored "
              + expectedBlock.toLowerCase(java.util.Locale.ROOT)
              + " has text after its armor header line -----BEGIN PGP "
              + expectedBlock
              + "----- on the same line: nothing but whitespace may follow it there (RFC 9580,"
              + " section 6.2)");
    }
  }

  private static InputStream binary(
      InputStream source, String expectedBlock, boolean footer, boolean checkCrc)
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
      requireBareHeaderLine(text, head.length == PEEK, expectedBlock);
      try {
        return footer
            ? ArmorFooter.open(in, expectedBlock, checkCrc)
            : ArmoredInputStream.builder().setIgnoreCRC(!checkCrc).build(in);
      } catch (SourceFailure e) {
        throw e;
      } catch (IOException e) {
        throw new PgpDataException(
            Reason.MALFORMED,
            "the armored "
                + expectedBlock.toLowerCase(java.util.Locale.ROOT)
                + " is damaged: its armor header lines cannot be read",
            e);
      }
    }
    if (text.startsWith("-----BEGIN PGP ")) {
      String found = text.substring(15, Math.max(15, text.indexOf("-----", 15)));
      throw new PgpDataException(
          Reason.NOT_OPENPGP,
          "expected an OpenPGP "
              + expectedBlock.toLowerCase(java.util.Locale.ROOT)
              + " but found a "
              + found.toLowerCase(java.util.Locale.ROOT)
              + " block");
    }
    throw new PgpDataException(
        Reason.NOT_OPENPGP,
        "the input is not OpenPGP data: it neither starts with an OpenPGP packet nor with"
            + " -----BEGIN PGP "
            + expectedBlock
            + "-----");
  }
}
