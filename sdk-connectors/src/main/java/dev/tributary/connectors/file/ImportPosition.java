package dev.tributary.connectors.file;

import dev.tributary.connectors.internal.json.JsonCodec;
import dev.tributary.core.SystemException;
import dev.tributary.core.connector.Checkpoint;
import dev.tributary.sftp.FileKey;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * How far a file import got, kept in the job's checkpoint: the file being imported (its {@link
 * FileKey}: path, size, time) and the last line committed, or that all of it is committed. A run
 * that finds the same file again skips what was committed: a crash repeats no row and loses none.
 */
record ImportPosition(@Nullable FileKey file, long line, boolean done) {
  static final ImportPosition NONE = new ImportPosition(null, 0, false);

  static ImportPosition of(Optional<Checkpoint> saved) {
    if (saved.isEmpty() || saved.get().cursor() == null) {
      return NONE;
    }
    try {
      Object value =
          JsonCodec.parse(String.valueOf(saved.get().cursor()).getBytes(StandardCharsets.UTF_8));
      if (value instanceof Map<?, ?> m && m.get("path") != null) {
        FileKey key =
            new FileKey(
                m.get("path").toString(),
                Long.parseLong(String.valueOf(m.get("size"))),
                Instant.parse(String.valueOf(m.get("modified"))));
        return new ImportPosition(
            key,
            Long.parseLong(String.valueOf(m.get("line"))),
            Boolean.parseBoolean(String.valueOf(m.get("done"))));
      }
    } catch (RuntimeException e) { // not JSON, or not the fields we wrote
      // fall through
    }
    throw new SystemException(
        "the checkpoint of this file import is not one a file import wrote: reset the job's"
            + " state (StateStore.delete) to start over");
  }

  /** Rows of {@code key} up to and including this line are committed. */
  long committedLine(FileKey key) {
    if (!key.equals(file)) {
      return 0;
    }
    return done ? Long.MAX_VALUE : line;
  }

  Checkpoint toCheckpoint() {
    if (file == null) {
      return Checkpoint.initial();
    }
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("path", file.path());
    json.put("size", file.size());
    json.put("modified", file.lastModified().toString());
    json.put("line", line);
    json.put("done", done);
    return new Checkpoint(new String(JsonCodec.write(json), StandardCharsets.UTF_8), Set.of());
  }
}
