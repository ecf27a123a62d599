package dev.tributary.connectors.file;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvFactory;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import dev.tributary.connectors.internal.json.JsonCodec;
import dev.tributary.core.ValidationException;
import dev.tributary.core.model.Profile;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Writes profiles as CSV rows or JSON Lines objects, UTF-8, one at a time. A profile whose values
 * cannot be written is refused with a {@link ValidationException} before any of it is written, so
 * the file stays well-formed. {@link #finish()} flushes; closing the target is the caller's job.
 * Not thread-safe.
 */
abstract class ProfileEncoder {
  private static final CsvFactory CSV = CsvFactory.builder().build();
  private static final ObjectMapper JSON = new ObjectMapper();

  final ExportColumns columns;
  final Writer writer;

  private ProfileEncoder(ExportColumns columns, Writer writer) {
    this.columns = columns;
    this.writer = writer;
  }

  static ProfileEncoder create(ExportSettings settings, OutputStream target) throws IOException {
    Writer writer =
        new BufferedWriter(new OutputStreamWriter(target, StandardCharsets.UTF_8), 1 << 16);
    return settings.format() == ExportSettings.Format.CSV
        ? new Csv(settings.columns(), settings.csv(), writer)
        : new JsonLines(settings.columns(), writer);
  }

  /** Writes what comes before the first profile: the CSV header row, if asked for. */
  abstract void begin() throws IOException;

  /**
   * Writes one profile.
   *
   * @throws ValidationException naming the field whose value cannot be written; nothing of the
   *     profile was written
   */
  abstract void write(Profile profile) throws IOException;

  /** Flushes everything written to the target, which stays open. */
  abstract void finish() throws IOException;

  private static final class Csv extends ProfileEncoder {
    private final CsvDialect dialect;
    private final CsvGenerator generator;

    Csv(ExportColumns columns, CsvDialect dialect, Writer writer) throws IOException {
      super(columns, writer);
      this.dialect = dialect;
      this.generator = (CsvGenerator) CSV.createGenerator(writer);
      generator.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
      if (dialect.quoteAll()) {
        generator.enable(CsvGenerator.Feature.ALWAYS_QUOTE_STRINGS);
        generator.enable(CsvGenerator.Feature.ALWAYS_QUOTE_EMPTY_STRINGS);
      }
      generator.setSchema(dialect.schema());
    }

    @Override
    void begin() throws IOException {
      if (dialect.header()) {
        row(columns.headers());
      }
    }

    @Override
    void write(Profile profile) throws IOException {
      List<@Nullable Object> values = columns.values(profile);
      List<String> headers = columns.headers();
      String[] texts = new String[values.size()];
      for (int i = 0; i < texts.length; i++) {
        texts[i] = CellText.of(values.get(i), headers.get(i), dialect.escape());
      }
      row(List.of(texts));
    }

    private void row(List<String> cells) throws IOException {
      generator.writeStartArray();
      for (String cell : cells) {
        generator.writeString(cell);
      }
      generator.writeEndArray();
    }

    @Override
    void finish() throws IOException {
      generator.close(); // AUTO_CLOSE_TARGET is off: this flushes, the writer stays open
      writer.flush();
    }
  }

  private static final class JsonLines extends ProfileEncoder {
    private final JsonGenerator generator;

    JsonLines(ExportColumns columns, Writer writer) throws IOException {
      super(columns, writer);
      this.generator = JSON.getFactory().createGenerator(writer);
      generator.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
      generator.setRootValueSeparator(null); // lines are separated by the newline alone
    }

    @Override
    void begin() {}

    @Override
    void write(Profile profile) throws IOException {
      List<@Nullable Object> values = columns.values(profile);
      List<String> headers = columns.headers();
      Map<String, @Nullable Object> line = new LinkedHashMap<>();
      for (int i = 0; i < headers.size(); i++) {
        line.put(headers.get(i), JsonCodec.jsonReady(values.get(i), headers.get(i)));
      }
      JSON.writeValue(generator, line);
      generator.flush();
      writer.write('\n');
    }

    @Override
    void finish() throws IOException {
      generator.close();
      writer.flush();
    }
  }
}
