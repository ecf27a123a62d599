package dev.tributary.core.schedule;

import dev.tributary.core.ConfigException;

/**
 * A schedule's text could not be read. The message quotes the text, names the bad token and its
 * column, and says what was expected there; {@link #token()} and {@link #column()} give the same
 * for programs (an editor can underline the token).
 */
public final class ScheduleParseException extends ConfigException {
  private static final long serialVersionUID = 1L;

  private final String input;
  private final String token;
  private final int column;
  private final String problem;

  /**
   * @param input the whole text being parsed
   * @param token the offending token, empty when the text ended too soon
   * @param column the 1-based column of the token in {@code input}
   * @param problem what is wrong and what was expected, as a sentence fragment
   */
  public ScheduleParseException(String input, String token, int column, String problem) {
    super("schedule", describe(input, token, column, problem), null);
    this.input = input;
    this.token = token;
    this.column = column;
    this.problem = problem;
  }

  private static String describe(String input, String token, int column, String problem) {
    String where = token.isEmpty() ? "at the end" : "\"" + token + "\" at column " + column;
    return "cannot parse schedule \"" + input + "\": " + where + ": " + problem;
  }

  /** The text that was being parsed. */
  public String input() {
    return input;
  }

  /** The offending token; empty when the text ended too soon. */
  public String token() {
    return token;
  }

  /** The 1-based column of {@link #token()} in {@link #input()}. */
  public int column() {
    return column;
  }

  /** What is wrong and what was expected, without the quoted input. */
  public String problem() {
    return problem;
  }
}
