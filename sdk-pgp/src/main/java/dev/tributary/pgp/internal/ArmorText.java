package dev.tributary.pgp.internal;

import dev.tributary.pgp.PgpKeyException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.bouncycastle.bcpg.ArmoredInputStream;
import org.bouncycastle.bcpg.CRC24;

/**
 * Checks that a pasted key is a whole ASCII-armored block of the expected kind and decodes it, with
 * an error that says exactly what is wrong. Never quotes the text: it may be a private key.
 */
public final class ArmorText {
  /** The kind of key an entry must hold. */
  public enum Kind {
    PUBLIC("PUBLIC KEY BLOCK", "a public key"),
    PRIVATE("PRIVATE KEY BLOCK", "a private key");

    final String block;
    final String article;

    Kind(String block, String article) {
      this.block = block;
      this.article = article;
    }

    String header() {
      return "-----BEGIN PGP " + block + "-----";
    }

    String footer() {
      return "-----END PGP " + block + "-----";
    }
  }

  private static final String BEGIN = "-----BEGIN PGP ";
  private static final String END = "-----END PGP ";
  private static final String DASHES = "-----";

  private ArmorText() {}

  /**
   * The binary key packets inside {@code text}, which must be one armored block of {@code kind}.
   */
  public static byte[] decode(String text, Kind kind) {
    if (text.isBlank()) {
      throw new PgpKeyException(
          "the key is empty; paste " + kind.article + ", beginning with " + kind.header());
    }
    if (looksBinary(text)) {
      throw new PgpKeyException(
          "this is binary data, not an ASCII-armored key; export the key with --armor"
              + " (gpg --armor --export…) and paste the text that begins with "
              + kind.header());
    }
    // Lines end in LF, as GnuPG reads them: a CR before it is trailing whitespace (ArmorLines).
    List<String> lines =
        List.of(ArmorLines.normalizeKeys(text).strip().split("\n")).stream()
            .map(String::strip)
            .toList();
    String first = lines.get(0);
    if (!first.equals(kind.header())) {
      throw new PgpKeyException(wrongBeginning(first, kind));
    }
    int end = 1;
    while (end < lines.size()
        && !lines.get(end).startsWith(END)
        && !lines.get(end).startsWith(BEGIN)) {
      end++;
    }
    if (end == lines.size() || lines.get(end).startsWith(BEGIN)) {
      String last = lines.get(end - 1);
      if (last.startsWith("-") && last.contains("END") && last.contains("PGP")) {
        throw new PgpKeyException(damagedFooter(kind));
      }
      throw missingFooter(kind.footer());
    }
    String footer = lines.get(end);
    if (!footer.startsWith(kind.footer())) {
      throw new PgpKeyException(wrongFooter(footer, kind));
    }
    if (!footer.equals(kind.footer())) {
      throw textAfterFooter(kind.footer());
    }
    if (end < lines.size() - 1) {
      throw new PgpKeyException(afterFooter(lines.subList(end + 1, lines.size()), kind));
    }
    if (holdsNoData(lines.subList(1, end))) {
      // BouncyCastle's decoder fails on an empty body, which would read as damaged armor
      throw new PgpKeyException("the armored block is empty: it holds no key");
    }
    return dearmor(String.join("\n", lines) + "\n");
  }

  /**
   * Whether the lines between an armor's header and footer line hold no data: only armor headers,
   * the blank line after them, and at most a checksum line.
   */
  private static boolean holdsNoData(List<String> inside) {
    int data = inside.indexOf("") + 1;
    return data == 0
        ? inside.isEmpty()
        : inside.subList(data, inside.size()).stream()
            .allMatch(line -> line.isEmpty() || line.startsWith("="));
  }

  /** Why a block that begins as {@code kind} ends with the END line {@code footer} of another. */
  private static String wrongFooter(String footer, Kind kind) {
    String label =
        footer.endsWith(DASHES) && footer.length() >= END.length() + DASHES.length()
            ? footer.substring(END.length(), footer.length() - DASHES.length())
            : "";
    if (!ArmorLines.isLabel(label)) {
      return damagedFooter(kind);
    }
    return "the armor footer does not match the header: the block begins with "
        + kind.header()
        + ", so it must end with "
        + kind.footer()
        + ", not "
        + footer
        + "; copy the key again, unchanged";
  }

  private static String damagedFooter(Kind kind) {
    return "the armor footer line is damaged: it should read exactly "
        + kind.footer()
        + " (a character was lost, added or changed); copy the key again, unchanged";
  }

  /** Why the lines {@code rest}, not all blank, after the footer of a {@code kind} are refused. */
  private static String afterFooter(List<String> rest, Kind kind) {
    long sameKind = rest.stream().filter(kind.header()::equals).count();
    if (sameKind > 0) {
      return "the entry holds "
          + (sameKind + 1)
          + " "
          + kind.article.substring("a ".length())
          + "s"
          + ", each in its own armor block; give each key its own entry";
    }
    String next =
        rest.stream().filter(l -> l.startsWith(BEGIN)).findFirst().map(ArmorText::what).orElse("");
    return next.isEmpty()
        ? "the key is followed by text after its armor footer "
            + kind.footer()
            + ": the entry must end with that line; copy the key without the text"
        : next
            + " follows the key's armor footer "
            + kind.footer()
            + ": the entry must end with that line; give each its own entry";
  }

