package dev.tributary.templates;

import dev.tributary.templates.internal.exec.Builtins;
import dev.tributary.templates.internal.func.FunctionTable;
import dev.tributary.templates.internal.func.GoFunction;
import dev.tributary.templates.internal.sprig.HostFunctions;
import dev.tributary.templates.internal.sprig.Sprig;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The functions templates may call, besides Go's builtins ({@code and}, {@code printf}, {@code eq}
 * …), which are always there. {@link #sprig()} is the sprig v3 table that Go programs install with
 * {@code sprig.TxtFuncMap()}, minus the functions that read the environment or the network. Hosts
 * add their own with {@link #builder()}. Immutable and thread-safe; share instances freely.
 *
 * <pre>{@code
 * TemplateFunctions functions = TemplateFunctions.sprig().toBuilder()
 *     .add("loyaltyTier", 1, args -> tierOf((Double) args.get(0)))
 *     .build();
 * }</pre>
 */
public final class TemplateFunctions {
  private static final TemplateFunctions SPRIG = new TemplateFunctions(Sprig.TABLE);
  private static final TemplateFunctions NONE = new TemplateFunctions(FunctionTable.EMPTY);

  private final FunctionTable table;

  private TemplateFunctions(FunctionTable table) {
    this.table = table;
  }

  /** sprig's functions, as Go's {@code sprig.TxtFuncMap()} provides them. Shared, immutable. */
  public static TemplateFunctions sprig() {
    return SPRIG;
  }

  /** No functions but Go's builtins. */
  public static TemplateFunctions builtinsOnly() {
    return NONE;
  }

  /** An empty builder; start from {@code sprig().toBuilder()} to extend sprig instead. */
  public static Builder builder() {
    return new Builder(Map.of());
  }

  public Builder toBuilder() {
    return new Builder(table.asMap());
  }

  /** The names of the functions, builtins excluded. */
  public Set<String> names() {
    return table.names();
  }

  public boolean contains(String name) {
    return table.contains(name);
  }

  FunctionTable table() {
    return table;
  }

  /** Builds a {@link TemplateFunctions}; not thread-safe. */
  public static final class Builder {
    private final Map<String, GoFunction> functions;

    private Builder(Map<String, GoFunction> start) {
      this.functions = new LinkedHashMap<>(start);
    }

    /**
     * Adds (or replaces) a function that takes any number of arguments, like a Go function of type
     * {@code func(...interface{}) (interface{}, error)}.
     */
    public Builder add(String name, TemplateFunction function) {
      Objects.requireNonNull(function, "function");
      functions.put(checkName(name), HostFunctions.variadic(name, function::apply));
      return this;
    }

    /**
     * Adds (or replaces) a function that takes exactly {@code arity} arguments; a call with any
     * other number fails as Go's would ({@code wrong number of args for NAME: want 2 got 1}).
     */
    public Builder add(String name, int arity, TemplateFunction function) {
      Objects.requireNonNull(function, "function");
      if (arity < 0) {
        throw new IllegalArgumentException("arity must not be negative: " + arity);
      }
      functions.put(checkName(name), HostFunctions.fixed(name, arity, function::apply));
      return this;
    }

    /**
     * Adds Helm's {@code required "message" .value}, which fails with the message when the value is
     * missing or empty. sprig itself has no {@code required}.
     */
    public Builder addRequired() {
      functions.put("required", HostFunctions.required());
      return this;
    }

    /** Removes a function, such as a sprig function a host does not want authors to use. */
    public Builder remove(String name) {
      functions.remove(Objects.requireNonNull(name, "name"));
      return this;
    }

    public TemplateFunctions build() {
      return new TemplateFunctions(FunctionTable.of(functions));
    }

    private static String checkName(String name) {
      Objects.requireNonNull(name, "name");
      if (name.isEmpty() || !validName(name)) {
        throw new IllegalArgumentException(
            "function name must be a Go identifier (letters, digits, _): " + name);
      }
      if (Builtins.TABLE.contains(name)) {
        return name; // allowed, as in Go: the host's function shadows the builtin
      }
      return name;
    }

    private static boolean validName(String name) {
      for (int i = 0; i < name.length(); ) {
        int r = name.codePointAt(i);
        boolean ok = r == '_' || Character.isLetter(r) || (i > 0 && Character.isDigit(r));
        if (!ok) {
          return false;
        }
        i += Character.charCount(r);
      }
      return true;
    }
  }
}
