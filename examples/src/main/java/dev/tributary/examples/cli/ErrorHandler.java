package dev.tributary.examples.cli;

import dev.tributary.core.ErrorClass;
import dev.tributary.core.TributaryException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Prints an SDK error as one readable line instead of a stack trace, and maps its class to an exit
 * code: 2 for bad input or settings ({@code CONFIG}, {@code VALIDATION}), 3 for a temporary failure
 * worth retrying, 1 for anything else.
 */
final class ErrorHandler implements IExecutionExceptionHandler {
  static final int BAD_INPUT = 2;
  static final int TEMPORARY = 3;

  @Override
  public int handleExecutionException(Exception e, CommandLine cli, ParseResult parsed)
      throws Exception {
    if (!(e instanceof TributaryException error)) {
      throw e;
    }
    cli.getErr().println("error: " + error.getMessage());
    return error.errorClass() == ErrorClass.TRANSIENT
        ? TEMPORARY
        : error.errorClass() == ErrorClass.SYSTEM ? 1 : BAD_INPUT;
  }
}
