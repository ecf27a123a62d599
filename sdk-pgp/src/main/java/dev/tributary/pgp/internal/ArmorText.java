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
    String last = lines.get(lines.size() - 1);
    if (last.startsWith(kind.footer()) && !last.equals(kind.footer())) {
      throw textAfterFooter(kind.footer());
    }
    if (!last.equals(kind.footer())) {
      throw missingFooter(kind.footer());
    }
    return dearmor(String.join("\n", lines) + "\n");
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
