package dev.tributary.templates.internal.exec;

import dev.tributary.templates.internal.fmt.GoFmt;
import dev.tributary.templates.internal.fmt.Strconv;
import dev.tributary.templates.internal.func.FuncEnv;
import dev.tributary.templates.internal.func.FuncException;
import dev.tributary.templates.internal.parse.Node;
import dev.tributary.templates.internal.parse.Tree;
import dev.tributary.templates.internal.parse.VariableNode;
import dev.tributary.templates.internal.value.GoStrings;
import java.io.IOException;
import java.time.Clock;
import java.time.ZoneId;
import org.jspecify.annotations.Nullable;

/**
 * The state of one execution, as Go's {@code template.state}: the template being executed, the
 * current node (for error messages), the variables, the output and the sandbox's counters. One per
 * render call; not thread-safe.
 */
abstract class ExecState implements FuncEnv {
  /** Go's {@code missingVal}: no final value from a previous pipeline stage. */
  static final Object MISSING = new Object();

  final ExecOptions opts;
  private final Appendable out;
  private final @Nullable StringBuilder fastOut;
  private long written;
  long iterations;
  private long regexSteps;

  Tree tmpl;
  @Nullable Node node;
  Object[] vars;
  boolean[] varIface;
  int depth;

  /** Whether dot holds a value of static type {@code interface{}} (a range element). */
  boolean dotIface;

  /** Whether the last field or call produced a value of static type {@code interface{}}. */
  boolean resultIface;

  ExecState(ExecOptions opts, Appendable out, Tree tmpl) {
    this.opts = opts;
    this.out = out;
    this.fastOut = out instanceof StringBuilder sb ? sb : null;
    this.tmpl = tmpl;
    this.vars = new Object[tmpl.frameSize];
    this.varIface = new boolean[tmpl.frameSize];
  }

  /** Go's {@code state.errorf}: the error at the current node, to be thrown. */
  final ExecError errorf(String detail) {
    return error(detail, null);
  }

  final ExecError limitError(String detail, String limit) {
    return error(detail, limit);
  }

  private ExecError error(String detail, @Nullable String limit) {
    String name = tmpl.name();
    if (node == null) {
      return new ExecError("template: " + name + ": " + detail, name, null, null, detail, limit);
    }
    String location = node.tree.location(node);
    String context = node.toString();
    String message =
        "template: "
            + location
            + ": executing "
            + Strconv.quote(name)
            + " at <"
            + context
            + ">: "
            + detail;
    return new ExecError(message, name, location, context, detail, limit);
  }

  static String quote(String s) {
    return Strconv.quote(s);
  }

  /** {@code %v} of a value, as Go's error messages print it. */
  static String sprint(@Nullable Object v) {
    return v == null ? "<invalid reflect.Value>" : GoFmt.sprint(v);
  }

  final void write(String s) {
    written += s.length();
    if (written > opts.maxOutputChars()) {
      throw limitError(
          "output exceeds the limit of "
              + opts.maxOutputChars()
              + " characters (TemplateLimits.maxOutputChars)",
          "maxOutputChars");
    }
    if (fastOut != null) {
      fastOut.append(s);
      return;
    }
    try {
      out.append(s);
    } catch (IOException e) {
      throw new OutputFailure(e);
    }
  }

  /** Writes a float64 as {@code %v} prints it, straight into a StringBuilder sink. */
  final void writeFloat(double d) {
    if (fastOut == null || written + 32 > opts.maxOutputChars()) {
      StringBuilder sb = new StringBuilder(24);
      dev.tributary.templates.internal.fmt.GoFmt.appendFloat(sb, d);
      write(sb.toString());
      return;
    }
    int before = fastOut.length();
    dev.tributary.templates.internal.fmt.GoFmt.appendFloat(fastOut, d);
    written += fastOut.length() - before;
  }

  /** Writes a Go int in decimal. */
  final void writeInt(long v) {
    if (fastOut == null || written + 20 > opts.maxOutputChars()) {
      write(Long.toString(v));
      return;
    }
    int before = fastOut.length();
    fastOut.append(v);
    written += fastOut.length() - before;
  }

  /** Writes a string value, showing invalid UTF-8 bytes as U+FFFD. */
  final void writeValue(String s) {
    write(GoStrings.forOutput(s));
  }

  final Object varValue(VariableNode v) {
    if (v.slot < 0) {
      throw errorf("undefined variable: " + v.name());
    }
    return vars[v.slot];
  }

  final void setVar(VariableNode v, @Nullable Object value, boolean iface) {
    if (v.slot < 0) {
      throw errorf("undefined variable: " + v.name());
    }
    vars[v.slot] = value;
    varIface[v.slot] = iface;
  }

  final void push(VariableNode v, @Nullable Object value, boolean iface) {
    vars[v.slot] = value;
    varIface[v.slot] = iface;
  }

  @Override
  public final Clock clock() {
    return opts.clock();
  }

  @Override
  public final ZoneId localZone() {
    return opts.localZone();
  }

  @Override
  public final void checkSize(long chars) throws FuncException {
    if (chars > opts.maxOutputChars()) {
      throw new FuncException(
          "the result would hold "
              + chars
              + " characters or items, over the limit of "
              + opts.maxOutputChars()
              + " (TemplateLimits.maxOutputChars)",
          "maxOutputChars");
    }
  }

  @Override
  public final void chargeSteps(long steps) throws FuncException {
    regexSteps += steps;
    if (regexSteps > opts.maxRegexSteps()) {
      throw new FuncException(
          "regular expressions took more than "
              + opts.maxRegexSteps()
              + " steps in this rendering (TemplateLimits.maxRegexSteps)",
          "maxRegexSteps");
    }
  }
}
