package dev.tributary.core.state;

import dev.tributary.core.connector.Checkpoint;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.zip.CRC32C;
import org.jspecify.annotations.Nullable;

/**
 * The on-disk form of a checkpoint: the magic {@code TRBCKPT1}, the payload's length, the payload
 * (cursor flag and text, count and texts of the keys seen at the cursor, each as length + UTF-8)
 * and a CRC-32C of the payload. Anything else — short, long, wrong magic, wrong checksum — is
 * rejected.
 */
final class CheckpointCodec {
  private static final byte[] MAGIC = "TRBCKPT1".getBytes(StandardCharsets.US_ASCII);
  private static final int HEADER = MAGIC.length + Integer.BYTES;

  private CheckpointCodec() {}

  static byte[] encode(Checkpoint checkpoint) {
    ByteArrayOutputStream payload = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(payload)) {
      String cursor = checkpoint.cursor();
      out.writeBoolean(cursor != null);
      if (cursor != null) {
        writeText(out, cursor);
      }
      out.writeInt(checkpoint.seenAtCursor().size());
      for (String key : checkpoint.seenAtCursor()) {
        writeText(out, key);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    byte[] body = payload.toByteArray();
    CRC32C crc = new CRC32C();
    crc.update(body);
    return ByteBuffer.allocate(HEADER + body.length + Long.BYTES)
        .put(MAGIC)
        .putInt(body.length)
        .put(body)
        .putLong(crc.getValue())
        .array();
  }

  /**
   * Decodes a file's bytes.
   *
   * @throws IllegalArgumentException saying what is wrong with them
   */
  static Checkpoint decode(byte[] bytes) {
    if (bytes.length < HEADER + Long.BYTES
        || !Arrays.equals(Arrays.copyOf(bytes, MAGIC.length), MAGIC)) {
      throw new IllegalArgumentException("not a Tributary checkpoint file");
    }
    ByteBuffer buffer = ByteBuffer.wrap(bytes, MAGIC.length, bytes.length - MAGIC.length);
    int length = buffer.getInt();
    if (length < 0 || length != bytes.length - HEADER - Long.BYTES) {
      throw new IllegalArgumentException("truncated or extended: length does not match");
    }
    CRC32C crc = new CRC32C();
    crc.update(bytes, HEADER, length);
    if (crc.getValue() != ByteBuffer.wrap(bytes, HEADER + length, Long.BYTES).getLong()) {
      throw new IllegalArgumentException("checksum mismatch");
    }
    try (DataInputStream in =
        new DataInputStream(new ByteArrayInputStream(bytes, HEADER, length))) {
      @Nullable String cursor = in.readBoolean() ? readText(in) : null;
      int count = in.readInt();
      Set<String> seen = new LinkedHashSet<>();
      for (int i = 0; i < count; i++) {
        seen.add(readText(in));
      }
      return new Checkpoint(cursor, seen);
    } catch (IOException e) {
      throw new IllegalArgumentException("malformed payload", e);
    }
  }

  private static void writeText(DataOutputStream out, String text) throws IOException {
    byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
    out.writeInt(utf8.length);
    out.write(utf8);
  }

  private static String readText(DataInputStream in) throws IOException {
    int length = in.readInt();
    if (length < 0 || length > in.available()) {
      throw new IOException("bad text length " + length);
    }
    return new String(in.readNBytes(length), StandardCharsets.UTF_8);
  }
}
