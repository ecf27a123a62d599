package dev.tributary.connectors.file;

import dev.tributary.core.ConfigException;
import dev.tributary.core.connector.ConnectorConfig;
import dev.tributary.core.model.Profile;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The columns of an export, in order: {@code profile_id} (optional), the chosen identities (named
 * by kind), the chosen user fields, and one {@code audience:NAME} column per chosen audience.
 */
final class ExportColumns {
  static final String PROFILE_ID = "profile_id";
  static final String AUDIENCE_PREFIX = "audience:";

  private enum Kind {
    PROFILE_ID,
    IDENTITY,
    FIELD,
    AUDIENCE
  }

  private record Column(Kind kind, String source, String header) {}

  private final List<Column> columns;
  private final List<String> headers;

  private ExportColumns(List<Column> columns) {
    this.columns = List.copyOf(columns);
    this.headers = columns.stream().map(Column::header).toList();
  }

  /**
   * @throws ConfigException if two columns would have the same name, or there is no column at all
   */
  static ExportColumns of(ConnectorConfig config) {
    List<Column> columns = new ArrayList<>();
    if (config.bool("include_profile_id")) {
      columns.add(new Column(Kind.PROFILE_ID, PROFILE_ID, PROFILE_ID));
    }
    config.list("identities").forEach(i -> columns.add(new Column(Kind.IDENTITY, i, i)));
    config.list("fields").forEach(f -> columns.add(new Column(Kind.FIELD, f, f)));
    config
        .list("audiences")
        .forEach(a -> columns.add(new Column(Kind.AUDIENCE, a, AUDIENCE_PREFIX + a)));
    Set<String> seen = new HashSet<>();
    for (Column c : columns) {
      if (!seen.add(c.header())) {
        throw new ConfigException(
            "fields",
            "two columns are named \""
                + c.header()
                + "\": an identity and a field may not share a name; leave one out",
            null);
      }
    }
    if (columns.isEmpty()) {
      throw new ConfigException(
          "fields", "the export has no column: choose identities, fields or audiences", null);
    }
    return new ExportColumns(columns);
  }

  List<String> headers() {
    return headers;
  }

  int size() {
    return columns.size();
  }

  /** The values of {@code profile}'s columns, in order; {@code null} for a missing one. */
  List<@Nullable Object> values(Profile profile) {
    List<@Nullable Object> values = new ArrayList<>(columns.size());
    for (Column c : columns) {
      values.add(
          switch (c.kind()) {
            case PROFILE_ID -> profile.id();
            case IDENTITY -> profile.identities().get(c.source());
            case FIELD -> profile.fields().get(c.source());
            case AUDIENCE -> profile.audiences().contains(c.source());
          });
    }
    return values;
  }
}
