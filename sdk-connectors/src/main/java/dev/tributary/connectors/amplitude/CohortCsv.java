package dev.tributary.connectors.amplitude;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dev.tributary.core.ConfigException;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipInputStream;
import org.jspecify.annotations.Nullable;

/**
 * Converts Amplitude's cohort file into the connector's own spool format, one JSON object per line
 * ({@code amplitude_id}, {@code user_id}, {@code properties}), streaming: constant memory whatever
 * the cohort's size. The file is CSV with a header row, every value quoted ({@code
 * "amplitude_id","user_id"}, then one column per user property asked for); an empty {@code user_id}
 * is an anonymous user. A gzip or zip wrapper (not documented, but cheap to accept) is unwrapped.
 */
final class CohortCsv {
  private static final CsvMapper CSV = new CsvMapper();
  private static final ObjectMapper JSON = new ObjectMapper();

  private CohortCsv() {}

  /** What a conversion found. */
  record Converted(long rows, LongIds ids) {}

  /**
   * Reads the CSV in {@code body} and writes one JSON line per member to {@code out}; collects the
   * Amplitude IDs (for comparing snapshots).
   *
   * @throws ConfigException if the file has no {@code amplitude_id} column: it is not a cohort file
   */
  static Converted convert(InputStream body, OutputStream out, String request) throws IOException {
    InputStream in = unwrap(new BufferedInputStream(body, 64 * 1024));
    CsvSchema schema = CsvSchema.emptySchema().withHeader();
    LongIds ids = new LongIds();
    long rows = 0;
    try (MappingIterator<Map<String, String>> it =
        CSV.readerForMapOf(String.class)
            .with(schema)
            .with(CsvParser.Feature.TRIM_SPACES)
            .readValues(in)) {
      String idColumn = null;
      String userColumn = null;
      while (it.hasNextValue()) {
        Map<String, String> row = it.nextValue();
        if (idColumn == null) {
          idColumn = column(row, "amplitude_id");
          userColumn = column(row, "user_id");
          if (idColumn == null) {
            throw new ConfigException(
                "endpoint",
                "the file of "
                    + request
                    + " has no amplitude_id column ("
                    + row.keySet()
                    + "); it is not a cohort download",
                null);
          }
        }
        String id = row.get(idColumn);
        if (id == null || id.isBlank()) {
          continue; // a blank line at the end
        }
        out.write(line(row, idColumn, userColumn));
        ids.add(id);
        rows++;
      }
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new ConfigException(
          "endpoint", "the file of " + request + " is not CSV: " + e.getOriginalMessage(), null);
    }
    return new Converted(rows, ids);
  }

  private static byte[] line(Map<String, String> row, String idColumn, @Nullable String userColumn)
      throws IOException {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("amplitude_id", row.get(idColumn));
    String user = userColumn == null ? null : row.get(userColumn);
    json.put("user_id", user == null || user.isEmpty() ? null : user);
    Map<String, String> properties = new LinkedHashMap<>();
    row.forEach(
        (k, v) -> {
          if (!k.equals(idColumn) && !k.equals(userColumn) && v != null && !v.isEmpty()) {
            properties.put(k, v);
          }
        });
    json.put("properties", properties);
    byte[] bytes = JSON.writeValueAsBytes(json);
    byte[] withNewline = Arrays.copyOf(bytes, bytes.length + 1);
    withNewline[bytes.length] = '\n';
    return withNewline;
  }

  private static @Nullable String column(Map<String, String> row, String name) {
    for (String key : row.keySet()) {
      if (key.strip().toLowerCase(Locale.ROOT).equals(name)) {
        return key;
      }
    }
    return null;
  }

  private static InputStream unwrap(BufferedInputStream in) throws IOException {
    in.mark(4);
    byte[] magic = in.readNBytes(4);
    in.reset();
    if (magic.length >= 2 && (magic[0] & 0xff) == 0x1f && (magic[1] & 0xff) == 0x8b) {
      return new GZIPInputStream(in, 64 * 1024);
    }
    if (magic.length == 4
        && new String(magic, StandardCharsets.ISO_8859_1).equals("PK\u0003\u0004")) {
      ZipInputStream zip = new ZipInputStream(in);
      if (zip.getNextEntry() == null) {
        throw new IOException("an empty zip file");
      }
      return zip;
    }
    return in;
  }
}
