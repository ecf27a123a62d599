package dev.tributary.templates.internal.exec;

import dev.tributary.templates.internal.fmt.FmtSort;
import dev.tributary.templates.internal.fmt.GoFmt;
import dev.tributary.templates.internal.parse.ActionNode;
import dev.tributary.templates.internal.parse.BranchNode;
import dev.tributary.templates.internal.parse.ListNode;
import dev.tributary.templates.internal.parse.Node;
import dev.tributary.templates.internal.parse.TemplateNode;
import dev.tributary.templates.internal.parse.TextNode;
import dev.tributary.templates.internal.parse.Tree;
import dev.tributary.templates.internal.parse.VariableNode;
import dev.tributary.templates.internal.value.GoFuncValue;
import dev.tributary.templates.internal.value.GoInt;
import dev.tributary.templates.internal.value.GoNil;
import dev.tributary.templates.internal.value.HostValues;
import dev.tributary.templates.internal.value.TypedList;
import dev.tributary.templates.internal.value.TypedMap;
import dev.tributary.templates.internal.value.UnsupportedValueException;
import dev.tributary.templates.internal.value.Values;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Walks a parsed template and writes its output: a port of the {@code walk*} functions of Go's
 * {@code text/template/exec.go}, with {@code break} and {@code continue} as return codes and the
 * sandbox's limits checked as it goes. One per render call; not thread-safe.
 */
public final class Executor extends Evaluator {
  private static final int NORMAL = 0;
  private static final int BREAK = 1;
  private static final int CONTINUE = 2;

  private Executor(ExecOptions opts, Appendable out, Tree tree) {
    super(opts, out, tree);
  }

  /** Executes {@code tree} with {@code data} as dot, writing to {@code out}. */
  public static void execute(ExecOptions opts, Tree tree, @Nullable Object data, Appendable out) {
    Executor s = new Executor(opts, out, tree);
    try {
      Object value = data == null ? null : HostValues.normalize(data);
      s.vars[0] = value;
      ListNode root = tree.root();
      if (root == null) {
        throw s.errorf(quote(tree.name()) + " is an incomplete or empty template");
      }
      s.walk(value, root);
    } catch (UnsupportedValueException e) {
      throw s.errorf(e.getMessage());
    } catch (StackOverflowError e) {
      throw s.limitError(
          "templates nest too deeply for the thread's stack (TemplateLimits.maxTemplateDepth)",
          "maxTemplateDepth");
    }
  }

  private int walk(@Nullable Object dot, Node n) {
    node = n;
    switch (n.type) {
      case Node.ACTION -> {
        ActionNode action = (ActionNode) n;
        if (action.simpleField != null) {
          Object fast = FastPaths.field(this, dot, action.simpleField);
          if (fast != FastPaths.FALLBACK) {
            printValue(action, fast);
            return NORMAL;
          }
        }
        Object val = evalPipeline(dot, action.pipe);
        if (action.pipe.decl.isEmpty()) {
          printValue(action, val);
        }
        return NORMAL;
      }
      case Node.BREAK -> {
        return BREAK;
      }
      case Node.CONTINUE -> {
        return CONTINUE;
      }
      case Node.COMMENT -> {
        return NORMAL;
      }
      case Node.IF -> {
        return walkIfOrWith(false, dot, (BranchNode) n);
      }
      case Node.LIST -> {
        return walkList(dot, (ListNode) n);
      }
      case Node.RANGE -> {
        return walkRange(dot, (BranchNode) n);
      }
      case Node.TEMPLATE -> {
        walkTemplate(dot, (TemplateNode) n);
        return NORMAL;
      }
      case Node.TEXT -> {
        write(((TextNode) n).text);
        return NORMAL;
      }
      case Node.WITH -> {
        return walkIfOrWith(true, dot, (BranchNode) n);
      }
      default -> throw errorf("unknown node: " + n);
    }
  }

  private int walkList(@Nullable Object dot, ListNode list) {
    List<Node> nodes = list.nodes;
    for (int i = 0, size = nodes.size(); i < size; i++) {
      int status = walk(dot, nodes.get(i));
      if (status != NORMAL) {
        return status;
      }
    }
    return NORMAL;
  }

  private int walkIfOrWith(boolean with, @Nullable Object dot, BranchNode b) {
    Object val = evalPipeline(dot, b.pipe);
    if (Values.truth(val)) {
      if (!with) {
        return walk(dot, b.list);
      }
      boolean saved = dotIface;
      dotIface = false;
      int status = walk(val, b.list);
      dotIface = saved;
      return status;
    } else if (b.elseList != null) {
      return walk(dot, b.elseList);
    }
    return NORMAL;
  }

