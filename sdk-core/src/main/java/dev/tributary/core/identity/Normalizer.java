package dev.tributary.core.identity;

import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Turns an identifier as a source wrote it into the form that is compared: {@code " Ann@Example.COM
 * "} and {@code "ann@example.com"} must find the same profile. Returns {@code null} when nothing
 * usable is left (a blank value), and the record is then not matched by that key.
 */
@FunctionalInterface
public interface Normalizer {
  @Nullable String normalize(String raw);

  /** Leading and trailing white space removed. */
  static Normalizer trim() {
    return raw -> blankToNull(raw.strip());
  }

  /** Trimmed and lower-cased (root locale): for e-mail addresses. */
  static Normalizer email() {
    return raw -> blankToNull(raw.strip().toLowerCase(Locale.ROOT));
  }

  /**
   * Digits only, a leading {@code +} kept: {@code "+49 (30) 1234-56"} becomes {@code
   * "+4930123456"}. For phone numbers already in international form.
   */
  static Normalizer phone() {
    return raw -> {
      String s = raw.strip();
      StringBuilder out = new StringBuilder(s.startsWith("+") ? "+" : "");
      s.chars().filter(Character::isDigit).forEach(c -> out.append((char) c));
      return out.length() == 0 || out.toString().equals("+") ? null : out.toString();
    };
  }

  /** Exactly as written, unless blank. */
  static Normalizer none() {
    return Normalizer::blankToNull;
  }

  /** This normaliser, then {@code next}. */
  default Normalizer andThen(Normalizer next) {
    Objects.requireNonNull(next, "next");
    return raw -> {
      String first = normalize(raw);
      return first == null ? null : next.normalize(first);
    };
  }

  private static @Nullable String blankToNull(String s) {
    return s.isBlank() ? null : s;
  }
}
