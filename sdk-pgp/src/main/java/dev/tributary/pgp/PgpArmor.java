package dev.tributary.pgp;

import dev.tributary.core.TransientException;
import dev.tributary.pgp.internal.ArmorConversion;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Objects;

/**
 * Converts OpenPGP data between ASCII armor (RFC 9580, section 6.2) and binary, in constant memory
 * whatever the size: what {@code sop armor} and {@code sop dearmor} do.
 *
 * <pre>{@code
 * PgpArmor.armor(binaryCertificate, out);   // -----BEGIN PGP PUBLIC KEY BLOCK-----
 * PgpArmor.dearmor(armoredMessage, out);    // the message's packets
 * }</pre>
 *
 * <p>Either method takes either form. Armor is read strictly: a character that is not base64, a
 * checksum line that does not match the data (checked for every kind of block: no MDC stands behind
 * a conversion), a missing footer or text after it is refused. Armor is written with LF line
 * endings, lines of 64 characters and a checksum line, without armor headers.
 *
 * <p>Armored blocks one after another, blank lines between them, are read as their packets one
 * after another, whatever their labels: {@code dearmor} writes them all, as GnuPG's {@code
 * --dearmor} does, and {@code armor} writes them as one block.
 *
 * <p>Neither method closes a stream; both flush {@code target}. On an exception, discard what was
 * written to {@code target}: it is incomplete (armor then lacks its footer). Stateless and
 * thread-safe.
 */
public final class PgpArmor {
  private PgpArmor() {}

  /**
   * Writes the OpenPGP data of {@code source} to {@code target} as ASCII armor, labelled after the
   * first packet as the Stateless OpenPGP draft (draft-dkg-openpgp-stateless-cli) says: a secret
   * key packet gives {@code PRIVATE KEY BLOCK}, a public key packet {@code PUBLIC KEY BLOCK}, a
   * signature packet {@code SIGNATURE}, anything else {@code MESSAGE}.
   *
   * <p>Input that is already armored is decoded and armored again, not copied: the output is then
   * exactly what armoring its binary form gives (LF line endings, 64-character lines, the checksum,
   * the label of its first packet), and damaged armor is refused instead of passed on. Sequoia's
   * {@code sqop armor} also decodes and re-encodes (it keeps the armor headers, which this drops:
   * they are comments, not OpenPGP data). The packets themselves are not parsed; only the first
   * packet's header is checked.
   *
   * @throws PgpDataException if {@code source} is empty, not OpenPGP data, or damaged armor; the
   *     message says which
   * @throws TransientException if reading or writing fails (the cause is the {@code IOException})
   */
  public static void armor(InputStream source, OutputStream target) {
    convert(ArmorConversion::armor, source, target, "armoring failed: ");
  }

  /**
   * Writes the OpenPGP data of {@code source}, ASCII-armored, to {@code target} as binary. Binary
   * input is copied unchanged.
   *
   * @throws PgpDataException if {@code source} is empty, not OpenPGP data, or damaged armor (a bad
   *     base64 character, a checksum that does not match, no footer); the message says which
   * @throws TransientException if reading or writing fails (the cause is the {@code IOException})
   */
  public static void dearmor(InputStream source, OutputStream target) {
    convert(ArmorConversion::dearmor, source, target, "dearmoring failed: ");
  }

  private interface Conversion {
    void run(InputStream source, OutputStream target) throws IOException;
  }

  private static void convert(
      Conversion conversion, InputStream source, OutputStream target, String failed) {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(target, "target");
    try {
      conversion.run(source, target);
    } catch (IOException e) {
      throw Thread.currentThread().isInterrupted()
          ? new TransientException(failed + "interrupted", e)
          : new TransientException(failed + e.getMessage(), e);
    }
  }
}