  /**
   * Go's {@code walkRange}. A {@code break} in the else branch ends only this range, while a {@code
   * continue} there reaches the enclosing loop — Go's recover rules, kept exactly.
   */
  private int walkRange(@Nullable Object dot, BranchNode r) {
    node = r;
    Object val = evalPipeline(dot, r.pipe);
    boolean ran;
    List<?> list = Values.slice(val);
    Map<?, ?> map = list == null && val != null ? (val instanceof Map<?, ?> m ? m : null) : null;
    if (list != null) {
      ran = rangeList(r, list);
    } else if (map != null) {
      ran = rangeMap(r, map);
    } else if (val == null || val instanceof GoNil) {
      ran = false;
    } else if (opts.rangeOverInt() && (Values.isSignedInt(val) || Values.isUnsignedInt(val))) {
      ran = rangeInt(r, val);
    } else {
      throw errorf("range can't iterate over " + sprint(val));
    }
    if (!ran && r.elseList != null) {
      return walk(dot, r.elseList) == CONTINUE ? CONTINUE : NORMAL;
    }
    return NORMAL;
  }

  private boolean rangeList(BranchNode r, List<?> list) {
    int size = list.size();
    if (size == 0) {
      return false;
    }
    boolean iface = list.getClass() != TypedList.class;
    for (int i = 0; i < size && i < list.size(); i++) {
      Object elem = iface ? Values.element(list.get(i)) : list.get(i);
      if (oneIteration(r, (long) i, elem, iface) == BREAK) {
        break;
      }
    }
    return true;
  }

  private boolean rangeMap(BranchNode r, Map<?, ?> map) {
    if (map.isEmpty()) {
      return false;
    }
    boolean iface = map.getClass() != TypedMap.class;
    for (Object[] entry : FmtSort.sortedEntries(map)) {
      Object elem = iface ? Values.element(entry[1]) : entry[1];
      if (oneIteration(r, entry[0], elem, iface) == BREAK) {
        break;
      }
    }
    return true;
  }

  private boolean rangeInt(BranchNode r, Object val) {
    if (r.pipe.decl.size() > 1) {
      throw errorf("can't use " + sprint(val) + " to iterate over more than one variable");
    }
    long n = Values.intBits(val);
    if (n <= 0 && !(Values.isUnsignedInt(val) && n != 0)) {
      return false;
    }
    for (long i = 0; Long.compareUnsigned(i, n) < 0; i++) {
      Object elem = val instanceof GoInt g ? new GoInt(i, g.goType()) : (Object) i;
      if (oneIteration(r, null, elem, false) == BREAK) {
        break;
      }
    }
    return true;
  }

  private int oneIteration(
      BranchNode r, @Nullable Object index, @Nullable Object elem, boolean iface) {
    if (++iterations > opts.maxRangeIterations()) {
      throw limitError(
          "range loops ran more than "
              + opts.maxRangeIterations()
              + " iterations (TemplateLimits.maxRangeIterations)",
          "maxRangeIterations");
    }
    List<VariableNode> decl = r.pipe.decl;
    int n = decl.size();
    if (n > 0) {
      if (r.pipe.isAssign) {
        setVar(decl.get(0), n > 1 ? index : elem, n == 1 && iface);
      } else {
        push(decl.get(n - 1), elem, iface);
      }
    }
    if (n > 1) {
      if (r.pipe.isAssign) {
        setVar(decl.get(1), elem, iface);
      } else {
        push(decl.get(0), index, false);
      }
    }
    boolean saved = dotIface;
    dotIface = iface;
    int status = walk(elem, r.list);
    dotIface = saved;
    return status;
  }

  private void walkTemplate(@Nullable Object dot, TemplateNode t) {
    node = t;
    Tree target = t.target;
    if (target == null) {
      throw errorf("template " + quote(t.name) + " not defined");
    }
    if (depth >= opts.maxTemplateDepth()) {
      throw limitError(
          "exceeded maximum template depth ("
              + opts.maxTemplateDepth()
              + ") (TemplateLimits.maxTemplateDepth)",
          "maxTemplateDepth");
    }
    Object newDot = evalPipeline(dot, t.pipe);
    Tree savedTmpl = tmpl;
    Object[] savedVars = vars;
    boolean[] savedIface = varIface;
    boolean savedDotIface = dotIface;
    tmpl = target;
    vars = new Object[target.frameSize];
    varIface = new boolean[target.frameSize];
    vars[0] = newDot;
    dotIface = false;
    depth++;
    walk(newDot, target.root());
    depth--;
    tmpl = savedTmpl;
    vars = savedVars;
    varIface = savedIface;
    dotIface = savedDotIface;
    node = t;
  }

  private void printValue(Node n, @Nullable Object v) {
    node = n;
    if (v == null) {
      write("<no value>");
    } else if (v instanceof String s) {
      writeValue(s);
    } else if (v instanceof Double d) {
      writeFloat(d);
    } else if (v instanceof Long || v instanceof Integer) {
      writeInt(((Number) v).longValue());
    } else if (v instanceof Boolean b) {
      write(b ? "true" : "false");
    } else if (v instanceof GoFuncValue) {
      throw errorf("can't print " + n + " of type " + Values.typeOf(v));
    } else {
      writeValue(GoFmt.sprint(v));
    }
  }
}
