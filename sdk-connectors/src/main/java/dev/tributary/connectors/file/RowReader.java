package dev.tributary.connectors.file;

import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.csv.CsvFactory;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import dev.tributary.connectors.internal.json.JsonCodec;
import dev.tributary.core.ValidationException;
import java.io.BufferedReader;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipException;
import org.jspecify.annotations.Nullable;

/**
 * Reads an imported file's rows one at a time, with their line numbers, in constant memory: CSV
 * (jackson-dataformat-csv, header row or configured columns) or JSON Lines. Text must be UTF-8 (a
 * byte-order mark is skipped). A row that cannot be read becomes a {@link FileRow} with a problem;
 * damage that ends the file (invalid UTF-8, a cut-off gzip stream, an unclosed quote) is a {@link
 * ValidationException} naming the line. Not thread-safe.
 */
abstract class RowReader implements AutoCloseable {
  private static final CsvFactory CSV = CsvFactory.builder().build();

  final String file;

  private RowReader(String file) {
    this.file = file;
  }

  static RowReader open(
      String file, InputStream text, boolean jsonLines, CsvDialect dialect, List<String> columns)
      throws IOException {
    Reader reader = new BufferedReader(utf8(text), 1 << 16);
    reader.mark(1);
    if (reader.read() != '\uFEFF') {
      reader.reset();
    }
    return jsonLines ? new JsonLines(file, reader) : new Csv(file, reader, dialect, columns);
  }

  private static Reader utf8(InputStream in) {
    return new InputStreamReader(
        in,
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT));
  }

  /** The next row, or {@code null} at the end of the file. */
  final @Nullable FileRow next() throws IOException {
    try {
      return read();
    } catch (CharacterCodingException e) {
      throw new ValidationException(
          "'" + file + "' is not UTF-8 text (near line " + line() + ")", null, line(), e);
    } catch (ZipException | EOFException e) {
      throw ImportLayers.damagedGzip(file, e);
    }
  }

  abstract @Nullable FileRow read() throws IOException;

  /** The line the reader is at, for messages. */
  abstract long line();

  @Override
  public abstract void close() throws IOException;

  private static final class Csv extends RowReader {
    private final CsvParser parser;
    private @Nullable List<String> header;

    Csv(String file, Reader reader, CsvDialect dialect, List<String> columns) throws IOException {
      super(file);
      this.parser = (CsvParser) CSV.createParser(reader);
      parser.enable(CsvParser.Feature.WRAP_AS_ARRAY);
      parser.enable(CsvParser.Feature.SKIP_EMPTY_LINES);
      parser.setSchema(dialect.schema());
      if (!dialect.header()) {
        if (columns.isEmpty()) {
          throw new dev.tributary.core.ConfigException(
              "columns", "CSV files without a header need \"columns\"", null);
        }
        this.header = List.copyOf(columns);
      }
      nextToken(); // the START_ARRAY wrapping the whole file
    }

    @Override
    @Nullable FileRow read() throws IOException {
      while (true) {
        if (nextToken() != JsonToken.START_ARRAY) {
          return null;
        }
        Row row = row();
        if (row.problem() == null && row.values().size() == 1 && row.values().get(0).isEmpty()) {
          continue; // a blank line
        }
        List<String> names = header;
        if (names == null) {
          header = headerOf(row);
          continue;
        }
        return toFileRow(row, names);
      }
    }

    private record Row(long line, List<String> values, @Nullable String problem) {}

    private Row row() throws IOException {
      List<String> values = new ArrayList<>();
      long line = -1;
      String problem = null;
      while (true) {
        JsonToken t;
        try {
          t = nextToken();
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
          if (line < 0) {
            line =
                e.getLocation() == null
                    ? parser.currentLocation().getLineNr()
                    : e.getLocation().getLineNr();
          }
          problem = problem != null ? problem : e.getOriginalMessage();
          continue; // the parser goes on after the bad value; the rest of the row is dropped
        }
        if (t == null) {
          throw new ValidationException(
              "'" + file + "' ends inside a row that starts on line " + line, null, line, null);
        }
        if (t == JsonToken.END_ARRAY) {
          return new Row(line, values, problem);
        }
        if (line < 0) {
          line = parser.currentTokenLocation().getLineNr();
        }
        values.add(parser.getText());
      }
    }

    private List<String> headerOf(Row row) {
      Set<String> seen = new HashSet<>();
      for (String name : row.values()) {
        if (name.isBlank() || !seen.add(name.strip())) {
          throw new ValidationException(
              "'" + file + "': the header has a blank or repeated column name \"" + name + "\"",
              null,
              row.line(),
              null);
        }
      }
      if (row.problem() != null) {
        throw new ValidationException(
            "'" + file + "': the header cannot be read: " + row.problem(), null, row.line(), null);
      }
      return row.values().stream().map(String::strip).toList();
    }

    private FileRow toFileRow(Row row, List<String> names) {
      if (row.problem() != null) {
        return FileRow.bad(file, row.line(), "line " + row.line() + ": " + row.problem());
      }
      if (row.values().size() != names.size()) {
        return FileRow.bad(
            file,
            row.line(),
            "line "
                + row.line()
                + " has "
                + row.values().size()
                + " values, but there are "
                + names.size()
                + " columns");
      }
      Map<String, @Nullable Object> values = new LinkedHashMap<>();
      for (int i = 0; i < names.size(); i++) {
        values.put(names.get(i), row.values().get(i));
      }
      return new FileRow(file, row.line(), values, null);
    }

    private @Nullable JsonToken nextToken() throws IOException {
      try {
        return parser.nextToken();
      } catch (com.fasterxml.jackson.core.io.JsonEOFException e) {
        throw new ValidationException(
            "'"
                + file
                + "' ends inside a quoted value (a quote is not closed) after line "
                + line(),
            null,
            line(),
            e);
      }
    }

    @Override
    long line() {
      return parser.currentLocation().getLineNr();
    }

    @Override
    public void close() throws IOException {
      parser.close();
    }
  }

  private static final class JsonLines extends RowReader {
    private final BufferedReader reader;
    private long line;

    JsonLines(String file, Reader reader) {
      super(file);
      this.reader = new BufferedReader(reader, 1 << 16);
    }

    @Override
    @Nullable FileRow read() throws IOException {
      String text;
      do {
        text = reader.readLine();
        if (text == null) {
          return null;
        }
        line++;
      } while (text.isBlank());
      try {
        Object value = JsonCodec.parse(text.getBytes(StandardCharsets.UTF_8));
        if (!(value instanceof Map<?, ?> map)) {
          return FileRow.bad(file, line, "line " + line + " is not a JSON object");
        }
        Map<String, @Nullable Object> values = new LinkedHashMap<>();
        map.forEach((k, v) -> values.put(String.valueOf(k), v));
        return new FileRow(file, line, values, null);
      } catch (ValidationException e) {
        return FileRow.bad(file, line, "line " + line + ": " + e.getMessage());
      }
    }

    @Override
    long line() {
      return line;
    }

    @Override
    public void close() throws IOException {
      reader.close();
    }
  }
}
