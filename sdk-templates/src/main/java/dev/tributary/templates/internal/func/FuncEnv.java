package dev.tributary.templates.internal.func;

import java.time.Clock;
import java.time.ZoneId;

/**
 * What a function may know about the rendering it runs in: the clock and zone for date functions
 * (Go's {@code time.Now} and {@code time.Local}) and the limits that keep generated strings and
 * lists bounded.
 */
public interface FuncEnv {
  Clock clock();

  /** The zone Go would call {@code time.Local}. */
  ZoneId localZone();

  /**
   * Checks that a function may build a string of {@code chars} chars or a list of as many items;
   * throws {@link FuncException} naming the limit otherwise.
   */
  void checkSize(long chars) throws FuncException;

  /** Charges {@code steps} units of work (regex matching) against the rendering's budget. */
  void chargeSteps(long steps) throws FuncException;
}