  /** What the armor header line {@code begin} starts, as a sentence starts: "a private key". */
  private static String what(String begin) {
    return switch (begin) {
      case "-----BEGIN PGP PUBLIC KEY BLOCK-----" -> "a public key";
      case "-----BEGIN PGP PRIVATE KEY BLOCK-----" -> "a private key";
      case "-----BEGIN PGP MESSAGE-----" -> "an encrypted message";
      case "-----BEGIN PGP SIGNATURE-----", "-----BEGIN PGP SIGNED MESSAGE-----" -> "a signature";
      default -> "another armored block";
    };
  }

  /** The error for an armored key block that ends without {@code footer}. */
  static PgpKeyException missingFooter(String footer) {
    return new PgpKeyException(
        "the armor footer "
            + footer
            + " is missing at the end: the key was cut off when it was copied; paste all of it,"
            + " including the last line");
  }

  /** The error for an armored key block whose footer line holds more than {@code footer}. */
  static PgpKeyException textAfterFooter(String footer) {
    return new PgpKeyException(textAfterFooter("the key", footer) + "; copy the key without it");
  }

  /**
   * Why armor whose footer line holds more than {@code footer} is refused. BouncyCastle reads that
   * line and ignores the rest; without this it would be refused as cut off. Never quotes the text.
   *
   * @param subject what was read, as it starts a sentence: "the message"
   */
  static String textAfterFooter(String subject, String footer) {
    return subject
        + " has text after its armor footer "
        + footer
        + " on the same line: nothing but whitespace may follow the footer there (RFC 9580,"
        + " section 6.2)";
  }

  private static String wrongBeginning(String first, Kind kind) {
    Kind other = kind == Kind.PUBLIC ? Kind.PRIVATE : Kind.PUBLIC;
    if (first.equals(other.header())) {
      return kind == Kind.PUBLIC
          ? "this is a private key; a public key is expected here. Export the public key"
              + " (gpg --armor --export <key id>) and keep the private key secret"
          : "this is a public key; the private key is needed here to decrypt"
              + " (gpg --armor --export-secret-keys <key id>)";
    }
    if (first.startsWith("-----BEGIN PGP MESSAGE")) {
      return "this is an encrypted OpenPGP message, not a key; paste " + kind.article;
    }
    if (first.startsWith("-----BEGIN PGP SIGNED MESSAGE")
        || first.startsWith("-----BEGIN PGP SIGNATURE")) {
      return "this is an OpenPGP signature, not a key; paste " + kind.article;
    }
    if (first.startsWith("-") && first.contains("PGP")) {
      return "the armor header line is damaged: it should read exactly "
          + kind.header()
          + " (a character was lost, added or changed); copy the key again, unchanged";
    }
    if (first.startsWith("-----BEGIN ") || first.startsWith("ssh-") || first.startsWith("ecdsa-")) {
      return "this is an SSH or PEM key, not an OpenPGP key; paste "
          + kind.article
          + " beginning with "
          + kind.header();
    }
    return "this does not look ASCII-armored: it does not begin with "
        + kind.header()
        + " (the first line must be exactly that, with nothing before it)";
  }

  private static boolean looksBinary(String text) {
    int n = Math.min(text.length(), 64);
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      if ((c < 0x20 && c != '\n' && c != '\r' && c != '\t') || c == '\uFFFD') {
        return true;
      }
    }
    return false;
  }

  private static byte[] dearmor(String armored) {
    byte[] bytes;
    try (InputStream in =
        ArmoredInputStream.builder()
            .setIgnoreCRC(true) // checked below, in our words rather than BouncyCastle's
            .build(new ByteArrayInputStream(armored.getBytes(StandardCharsets.US_ASCII)))) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      in.transferTo(out);
      bytes = out.toByteArray();
    } catch (IOException e) {
      throw new PgpKeyException(
          "the armored key is damaged: its armor cannot be decoded; copy it again, unchanged", e);
    }
    if (bytes.length == 0) {
      throw new PgpKeyException("the armored block is empty: it holds no key");
    }
    requireChecksum(armored, bytes);
    return bytes;
  }

  /**
   * Checks the armor checksum, if the block has one (RFC 9580, section 6.1, makes it optional):
   * {@code =} and four base64 characters on the line before the footer, the CRC-24 of the data.
   */
  private static void requireChecksum(String armored, byte[] data) {
    String[] lines = armored.strip().split("\r?\n");
    String line = lines.length < 2 ? "" : lines[lines.length - 2].strip();
    if (line.length() != 5 || line.charAt(0) != '=') {
      return;
    }
    int expected = -1;
    try {
      byte[] sum = Base64.getDecoder().decode(line.substring(1));
      expected = ((sum[0] & 0xff) << 16) | ((sum[1] & 0xff) << 8) | (sum[2] & 0xff);
    } catch (IllegalArgumentException e) {
      // not base64: no checksum can match
    }
    CRC24 crc = new CRC24();
    for (byte b : data) {
      crc.update(b);
    }
    if (crc.getValue() != expected) {
      throw new PgpKeyException(
          "the armor checksum (the line beginning with '=' before the footer) does not match:"
              + " the key was changed or damaged when it was copied; copy it again");
    }
  }
}
