package dev.tributary.core.mapping;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/** A text transformation applied to a source value before it is coerced, in the order given. */
public enum Transform {
  /** Leading and trailing white space removed. */
  TRIM,
  /** Lower case, root locale. */
  LOWERCASE,
  /** Upper case, root locale. */
  UPPERCASE,
  /**
   * The lower-case hex SHA-256 of the UTF-8 text: how ad platforms take e-mail addresses and phone
   * numbers. Put {@code TRIM} and {@code LOWERCASE} before it; a rule with it is treated as PII.
   */
  SHA256;

  String apply(String value) {
    return switch (this) {
      case TRIM -> value.strip();
      case LOWERCASE -> value.toLowerCase(Locale.ROOT);
      case UPPERCASE -> value.toUpperCase(Locale.ROOT);
      case SHA256 -> sha256(value);
    };
  }

  private static String sha256(String value) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(digest.digest(value.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
