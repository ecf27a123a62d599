package dev.tributary.connectors.personalization;

import static dev.tributary.connectors.personalization.PersonalizationTagConnector.*;

import dev.tributary.core.ConfigException;
import dev.tributary.core.connector.ConfigField;
import dev.tributary.core.connector.ConnectorConfig;
import dev.tributary.core.connector.ConnectorDescriptor;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The tag's settings: where identities are, which origins may read the document, how long a browser
 * may keep it, and the generic push connector's own settings as its configuration.
 */
record TagSettings(
    ConfiguredIdentities identities,
    Set<String> origins,
    long maxAgeSeconds,
    List<String> audiences,
    ConnectorConfig generic) {

  static TagSettings of(ConnectorConfig c, ConnectorDescriptor genericDescriptor) {
    long maxAge = c.integer(MAX_AGE);
    if (maxAge < 0 || maxAge > 86_400) {
      throw new ConfigException(
          MAX_AGE, "\"max_age_seconds\" must be 0 to 86400 (a day), not " + maxAge, null);
    }
    Map<String, String> values = new LinkedHashMap<>();
    for (ConfigField f : genericDescriptor.configuration()) {
      if (c.keys().contains(f.name())) {
        c.optionalString(f.name()).ifPresent(v -> values.put(f.name(), v));
      }
    }
    return new TagSettings(
        ConfiguredIdentities.parse(c.list(IDENTITIES)),
        origins(c.list(ALLOWED_ORIGINS)),
        maxAge,
        c.list("audiences"),
        ConnectorConfig.parse(genericDescriptor, values));
  }

  private static Set<String> origins(List<String> values) {
    Set<String> out = new LinkedHashSet<>();
    for (String value : values) {
      out.add(origin(value));
    }
    return out;
  }

  /** {@code value} as a browser sends it in {@code Origin}: scheme, host and port, no path. */
  private static String origin(String value) {
    if (value.equals("*")) {
      throw new ConfigException(
          ALLOWED_ORIGINS,
          "\"allowed_origins\" must name the origins one by one: * would let any site read a"
              + " visitor's document",
          null);
    }
    try {
      URI uri = new URI(value);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      boolean bare =
          (uri.getRawPath() == null || uri.getRawPath().isEmpty())
              && uri.getRawQuery() == null
              && uri.getRawFragment() == null
              && uri.getRawUserInfo() == null;
      if ((scheme.equals("https") || scheme.equals("http")) && uri.getHost() != null && bare) {
        return scheme
            + "://"
            + uri.getHost().toLowerCase(Locale.ROOT)
            + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
      }
    } catch (URISyntaxException e) {
      // refused below
    }
    throw new ConfigException(
        ALLOWED_ORIGINS,
        "\"allowed_origins\" holds \""
            + value
            + "\": give origins as scheme://host[:port], such as https://shop.example.com",
        null);
  }

  /** Whether a cross-origin request may send cookies, and so needs credentials allowed. */
  boolean cookies() {
    return identities.uses(ConfiguredIdentities.Place.COOKIE);
  }
}
