package dev.tributary.core.mapping;

/**
 * The type a mapped value is coerced to, and the Java type it then has in the profile.
 *
 * <table>
 *   <caption>Coercions</caption>
 *   <tr><th>type</th><th>Java type</th><th>accepts</th></tr>
 *   <tr><td>STRING</td><td>String</td><td>text; numbers and booleans as written</td></tr>
 *   <tr><td>INTEGER</td><td>Long</td><td>whole numbers, as numbers or text ({@code "42"},
 *       {@code "-7"}, {@code "42.0"}); not {@code "4.5"}</td></tr>
 *   <tr><td>NUMBER</td><td>BigDecimal</td><td>numbers, as numbers or text ({@code "12.50"},
 *       {@code "1e3"}), exactly</td></tr>
 *   <tr><td>BOOLEAN</td><td>Boolean</td><td>booleans; text {@code true/false}, {@code yes/no},
 *       {@code y/n}, {@code 1/0} (any case); the numbers 1 and 0</td></tr>
 *   <tr><td>TIMESTAMP</td><td>Instant</td><td>ISO-8601 instants ({@code 2026-12-01T10:00:00Z}),
 *       date-times with an offset, dates ({@code 2026-12-01}, midnight UTC); numbers as epoch
 *       milliseconds</td></tr>
 *   <tr><td>SET</td><td>Set&lt;String&gt;</td><td>lists and sets (elements as text), or text
 *       split at commas; blanks dropped, order kept</td></tr>
 * </table>
 */
public enum FieldType {
  STRING,
  INTEGER,
  NUMBER,
  BOOLEAN,
  TIMESTAMP,
  SET
}
