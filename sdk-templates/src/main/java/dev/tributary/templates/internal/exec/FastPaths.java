package dev.tributary.templates.internal.exec;

import dev.tributary.templates.internal.parse.CommandNode;
import dev.tributary.templates.internal.parse.FieldNode;
import dev.tributary.templates.internal.parse.Node;
import dev.tributary.templates.internal.parse.PipeNode;
import dev.tributary.templates.internal.value.GoNil;
import dev.tributary.templates.internal.value.Values;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Shortcuts for the commonest actions, taken only where they give exactly what the general
 * evaluator would; anything unusual returns {@link #FALLBACK} and goes the long way, which then
 * also produces Go's error messages.
 */
final class FastPaths {
  static final Object FALLBACK = new Object();

  private FastPaths() {}

  /** The field node of an action like {@code {{.a.b}}}: no declarations, one plain command. */
  static @Nullable FieldNode simpleField(PipeNode pipe) {
    if (!pipe.decl.isEmpty() || pipe.cmds.size() != 1) {
      return null;
    }
    CommandNode cmd = pipe.cmds.get(0);
    if (cmd.args.size() != 1 || cmd.args.get(0).type != Node.FIELD) {
      return null;
    }
    return (FieldNode) cmd.args.get(0);
  }

  /** {@code .a.b} through plain maps with {@code missingkey=default}, or {@link #FALLBACK}. */
  static @Nullable Object field(ExecState s, @Nullable Object dot, FieldNode field) {
    if (s.opts.missingKey() != ExecOptions.MISSING_DEFAULT) {
      return FALLBACK;
    }
    s.node = field; // for an unsupported value met on the way
    Object r = dot;
    String[] ident = field.ident;
    for (int i = 0; i < ident.length; i++) {
      if (r == null) {
        return null; // walking on from no value gives no value
      }
      Map<?, ?> m = Values.genericMap(r);
      if (m == null) {
        return FALLBACK;
      }
      Object raw = m.get(ident[i]);
      if (raw == null) {
        if (!m.containsKey(ident[i])) {
          r = null;
          continue;
        }
        if (i < ident.length - 1) {
          return FALLBACK; // a nil interface: Go's "nil pointer evaluating" error
        }
        return null;
      }
      r = Values.element(raw);
    }
    return r == GoNil.INTERFACE ? null : r;
  }
}
