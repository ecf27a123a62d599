package dev.tributary.connectors.file;

import dev.tributary.core.model.Profile;
import dev.tributary.pgp.PgpCertificate;
import dev.tributary.pgp.PgpEncryptor;
import dev.tributary.pgp.PgpFileNames;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.util.zip.GZIPOutputStream;
import org.jspecify.annotations.Nullable;

/**
 * The stream layers of one export file, outermost first: encoder → gzip → PGP → the destination's
 * stream. {@link #finish()} completes each layer in order (the CSV or JSON flush, the gzip trailer,
 * the PGP message with its MDC) and leaves the destination's stream open; {@link #close()} releases
 * whatever is left after a failure, leaving the PGP message unfinished. Not thread-safe.
 */
final class ExportLayers implements AutoCloseable {
  private final PgpEncryptor.@Nullable EncryptionStream pgp;
  private final @Nullable GZIPOutputStream gzip;
  private final ProfileEncoder encoder;
  private boolean finished;

  private ExportLayers(
      PgpEncryptor.@Nullable EncryptionStream pgp,
      @Nullable GZIPOutputStream gzip,
      ProfileEncoder encoder) {
    this.pgp = pgp;
    this.gzip = gzip;
    this.encoder = encoder;
  }

  /**
   * Opens the layers over {@code target}.
   *
   * @param certificate the recipient to encrypt to, or {@code null} for none
   * @param fileName the file's name, whose decrypted form is stored in the PGP message
   */
  static ExportLayers open(
      ExportSettings settings,
      @Nullable PgpCertificate certificate,
      String fileName,
      Instant time,
      OutputStream target)
      throws IOException {
    OutputStream next = target;
    PgpEncryptor.EncryptionStream pgp = null;
    if (certificate != null) {
      String inner = PgpFileNames.decryptedName(fileName.substring(fileName.lastIndexOf('/') + 1));
      pgp =
          PgpEncryptor.builder()
              .recipient(certificate)
              .armor(settings.armor())
              .fileName(inner)
              .modificationTime(time)
              .build()
              .encrypt(target);
      next = pgp;
    }
    GZIPOutputStream gzip = null;
    if (settings.gzip()) {
      gzip = new GZIPOutputStream(new Shield(next), 1 << 16);
      next = gzip;
    }
    return new ExportLayers(pgp, gzip, ProfileEncoder.create(settings, new Shield(next)));
  }

  void begin() throws IOException {
    encoder.begin();
  }

  void write(Profile profile) throws IOException {
    encoder.write(profile);
  }

  /** Completes every layer; the target stays open. */
  void finish() throws IOException {
    encoder.finish();
    if (gzip != null) {
      gzip.close(); // trailer written, deflater released; the shield keeps PGP open
    }
    if (pgp != null) {
      pgp.close(); // finishes the message; the target is flushed, not closed
    }
    finished = true;
  }

  /** After a failure: releases the layers' resources. What they wrote is abandoned. */
  @Override
  public void close() {
    if (finished) {
      return;
    }
    finished = true;
    try {
      if (gzip != null) {
        gzip.close();
      }
    } catch (IOException | RuntimeException e) {
      // the export failed already; this only frees the deflater
    }
    try {
      if (pgp != null) {
        pgp.abort(); // left unfinished: it cannot decrypt as a shorter, whole-looking file
      }
    } catch (RuntimeException e) {
      // likewise: the destination abandons whatever this wrote
    }
  }

  /** Passes everything on but never closes the stream below. */
  private static final class Shield extends FilterOutputStream {
    Shield(OutputStream out) {
      super(out);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
    }

    @Override
    public void close() throws IOException {
      out.flush();
    }
  }
}
