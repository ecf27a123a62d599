package dev.tributary.pgp.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.bouncycastle.bcpg.PacketTags;
import org.jspecify.annotations.Nullable;

/** Writes Literal Data packets (RFC 9580, section 5.9) of binary data or UTF-8 text. */
public final class LiteralData {
  private LiteralData() {}

  /** The most bytes of UTF-8 a literal data packet can hold as its file name. */
  public static final int MAX_FILE_NAME_BYTES = 255;

  /** Why {@code fileName} cannot be stored, or null if it can. */
  public static @Nullable String fileNameProblem(String fileName) {
    int bytes = Utf8.length(fileName);
    return bytes <= MAX_FILE_NAME_BYTES
        ? null
        : "the file name is "
            + bytes
            + " bytes in UTF-8; an OpenPGP message holds at most "
            + MAX_FILE_NAME_BYTES;
  }

  /** Why {@code time} cannot be stored, or null if it can. */
  public static @Nullable String timeProblem(Instant time) {
    long seconds = time.getEpochSecond();
    return seconds >= 0 && seconds <= 0xFFFFFFFFL
        ? null
        : "the modification time "
            + time
            + " cannot be stored in an OpenPGP message (1970-01-01 to 2106-02-07 only)";
  }

  /**
   * {@code fileName} cut to whole characters within {@link #MAX_FILE_NAME_BYTES} bytes of UTF-8:
   * for names taken from the file system, which may allow longer ones.
   */
  public static String fitFileName(String fileName) {
    return Utf8.fit(fileName, MAX_FILE_NAME_BYTES);
  }

  /** {@code time} moved into the range a message can store: for times taken from files. */
  public static Instant fitTime(Instant time) {
    long seconds = Math.max(0, Math.min(0xFFFFFFFFL, time.getEpochSecond()));
    return Instant.ofEpochSecond(seconds);
  }

  /**
   * Writes the packet's header and returns the stream its data goes to; closing that stream ends
   * the packet and leaves {@code out} open.
   *
   * @param fileName at most {@link #MAX_FILE_NAME_BYTES} bytes in UTF-8
   * @param modified stored in whole seconds since 1970, which must fit in 32 bits unsigned
   */
  static OutputStream open(OutputStream out, String fileName, Instant modified) throws IOException {
    return open(out, 'b', fileName, modified);
  }

  /**
   * As {@link #open(OutputStream, String, Instant)}, with the packet's format octet: {@code 'b'}
   * for binary data, {@code 'u'} for UTF-8 text.
   */
  static OutputStream open(OutputStream out, char format, String fileName, Instant modified)
      throws IOException {
    String problem = fileNameProblem(fileName);
    if (problem == null) {
      problem = timeProblem(modified);
    }
    if (problem != null) {
      throw new IllegalArgumentException(problem);
    }
    byte[] name = fileName.getBytes(StandardCharsets.UTF_8);
    long seconds = modified.getEpochSecond();
    PartialBodyOutputStream body = new PartialBodyOutputStream(out, PacketTags.LITERAL_DATA);
    byte[] header = new byte[2 + name.length + 4];
    header[0] = (byte) format;
    header[1] = (byte) name.length;
    System.arraycopy(name, 0, header, 2, name.length);
    for (int i = 0; i < 4; i++) {
      header[2 + name.length + i] = (byte) (seconds >> (24 - 8 * i));
    }
    body.write(header, 0, header.length);
    return body;
  }
}
