package dev.tributary.templates.internal.func;

import dev.tributary.templates.internal.value.GoType;
import java.util.List;
import java.util.Objects;

/**
 * A function templates can call, with the Go signature the executor uses to convert arguments and
 * report Go's errors ({@code wrong number of args for upper: want 1 got 2}, {@code wrong type for
 * value; expected string; got float64}). Immutable and thread-safe.
 *
 * <p>Arguments reach {@link Impl#apply} converted to the parameter types: {@code string} as String,
 * {@code int} as Long, {@code float64} as Double, {@code interface{}} as any template value with
 * nil as {@code null}. A {@code reflect.Value} parameter gets the value unconverted: {@code null}
 * for no value, {@code GoNil.INTERFACE} for a nil interface. Variadic arguments follow the fixed
 * ones in the same array.
 */
public final class GoFunction {
  /** The body of a function. */
  @FunctionalInterface
  public interface Impl {
    Object apply(FuncEnv env, Object[] args) throws FuncException;
  }

  private final String name;
  private final List<GoType> params;
  private final boolean variadic;
  private final GoType result;
  private final Impl impl;

  private GoFunction(String name, GoType result, boolean variadic, List<GoType> params, Impl impl) {
    this.name = Objects.requireNonNull(name, "name");
    this.result = Objects.requireNonNull(result, "result");
    this.variadic = variadic;
    this.params = List.copyOf(params);
    this.impl = Objects.requireNonNull(impl, "impl");
    if (variadic && params.isEmpty()) {
      throw new IllegalArgumentException("a variadic function needs a variadic parameter: " + name);
    }
  }

  /** A function with fixed parameters. */
  public static GoFunction of(String name, GoType result, List<GoType> params, Impl impl) {
    return new GoFunction(name, result, false, params, impl);
  }

  /** A function whose last parameter is {@code ...T}; {@code params} ends with T. */
  public static GoFunction variadic(String name, GoType result, List<GoType> params, Impl impl) {
    return new GoFunction(name, result, true, params, impl);
  }

  /** The same function under another name (sprig's aliases: {@code push} for {@code append}). */
  public GoFunction named(String alias) {
    return new GoFunction(alias, result, variadic, params, impl);
  }

  public String name() {
    return name;
  }

  /** The number of declared parameters, counting a variadic one once. */
  public int numIn() {
    return params.size();
  }

  /** Parameter {@code i}; for a variadic function the last is the element type of the tail. */
  public GoType param(int i) {
    return params.get(i);
  }

  public boolean isVariadic() {
    return variadic;
  }

  public GoType result() {
    return result;
  }

  public Object call(FuncEnv env, Object[] args) throws FuncException {
    return impl.apply(env, args);
  }
}
