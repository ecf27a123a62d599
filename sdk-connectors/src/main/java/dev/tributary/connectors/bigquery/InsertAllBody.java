package dev.tributary.connectors.bigquery;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tributary.core.SystemException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The body of an insertAll request ({@code {"kind": "bigquery#tableDataInsertAllRequest",
 * "skipInvalidRows", "ignoreUnknownValues", "templateSuffix", "rows": [...]}}) from rows already
 * written as JSON, and the packing of rows into requests within BigQuery's size and row limits.
 */
final class InsertAllBody {
  /**
   * Room for the envelope around the rows: the flags and a template suffix of up to {@link
   * BigQuerySettings#MAX_SUFFIX_LENGTH} characters of up to 4 bytes each, with room to spare.
   */
  static final int ENVELOPE = 8192;

  /** The largest row that fits a request of its own. */
  static final int MAX_ROW_BYTES = BigQueryExportConnector.MAX_REQUEST_BYTES - ENVELOPE - 1;

  private InsertAllBody() {}

  /**
   * The rows that could be written (non-null), in order, in groups whose request stays within
   * {@code maxBytes} and {@link BigQueryExportConnector#MAX_ROWS} rows.
   */
  static List<List<Integer>> split(List<byte @Nullable []> rows, int maxBytes) {
    List<List<Integer>> requests = new ArrayList<>();
    List<Integer> current = new ArrayList<>();
    long size = ENVELOPE;
    for (int i = 0; i < rows.size(); i++) {
      byte[] row = rows.get(i);
      if (row == null) {
        continue;
      }
      boolean full =
          size + row.length + 1 > maxBytes || current.size() == BigQueryExportConnector.MAX_ROWS;
      if (full && !current.isEmpty()) {
        requests.add(current);
        current = new ArrayList<>();
        size = ENVELOPE;
      }
      current.add(i);
      size += row.length + 1;
    }
    if (!current.isEmpty()) {
      requests.add(current);
    }
    return requests;
  }

  static byte[] of(
      BigQuerySettings s, List<Integer> items, List<byte @Nullable []> rows, ObjectMapper mapper) {
    Map<String, Object> envelope = new LinkedHashMap<>();
    envelope.put("kind", "bigquery#tableDataInsertAllRequest");
    envelope.put("skipInvalidRows", s.skipInvalidRows());
    envelope.put("ignoreUnknownValues", s.ignoreUnknownValues());
    if (s.templateSuffix() != null) {
      envelope.put("templateSuffix", s.templateSuffix());
    }
    String head;
    try {
      head = mapper.writeValueAsString(envelope);
    } catch (JsonProcessingException e) {
      throw new SystemException("cannot write the insertAll envelope", e);
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(head.substring(0, head.length() - 1).getBytes(StandardCharsets.UTF_8));
    out.writeBytes(",\"rows\":[".getBytes(StandardCharsets.UTF_8));
    for (int k = 0; k < items.size(); k++) {
      if (k > 0) {
        out.write(',');
      }
      out.writeBytes(Objects.requireNonNull(rows.get(items.get(k)), "row"));
    }
    out.writeBytes("]}".getBytes(StandardCharsets.UTF_8));
    return out.toByteArray();
  }
}
