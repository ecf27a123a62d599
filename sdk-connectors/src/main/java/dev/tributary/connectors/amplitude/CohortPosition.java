package dev.tributary.connectors.amplitude;

import dev.tributary.connectors.internal.json.JsonCodec;
import dev.tributary.core.ConfigException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Where a cohort import is, kept in {@code Checkpoint.cursor} as a small JSON object, so that a
 * restarted job neither requests the cohort again (each request counts against Amplitude's monthly
 * quota) nor reads its members twice.
 *
 * @param phase what comes next
 * @param requestId Amplitude's request ID, once requested
 * @param requestedAt when it was requested (the snapshot's time)
 * @param part which file is being read
 * @param offset bytes of that file already read and committed
 */
record CohortPosition(
    Phase phase,
    @Nullable String requestId,
    @Nullable Instant requestedAt,
    Part part,
    long offset) {

  /** What a read does next. */
  enum Phase {
    /** Request a snapshot (at the start, and after a completed one). */
    REQUEST,
    /** Poll the request until Amplitude has computed the cohort, then download. */
    POLL,
    /** Page through the downloaded snapshot. */
    READ,
    /** The snapshot is committed; the next run requests a new one. */
    DONE
  }

  /** The members file, then the file of users who left. */
  enum Part {
    MEMBERS,
    EXITS
  }

  static final CohortPosition START =
      new CohortPosition(Phase.REQUEST, null, null, Part.MEMBERS, 0);

  static CohortPosition polling(String requestId, Instant requestedAt) {
    return new CohortPosition(Phase.POLL, requestId, requestedAt, Part.MEMBERS, 0);
  }

  CohortPosition reading(Part part, long offset) {
    return new CohortPosition(Phase.READ, requestId, requestedAt, part, offset);
  }

  CohortPosition done() {
    return new CohortPosition(Phase.DONE, requestId, requestedAt, Part.MEMBERS, 0);
  }

  String request() {
    if (requestId == null) {
      throw new IllegalStateException("no request in phase " + phase);
    }
    return requestId;
  }

  Instant snapshotAt() {
    if (requestedAt == null) {
      throw new IllegalStateException("no request in phase " + phase);
    }
    return requestedAt;
  }

  static CohortPosition decode(@Nullable String cursor) {
    if (cursor == null || cursor.isBlank()) {
      return START;
    }
    try {
      Map<?, ?> map = (Map<?, ?>) JsonCodec.parse(cursor.getBytes(StandardCharsets.UTF_8));
      Object requestId = map.get("request_id");
      Object requestedAt = map.get("requested_at");
      Object part = map.get("part");
      Object offset = map.get("offset");
      return new CohortPosition(
          Phase.valueOf(String.valueOf(map.get("phase")).toUpperCase(Locale.ROOT)),
          requestId == null ? null : requestId.toString(),
          requestedAt == null ? null : Instant.parse(requestedAt.toString()),
          part == null ? Part.MEMBERS : Part.valueOf(part.toString().toUpperCase(Locale.ROOT)),
          offset instanceof Number n ? n.longValue() : 0);
    } catch (RuntimeException e) {
      throw new ConfigException(
          "checkpoint",
          "the checkpoint of this Amplitude cohort import is not its own or is damaged; reset it",
          e);
    }
  }

  String encode() {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("phase", phase.name().toLowerCase(Locale.ROOT));
    if (requestId != null) {
      map.put("request_id", requestId);
    }
    if (requestedAt != null) {
      map.put("requested_at", requestedAt.toString());
    }
    if (phase == Phase.READ) {
      map.put("part", part.name().toLowerCase(Locale.ROOT));
      map.put("offset", offset);
    }
    return new String(JsonCodec.write(map), StandardCharsets.UTF_8);
  }
}
