package dev.tributary.pgp.internal;

import dev.tributary.pgp.PgpDataException;
import dev.tributary.pgp.PgpDataException.Reason;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Tells binary OpenPGP data from ASCII armor, and anything else from both. */
final class ArmorDetection {
  private static final int PEEK = 64;

  /** The labels {@link #anyKind} reads: those of RFC 9580, section 6.2, but for split messages. */
  private static final List<String> ANY_KIND =
      List.of("MESSAGE", "PUBLIC KEY BLOCK", "PRIVATE KEY BLOCK", "SIGNATURE");

  private ArmorDetection() {}

  /**
   * A stream of the binary packets of {@code source}, de-armored if it was armored. Once its
   * packets have been read, {@link ArmorDecoder#require} refuses armor that ended without its
   * footer line. Armor under any of the labels {@link #anyKind} reads is decoded, whatever its
   * packets: GnuPG and Sequoia do not hold the label against them either, and what the caller
   * parses is refused by its packets if it is the wrong kind. {@code expectedBlock} words the
   * errors, and is the label expected of armor that is damaged or of another kind (a cleartext
   * signature, part of a split message).
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

  /**
   * A stream of the binary packets of {@code source}, whichever kind of armored block it holds (a
   * message, a public or private key block, a signature), its checksum checked, or {@code source}
   * itself if it is binary. Once its packets have been read, {@link ArmorDecoder#require} refuses
   * armor that ended without its footer line. For {@code sop armor} and {@code dearmor}, which
   * convert whatever OpenPGP data they are given.
   */
  static InputStream anyKind(InputStream source) throws IOException {
    // Not a BufferedInputStream: the decoders push back here what they read past their footers.
    ArmorSource in = new ArmorSource(source, 1 << 16);
    String text = peekText(in);
    if (text == null) {
      return in;
    }
    String found = label(text);
    if (found != null && ANY_KIND.contains(found)) {
      return decoder(in, found, true);
    }
    if (found == null) {
      throw new PgpDataException(
          Reason.NOT_OPENPGP,
          "the input is not OpenPGP data: it neither starts with an OpenPGP packet nor with an"
              + " armor header line such as -----BEGIN PGP MESSAGE-----");
    }
    if (found.equals("SIGNED MESSAGE")) {
      throw new PgpDataException(
          Reason.NOT_OPENPGP,
          "the input is a cleartext-signed message (-----BEGIN PGP SIGNED MESSAGE-----): its text"
              + " is not armored, so it is neither converted to binary nor armored again");
    }
    throw new PgpDataException(
        Reason.MALFORMED,
        ArmorLines.isLabel(found)
            ? "the input is one part of a message split into several armored blocks"
                + " (-----BEGIN PGP MESSAGE, PART n-----), which is not read here"
            : "the armor header line is not one of OpenPGP's: it should read -----BEGIN PGP"
                + " MESSAGE-----, PUBLIC KEY BLOCK, PRIVATE KEY BLOCK or SIGNATURE; it was"
                + " damaged, or the data is not OpenPGP (gpg --enarmor writes ARMORED FILE)");
  }

  /**
   * The packets of the armored block that follows {@code packets}, read to their end, or {@code
   * null} if only blank lines follow their footer, or they were binary. GnuPG's {@code --dearmor}
   * writes the packets of every block so; sqop's writes the first block's and drops the rest.
   *
   * @param subject what was read, as it starts a sentence: "the input"
   * @throws PgpDataException if anything but blank lines or an armored block follows the footer
   */
  static @Nullable InputStream nextBlock(InputStream packets, String subject) throws IOException {
    return following(packets, subject, true);
  }

  /**
   * As {@link #nextBlock}, but text that is not an armored block ends the data ({@code null}),
   * unread, instead of being refused: how a detached signature's trailing text has always been
   * read, and what GnuPG does.
   */
  static @Nullable InputStream nextBlockOrEnd(InputStream packets) throws IOException {
    return following(packets, "", false);
  }

  private static @Nullable InputStream following(
      InputStream packets, String subject, boolean refuseText) throws IOException {
    if (!(packets instanceof ArmorDecoder armor)) {
      return null;
    }
    ArmorSource in = armor.rest();
    int c;
    do {
      in.mark(1);
      c = in.read();
    } while (c == ' ' || c == '\t' || c == '\r' || c == '\n');
    if (c < 0) {
      return null;
    }
    in.reset();
    String text = peekText(in);
    String found = text == null ? null : label(text);
    if (found == null || !ANY_KIND.contains(found)) {
      if (!refuseText) {
        return null;
      }
      throw new PgpDataException(
          Reason.MALFORMED,
          subject
              + " continues after its armor footer "
              + armor.footer()
              + ": only blank lines or another armored block may follow it");
    }
    skipHeaders(in, found);
    return armor.next(in, found, true);
  }

  /**
   * The first characters of {@code in}, without leading whitespace, or {@code null} if it starts
   * with an OpenPGP packet; leaves {@code in}, which supports mark, where it was.
   */
  private static @Nullable String peekText(InputStream in) throws IOException {
    in.mark(PEEK);
    byte[] head = in.readNBytes(PEEK);
    in.reset();
    if (head.length == 0) {
      throw new PgpDataException(Reason.NOT_OPENPGP, "the input is empty: no OpenPGP data");
    }
    if ((head[0] & 0x80) != 0) {
      return null;
    }
    return new String(head, StandardCharsets.ISO_8859_1).stripLeading();
  }

  /** What stands between {@code -----BEGIN PGP } and {@code -----}, or null if not armor. */
  private static @Nullable String label(String text) {
    if (!text.startsWith("-----BEGIN PGP ")) {
      return null;
    }
    return text.substring(15, Math.max(15, text.indexOf("-----", 15)));
  }

  private static ArmorDecoder decoder(InputStream in, String block, boolean checkCrc)
      throws IOException {
    skipHeaders(in, block);
    return ArmorDecoder.open(in, block, checkCrc);
  }

  private static void skipHeaders(InputStream in, String block) throws IOException {
    String problem = ArmorLines.skipHeaders(in, block);
    if (problem != null) {
      throw new PgpDataException(Reason.MALFORMED, problem);
    }
  }

  private static InputStream binary(InputStream source, String expectedBlock, boolean checkCrc)
      throws IOException {
    BufferedInputStream in = new BufferedInputStream(source, 1 << 16);
    String text = peekText(in);
    if (text == null) {
      return in;
    }
    if (text.startsWith("-----BEGIN PGP " + expectedBlock)) {
      return decoder(in, expectedBlock, checkCrc);
    }
    String found = label(text);
    if (found != null && ANY_KIND.contains(found)) {
      // The packets are read whatever the label says, as GnuPG and Sequoia read them: a signature
      // armored as a MESSAGE is still a signature, and what is not one is refused by its packets.
      return decoder(in, found, checkCrc);
    }
    if (found != null) {
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
