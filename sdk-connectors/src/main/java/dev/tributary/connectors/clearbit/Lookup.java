package dev.tributary.connectors.clearbit;

import dev.tributary.connectors.internal.ApiUrls;
import java.net.URI;
import java.util.Locale;
import java.util.Map;

/**
 * Which Clearbit lookup the connector makes: its URL, the identifier it sends and the user fields a
 * found record fills by default (target to JSON pointer into the answer).
 */
enum Lookup {
  /** {@code GET person.clearbit.com/v2/combined/find?email=}: {@code {"person", "company"}}. */
  COMBINED("https://person.clearbit.com", "/v2/combined/find", "email"),
  /** {@code GET person.clearbit.com/v2/people/find?email=}: the person. */
  PERSON("https://person.clearbit.com", "/v2/people/find", "email"),
  /** {@code GET company.clearbit.com/v2/companies/find?domain=}: the company. */
  COMPANY("https://company.clearbit.com", "/v2/companies/find", "domain");

  /** Person fields, pointers relative to the person. */
  static final Map<String, String> PERSON_FIELDS =
      ordered(
          "first_name", "/name/givenName",
          "last_name", "/name/familyName",
          "full_name", "/name/fullName",
          "job_title", "/employment/title",
          "job_role", "/employment/role",
          "job_seniority", "/employment/seniority",
          "location", "/location",
          "country_code", "/geo/countryCode",
          "linkedin_handle", "/linkedin/handle",
          "twitter_handle", "/twitter/handle",
          "avatar", "/avatar");

  /** Company fields, pointers relative to the company. */
  static final Map<String, String> COMPANY_FIELDS =
      ordered(
          "company_name", "/name",
          "company_domain", "/domain",
          "company_sector", "/category/sector",
          "company_industry", "/category/industry",
          "company_employees", "/metrics/employees",
          "company_employees_range", "/metrics/employeesRange",
          "company_estimated_revenue", "/metrics/estimatedAnnualRevenue",
          "company_country_code", "/geo/countryCode",
          "company_type", "/type");

  private final String host;
  private final String path;
  private final String identifier;

  Lookup(String host, String path, String identifier) {
    this.host = host;
    this.path = path;
    this.identifier = identifier;
  }

  static Lookup parse(String value) {
    return valueOf(value.strip().toUpperCase(Locale.ROOT));
  }

  /** The lookup URL under {@code apiUrl}, or under Clearbit's own host. */
  URI url(URI apiUrl) {
    return ApiUrls.under(apiUrl, path);
  }

  URI defaultBase() {
    return URI.create(host);
  }

  /** The identity kind (and query parameter) looked up by: {@code email} or {@code domain}. */
  String identifier() {
    return identifier;
  }

  /** The default mapping: target field to JSON pointer into this lookup's answer. */
  Map<String, String> defaultFields() {
    Map<String, String> fields = new java.util.LinkedHashMap<>();
    switch (this) {
      case COMBINED -> {
        PERSON_FIELDS.forEach((k, v) -> fields.put(k, "/person" + v));
        COMPANY_FIELDS.forEach((k, v) -> fields.put(k, "/company" + v));
      }
      case PERSON -> {
        fields.putAll(PERSON_FIELDS);
        fields.put("company_name", "/employment/name");
        fields.put("company_domain", "/employment/domain");
      }
      case COMPANY -> fields.putAll(COMPANY_FIELDS);
    }
    return fields;
  }

  private static Map<String, String> ordered(String... pairs) {
    Map<String, String> map = new java.util.LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      map.put(pairs[i], pairs[i + 1]);
    }
    return java.util.Collections.unmodifiableMap(map);
  }

  @Override
  public String toString() {
    return name().toLowerCase(Locale.ROOT);
  }
}
