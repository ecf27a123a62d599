package dev.tributary.connectors.personalization;

import dev.tributary.core.ConfigException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code identities} setting as a {@link TagIdentitySource}: entries {@code kind=place:name},
 * the place one of {@code query}, {@code cookie} or {@code header}, tried in order (the first value
 * of a kind wins).
 */
record ConfiguredIdentities(List<Entry> entries) implements TagIdentitySource {
  /** One entry of the setting. */
  record Entry(String kind, Place place, String name) {}

  /** Where in the request an identity is. */
  enum Place {
    QUERY,
    COOKIE,
    HEADER
  }

  ConfiguredIdentities {
    entries = List.copyOf(entries);
  }

  static ConfiguredIdentities parse(List<String> values) {
    List<Entry> entries = new ArrayList<>();
    for (String value : values) {
      int eq = value.indexOf('=');
      int colon = value.indexOf(':', eq + 1);
      if (eq < 1 || colon < 0 || colon == value.length() - 1) {
        throw bad(value);
      }
      Place place;
      try {
        place = Place.valueOf(value.substring(eq + 1, colon).strip().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw bad(value);
      }
      String name = value.substring(colon + 1).strip();
      if (!name.matches("[!#$%&'*+.^_`|~0-9A-Za-z-]+")) {
        throw bad(value);
      }
      entries.add(new Entry(value.substring(0, eq).strip(), place, name));
    }
    return new ConfiguredIdentities(entries);
  }

  private static ConfigException bad(String value) {
    return new ConfigException(
        PersonalizationTagConnector.IDENTITIES,
        "\"identities\" entries are kind=query:<parameter>, kind=cookie:<name> or"
            + " kind=header:<name>, not \""
            + value
            + "\"",
        null);
  }

  @Override
  public Map<String, String> identities(TagRequest request) {
    Map<String, String> out = new LinkedHashMap<>();
    for (Entry e : entries) {
      if (!out.containsKey(e.kind())) {
        value(request, e).filter(v -> !v.isBlank()).ifPresent(v -> out.put(e.kind(), v));
      }
    }
    return out;
  }

  private static Optional<String> value(TagRequest request, Entry e) {
    return switch (e.place()) {
      case QUERY -> request.queryParameter(e.name());
      case COOKIE -> request.cookie(e.name());
      case HEADER -> request.header(e.name());
    };
  }

  boolean uses(Place place) {
    return entries.stream().anyMatch(e -> e.place() == place);
  }

  List<String> headerNames() {
    return entries.stream().filter(e -> e.place() == Place.HEADER).map(Entry::name).toList();
  }
}
