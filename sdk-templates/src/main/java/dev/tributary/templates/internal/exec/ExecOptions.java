package dev.tributary.templates.internal.exec;

import dev.tributary.templates.internal.func.FunctionTable;
import java.time.Clock;
import java.time.ZoneId;

/**
 * The engine settings an execution runs with: Go's missing-key option, the Go release whose
 * semantics to follow, the sandbox limits, and the clock and zone for date functions. Immutable.
 *
 * @param missingKey 0 = default/invalid, 1 = zero, 2 = error
 * @param rangeOverInt whether {@code range} iterates over integers (Go 1.22+)
 */
public record ExecOptions(
    int missingKey,
    boolean rangeOverInt,
    long maxOutputChars,
    long maxRangeIterations,
    int maxTemplateDepth,
    long maxRegexSteps,
    Clock clock,
    ZoneId localZone,
    FunctionTable functions) {
  public static final int MISSING_DEFAULT = 0;
  public static final int MISSING_ZERO = 1;
  public static final int MISSING_ERROR = 2;
}
