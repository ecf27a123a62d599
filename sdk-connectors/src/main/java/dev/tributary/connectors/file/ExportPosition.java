package dev.tributary.connectors.file;

import dev.tributary.connectors.internal.json.JsonCodec;
import dev.tributary.core.SystemException;
import dev.tributary.core.ValidationException;
import dev.tributary.core.connector.Checkpoint;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Where a file export stands, kept in the job's checkpoint: the source's checkpoint the next file
 * starts from, and — between planning a file and its confirmed delivery — the name and time of that
 * pending file, so that a run after a crash sends the same file again under the same name instead
 * of a second one. The cursor is a small JSON object; {@code seenAtCursor} is the source's.
 */
record ExportPosition(
    Checkpoint source, @Nullable String pendingFile, @Nullable Instant pendingAt) {

  static ExportPosition of(Optional<Checkpoint> saved) {
    if (saved.isEmpty() || saved.get().cursor() == null) {
      return new ExportPosition(
          saved.map(c -> new Checkpoint(null, c.seenAtCursor())).orElse(Checkpoint.initial()),
          null,
          null);
    }
    Checkpoint c = saved.get();
    Map<?, ?> json = parse(c.cursor());
    Object cursor = json.get("cursor");
    Object pending = json.get("pending");
    Object at = json.get("at");
    return new ExportPosition(
        new Checkpoint(cursor == null ? null : cursor.toString(), c.seenAtCursor()),
        pending == null ? null : pending.toString(),
        at == null ? null : Instant.parse(at.toString()));
  }

  private static Map<?, ?> parse(@Nullable String cursor) {
    try {
      Object value = JsonCodec.parse(String.valueOf(cursor).getBytes(StandardCharsets.UTF_8));
      if (value instanceof Map<?, ?> map) {
        return map;
      }
    } catch (ValidationException e) {
      // fall through
    }
    throw new SystemException(
        "the checkpoint of this file export is not one a file export wrote: "
            + "reset the job's state (StateStore.delete) to start over");
  }

  ExportPosition pending(String file, Instant at) {
    return new ExportPosition(source, file, at);
  }

  /** After a delivery: the source's checkpoint {@code next}, nothing pending. */
  static ExportPosition delivered(Checkpoint next) {
    return new ExportPosition(next, null, null);
  }

  Checkpoint toCheckpoint() {
    Map<String, @Nullable Object> json = new LinkedHashMap<>();
    json.put("cursor", source.cursor());
    if (pendingFile != null) {
      json.put("pending", pendingFile);
      json.put("at", String.valueOf(pendingAt));
    }
    return new Checkpoint(
        new String(JsonCodec.write(json), StandardCharsets.UTF_8), source.seenAtCursor());
  }
}
