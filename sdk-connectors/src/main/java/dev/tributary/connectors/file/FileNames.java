package dev.tributary.connectors.file;

import dev.tributary.core.ConfigException;
import dev.tributary.templates.MissingKey;
import dev.tributary.templates.Template;
import dev.tributary.templates.TemplateEngine;
import dev.tributary.templates.TemplateException;
import dev.tributary.templates.TemplateLimits;
import dev.tributary.templates.TemplateParseException;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * File names and e-mail texts from Go templates (sdk-templates, {@code missingkey=error}, so that a
 * misspelt key fails instead of printing {@code <no value>}). Names that could leave the export
 * directory are refused. Thread-safe; parsed templates are cached.
 */
final class FileNames {
  static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");
  static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd");
  static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HHmmss");
  private static final int MAX_NAME = 255;
  private static final int MAX_CACHED = 256;
  private static final TemplateEngine NAMES = engine(4 * 1024);
  private static final TemplateEngine TEXTS = engine(64 * 1024);
  private static final Map<String, Template> parsed = new ConcurrentHashMap<>();

  private FileNames() {}

  private static TemplateEngine engine(long maxChars) {
    return TemplateEngine.builder()
        .missingKey(MissingKey.ERROR)
        .limits(TemplateLimits.builder().maxOutputChars(maxChars).build())
        .build();
  }

  /** The data a file name may use; see {@link FileExportConnector}. */
  static Map<String, Object> data(ExportSettings settings, ExportRun run) {
    ZonedDateTime utc =
        run.startedAt().truncatedTo(ChronoUnit.SECONDS).atZone(java.time.ZoneOffset.UTC);
    ZonedDateTime local = utc.withZoneSameInstant(settings.zone());
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("audience", settings.audience());
    data.put("timestamp", TIMESTAMP.format(utc));
    data.put("date", DATE.format(local));
    data.put("time", TIME.format(local));
    data.put("local_timestamp", DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(local));
    data.put("job", run.jobId());
    data.put("run", run.runNumber());
    data.put("run_id", run.jobId() + "-" + run.runNumber());
    data.put("format", settings.format().extension);
    data.put("extension", settings.extension());
    return data;
  }

  /**
   * Renders the {@code file_name} template and checks the result.
   *
   * @throws ConfigException if the template is bad or renders a name that is empty, absolute,
   *     contains {@code ..}, a backslash or a control character
   */
  static String render(String template, Map<String, Object> data) {
    String name = text("file_name", template, data, NAMES);
    return checked(name);
  }

  /** Renders an e-mail text ({@code subject}, {@code body}). */
  static String text(String setting, String template, Map<String, Object> data) {
    return text(setting, template, data, TEXTS);
  }

  private static String text(
      String setting, String template, Map<String, Object> data, TemplateEngine engine) {
    Template parsedTemplate = parse(setting, template, engine);
    try {
      return parsedTemplate.render(data);
    } catch (TemplateException e) {
      throw new ConfigException(
          setting,
          "\""
              + setting
              + "\" does not render: "
              + e.getMessage()
              + "; known keys: "
              + data.keySet(),
          e);
    }
  }

  private static Template parse(String setting, String text, TemplateEngine engine) {
    String key = System.identityHashCode(engine) + "\u0000" + setting + "\u0000" + text;
    Template cached = parsed.get(key);
    if (cached != null) {
      return cached;
    }
    try {
      Template template = engine.parse(setting, text);
      if (parsed.size() >= MAX_CACHED) {
        parsed.clear();
      }
      parsed.put(key, template);
      return template;
    } catch (TemplateParseException e) {
      throw new ConfigException(
          setting, "\"" + setting + "\" is not a valid template: " + e.getMessage(), e);
    }
  }

  /** The name if it stays inside the export directory, else a {@code ConfigException}. */
  static String checked(String name) {
    String problem = problem(name);
    if (problem != null) {
      throw new ConfigException(
          "file_name", "\"file_name\" renders \"" + printable(name) + "\", which " + problem, null);
    }
    return name;
  }

  private static @Nullable String problem(String name) {
    if (name.isBlank()) {
      return "is empty";
    }
    if (name.startsWith("/")) {
      return "is absolute: names are relative to the export directory";
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c == '\\' || Character.isISOControl(c)) {
        return "contains a backslash or a control character";
      }
    }
    for (String segment : name.split("/", -1)) {
      if (segment.equals("..") || segment.equals(".") || segment.isEmpty()) {
        return "has an empty, . or .. segment: a name may not leave the export directory";
      }
      if (segment.length() > MAX_NAME) {
        return "has a segment longer than " + MAX_NAME + " characters";
      }
    }
    return null;
  }

  private static String printable(String name) {
    StringBuilder out = new StringBuilder();
    name.codePoints()
        .limit(120)
        .forEach(
            c -> {
              if (Character.isISOControl(c)) {
                out.append(String.format("\\u%04x", c));
              } else {
                out.appendCodePoint(c);
              }
            });
    return out.toString();
  }
}
