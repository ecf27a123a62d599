package dev.tributary.connectors.file;

import dev.tributary.core.ConfigException;
import dev.tributary.core.ValidationException;
import dev.tributary.pgp.PgpDecryptor;
import dev.tributary.pgp.PgpFileNames;
import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import org.jspecify.annotations.Nullable;

/**
 * Peels an imported file's layers: PGP (detected by its name — {@code .pgp}, {@code .gpg}, {@code
 * .asc} — or by its first bytes: an armor header or an encrypted-session-key packet), then gzip
 * (detected by its magic number), leaving the text.
 */
final class ImportLayers {
  private static final byte[] ARMOR = "-----BEGIN PGP MESSAGE".getBytes(StandardCharsets.US_ASCII);

  private ImportLayers() {}

  /**
   * A file's text, and whether layers (PGP, gzip) were peeled to get it.
   *
   * @param text the plaintext; closing it closes the raw stream
   * @param layered whether the file was encrypted or gzipped
   */
  record Opened(InputStream text, boolean layered) {}

  /**
   * The plaintext of {@code raw}.
   *
   * @throws ConfigException if the file is encrypted and there is no private key
   */
  static Opened open(String name, InputStream raw, @Nullable PgpDecryptor decryptor)
      throws IOException {
    BufferedInputStream in = new BufferedInputStream(raw, 1 << 16);
    InputStream text = in;
    boolean layered = false;
    if (PgpFileNames.isEncryptedName(name) || looksEncrypted(in)) {
      layered = true;
      if (decryptor == null) {
        throw new ConfigException(
            "authorization",
            "'" + name + "' is PGP-encrypted: give the import a PGP private key to decrypt it",
            null);
      }
      text = new BufferedInputStream(decryptor.open(in), 1 << 16);
    }
    if (isGzip(text)) {
      layered = true;
      text = new GZIPInputStream(text, 1 << 16);
    }
    return new Opened(text, layered);
  }

  /**
   * Reads {@code plaintext} to its end and discards it: the PGP integrity check (MDC or AEAD) and
   * the gzip CRC and length are verified before any row is used.
   *
   * @throws ValidationException if the gzip data is damaged or cut short (PGP failures are thrown
   *     as sdk-pgp's exceptions: {@code PgpDataException}, a validation error, or {@code
   *     PgpWrongKeyException}, a configuration error)
   */
  static void drain(String name, InputStream plaintext) throws IOException {
    try {
      plaintext.transferTo(OutputStreamSink.INSTANCE);
    } catch (ZipException | EOFException e) {
      throw damagedGzip(name, e);
    }
  }

  static ValidationException damagedGzip(String name, IOException e) {
    return new ValidationException(
        "'" + name + "': the gzip data is damaged or cut short (" + e.getMessage() + ")",
        null,
        -1,
        e);
  }

  private static boolean looksEncrypted(InputStream in) throws IOException {
    byte[] head = peek(in, ARMOR.length);
    if (head.length == 0) {
      return false;
    }
    if (startsWith(head, ARMOR)) {
      return true;
    }
    int b = head[0] & 0xff;
    if ((b & 0x80) == 0) {
      return false;
    }
    int tag = (b & 0x40) != 0 ? b & 0x3f : (b >> 2) & 0x0f;
    return tag == 1 || tag == 3 || tag == 10; // PKESK, SKESK, marker
  }

  private static boolean isGzip(InputStream in) throws IOException {
    byte[] head = peek(in, 2);
    return head.length == 2 && (head[0] & 0xff) == 0x1f && (head[1] & 0xff) == 0x8b;
  }

  private static byte[] peek(InputStream in, int n) throws IOException {
    in.mark(n);
    try {
      return in.readNBytes(n);
    } finally {
      in.reset();
    }
  }

  private static boolean startsWith(byte[] data, byte[] prefix) {
    if (data.length < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if (data[i] != prefix[i]) {
        return false;
      }
    }
    return true;
  }

  /** Discards bytes. */
  private static final class OutputStreamSink extends java.io.OutputStream {
    static final OutputStreamSink INSTANCE = new OutputStreamSink();

    @Override
    public void write(int b) {}

    @Override
    public void write(byte[] b, int off, int len) {}
  }
}
