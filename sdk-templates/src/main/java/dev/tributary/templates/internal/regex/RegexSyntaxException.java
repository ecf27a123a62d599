package dev.tributary.templates.internal.regex;

/** A pattern Go's {@code regexp} rejects; the message is Go's ({@code error parsing regexp: …}). */
public final class RegexSyntaxException extends Exception {
  private static final long serialVersionUID = 1L;

  RegexSyntaxException(String code, String expr) {
    super("error parsing regexp: " + code + ": `" + expr + "`", null, false, false);
  }
}
