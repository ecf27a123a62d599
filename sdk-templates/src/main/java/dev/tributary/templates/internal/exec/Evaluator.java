package dev.tributary.templates.internal.exec;

import dev.tributary.templates.internal.func.FuncException;
import dev.tributary.templates.internal.func.GoFunction;
import dev.tributary.templates.internal.parse.ChainNode;
import dev.tributary.templates.internal.parse.CommandNode;
import dev.tributary.templates.internal.parse.FieldNode;
import dev.tributary.templates.internal.parse.IdentifierNode;
import dev.tributary.templates.internal.parse.Node;
import dev.tributary.templates.internal.parse.NumberNode;
import dev.tributary.templates.internal.parse.PipeNode;
import dev.tributary.templates.internal.parse.StringNode;
import dev.tributary.templates.internal.parse.Tree;
import dev.tributary.templates.internal.parse.VariableNode;
import dev.tributary.templates.internal.value.GoNil;
import dev.tributary.templates.internal.value.GoType;
import dev.tributary.templates.internal.value.UnsupportedValueException;
import dev.tributary.templates.internal.value.Values;
import java.util.Collections;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Evaluates pipelines, commands, fields and calls: a port of the {@code eval*} functions of Go's
 * {@code text/template/exec.go}, including which node each error is reported at.
 */
abstract class Evaluator extends ExecState {
  /** An argument list of one node: a field used as an argument has no arguments of its own. */
  private static final List<Node> ONE = Collections.singletonList(null);

  Evaluator(ExecOptions opts, Appendable out, Tree tmpl) {
    super(opts, out, tmpl);
  }

  /** Go's {@code evalPipeline}; pushes or assigns the pipeline's declared variables. */
  final @Nullable Object evalPipeline(Object dot, @Nullable PipeNode pipe) {
    if (pipe == null) {
      return null;
    }
    node = pipe;
    Object value = MISSING;
    List<CommandNode> cmds = pipe.cmds;
    for (int i = 0, n = cmds.size(); i < n; i++) {
      value = evalCommand(dot, cmds.get(i), value);
      if (value == GoNil.INTERFACE) {
        value = null; // an interface{} holding nil: dig down to no value
      }
    }
    List<VariableNode> decl = pipe.decl;
    for (int i = 0, n = decl.size(); i < n; i++) {
      if (pipe.isAssign) {
        setVar(decl.get(i), value, false);
      } else {
        push(decl.get(i), value, false);
      }
    }
    return value;
  }

  private void notAFunction(@Nullable List<Node> args, Object fin) {
    if ((args != null && args.size() > 1) || fin != MISSING) {
      throw errorf("can't give argument to non-function " + args.get(0));
    }
  }

  private @Nullable Object evalCommand(Object dot, CommandNode cmd, Object fin) {
    Node first = cmd.args.get(0);
    switch (first.type) {
      case Node.FIELD -> {
        return evalFieldNode(dot, (FieldNode) first, cmd.args, fin);
      }
      case Node.CHAIN -> {
        return evalChainNode(dot, (ChainNode) first, cmd.args, fin);
      }
      case Node.IDENTIFIER -> {
        return evalFunction(dot, (IdentifierNode) first, cmd, cmd.args, fin);
      }
      case Node.PIPE -> {
        notAFunction(cmd.args, fin);
        return evalPipeline(dot, (PipeNode) first);
      }
      case Node.VARIABLE -> {
        return evalVariableNode(dot, (VariableNode) first, cmd.args, fin);
      }
      default -> {}
    }
    node = first;
    notAFunction(cmd.args, fin);
    switch (first.type) {
      case Node.BOOL -> {
        return ((dev.tributary.templates.internal.parse.BoolNode) first).value;
      }
      case Node.DOT -> {
        return dot;
      }
      case Node.NIL -> throw errorf("nil is not a command");
      case Node.NUMBER -> {
        return idealConstant((NumberNode) first);
      }
      case Node.STRING -> {
        return ((StringNode) first).text;
      }
      default -> throw errorf("can't evaluate command " + quote(first.toString()));
    }
  }

  /** Go's {@code idealConstant}: a number whose type comes from its syntax. */
  final @Nullable Object idealConstant(NumberNode c) {
    node = c;
    Constants.Ideal ideal = Constants.ideal(c);
    if (ideal.error() != null) {
      throw errorf(ideal.error());
    }
    return ideal.value();
  }

  final @Nullable Object evalFieldNode(
      Object dot, FieldNode field, @Nullable List<Node> args, Object fin) {
    node = field;
    return evalFieldChain(dot, dot, dotIface, field, field.ident, 0, args, fin);
  }

  final @Nullable Object evalChainNode(
      Object dot, ChainNode chain, @Nullable List<Node> args, Object fin) {
    node = chain;
    if (chain.fields.isEmpty()) {
      throw errorf("internal error: no fields in evalChainNode");
    }
    if (chain.node.type == Node.NIL) {
      throw errorf("indirection through explicit nil in " + chain);
    }
    resultIface = false;
    Object pipe = evalArg(dot, null, chain.node);
    boolean iface = chain.node.type == Node.IDENTIFIER && resultIface;
    return evalFieldChain(dot, pipe, iface, chain, chain.fieldArray, 0, args, fin);
  }

  final @Nullable Object evalVariableNode(
      Object dot, VariableNode variable, @Nullable List<Node> args, Object fin) {
    node = variable;
    Object value = varValue(variable);
    if (variable.ident.length == 1) {
      notAFunction(args, fin);
      return value;
    }
    boolean iface = varIface[variable.slot];
    return evalFieldChain(dot, value, iface, variable, variable.ident, 1, args, fin);
  }

  private @Nullable Object evalFieldChain(
      Object dot,
      @Nullable Object receiver,
      boolean iface,
      Node at,
      String[] ident,
      int from,
      @Nullable List<Node> args,
      Object fin) {
    int n = ident.length;
    for (int i = from; i < n - 1; i++) {
      receiver = evalField(dot, ident[i], at, null, MISSING, receiver, iface);
      iface = resultIface;
    }
    return evalField(dot, ident[n - 1], at, args, fin, receiver, iface);
  }

  final @Nullable Object evalFunction(
      Object dot, IdentifierNode id, Node cmd, @Nullable List<Node> args, Object fin) {
    node = id;
    GoFunction function = id.function;
    if (function == null) {
      throw errorf(quote(id.ident) + " is not a defined function");
    }
    return evalCall(dot, function, id.builtin, cmd, id.ident, args, fin);
  }

  /** Go's {@code evalField}: a map entry, a record component or a method. */
  private @Nullable Object evalField(
      Object dot,
      String fieldName,
      Node at,
      @Nullable List<Node> args,
      Object fin,
      @Nullable Object receiver,
      boolean iface) {
    resultIface = false;
    if (receiver == null) {
      if (opts.missingKey() == ExecOptions.MISSING_ERROR) {
        throw errorf("nil data; no entry for key " + quote(fieldName));
      }
      return null;
    }
    if (receiver == GoNil.INTERFACE) {
      throw errorf("nil pointer evaluating interface {}." + fieldName);
    }
    GoFunction method = Methods.find(receiver, fieldName);
    if (method != null) {
      return evalCall(dot, method, false, at, fieldName, args, fin);
    }
    boolean hasArgs = (args != null && args.size() > 1) || fin != MISSING;
    Object value = Fields.lookup(this, receiver, fieldName, hasArgs);
    if (value != Fields.NOT_FOUND) {
      return value;
    }
    String typ = iface ? "interface {}" : Values.typeOf(receiver).name();
    throw errorf("can't evaluate field " + fieldName + " in type " + typ);
  }

  /** Go's {@code evalCall}: checks the arity, converts the arguments, calls. */
  final @Nullable Object evalCall(
      Object dot,
      GoFunction fn,
      boolean builtin,
      Node at,
      String name,
      @Nullable List<Node> args,
      Object fin) {
    int argc = args == null ? 0 : args.size() - 1;
    int numIn = argc + (fin != MISSING ? 1 : 0);
    int numFixed = argc;
    if (fn.isVariadic()) {
      numFixed = fn.numIn() - 1;
      if (numIn < numFixed) {
        throw errorf(
            "wrong number of args for " + name + ": want at least " + numFixed + " got " + argc);
      }
    } else if (numIn != fn.numIn()) {
      throw errorf("wrong number of args for " + name + ": want " + fn.numIn() + " got " + numIn);
    }
    if (builtin && (name.equals("and") || name.equals("or"))) {
      return andOr(dot, name.equals("or"), args, fin);
    }
    Object[] argv = new Object[numIn];
    int i = 0;
    for (; i < numFixed && i < argc; i++) {
      argv[i] = evalArg(dot, fn.param(i), args.get(i + 1));
    }
    if (fn.isVariadic()) {
      GoType elem = fn.param(fn.numIn() - 1);
      for (; i < argc; i++) {
        argv[i] = evalArg(dot, elem, args.get(i + 1));
      }
    }
    if (fin != MISSING) {
      GoType t = fn.param(fn.numIn() - 1);
      if (fn.isVariadic() && numIn - 1 < numFixed) {
        t = fn.param(numIn - 1);
      }
      argv[i] = validateType(fin, t);
    }
    return call(fn, at, name, argv);
  }

  private @Nullable Object call(GoFunction fn, Node at, String name, Object[] argv) {
    for (int k = 0; k < argv.length; k++) {
      GoType t = fn.param(Math.min(k, fn.numIn() - 1));
      if (argv[k] == GoNil.INTERFACE && t == GoType.INTERFACE) {
        argv[k] = null; // a nil interface{} argument is Go's nil
      }
    }
    Object result;
    try {
      result = fn.call(this, argv);
    } catch (FuncException e) {
      node = at;
      String detail = "error calling " + name + ": " + e.getMessage();
      throw e.limit() == null ? errorf(detail) : limitError(detail, e.limit());
    } catch (UnsupportedValueException e) {
      node = at;
      throw errorf("error calling " + name + ": " + e.getMessage());
    }
    boolean iface = fn.result() == GoType.INTERFACE;
    resultIface = iface;
    return iface && result == null ? GoNil.INTERFACE : result;
  }

  /** {@code and} and {@code or}: short-circuit, returning the deciding argument. */
  private @Nullable Object andOr(Object dot, boolean or, @Nullable List<Node> args, Object fin) {
    Object v = null;
    int argc = args == null ? 0 : args.size();
    for (int i = 1; i < argc; i++) {
      v = evalArg(dot, GoType.REFLECT_VALUE, args.get(i));
      if (Values.truth(Values.indirectInterface(v)) == or) {
        resultIface = false;
        return v;
      }
    }
    if (fin != MISSING) {
      v = validateType(fin, GoType.REFLECT_VALUE);
    }
    resultIface = false;
    return v;
  }

  /** Go's {@code validateType}: the value, made assignable to {@code typ}, or an error. */
  final @Nullable Object validateType(@Nullable Object value, @Nullable GoType typ) {
    return Arguments.validateType(this, value, typ);
  }

  /** Go's {@code evalArg}: an argument evaluated for a parameter of type {@code typ}. */
  final @Nullable Object evalArg(Object dot, @Nullable GoType typ, Node n) {
    node = n;
    switch (n.type) {
      case Node.DOT -> {
        return validateType(dot, typ);
      }
      case Node.NIL -> {
        if ((typ != null && typ.kind().canBeNil()) || typ == GoType.REFLECT_VALUE) {
          return Arguments.zero(typ);
        }
        throw errorf("cannot assign nil to " + typ);
      }
      case Node.FIELD -> {
        return validateType(evalFieldNode(dot, (FieldNode) n, ONE, MISSING), typ);
      }
      case Node.VARIABLE -> {
        return validateType(evalVariableNode(dot, (VariableNode) n, null, MISSING), typ);
      }
      case Node.PIPE -> {
        return validateType(evalPipeline(dot, (PipeNode) n), typ);
      }
      case Node.IDENTIFIER -> {
        IdentifierNode id = (IdentifierNode) n;
        return validateType(evalFunction(dot, id, id, null, MISSING), typ);
      }
      case Node.CHAIN -> {
        return validateType(evalChainNode(dot, (ChainNode) n, null, MISSING), typ);
      }
      default -> {
        return Arguments.literal(this, dot, typ, n);
      }
    }
  }

  /** Go's {@code evalEmptyInterface}: a literal or expression for an {@code interface{}}. */
  final @Nullable Object evalEmptyInterface(Object dot, Node n) {
    node = n;
    switch (n.type) {
      case Node.BOOL -> {
        return ((dev.tributary.templates.internal.parse.BoolNode) n).value;
      }
      case Node.DOT -> {
        return dot;
      }
      case Node.FIELD -> {
        return evalFieldNode(dot, (FieldNode) n, null, MISSING);
      }
      case Node.IDENTIFIER -> {
        IdentifierNode id = (IdentifierNode) n;
        return evalFunction(dot, id, id, null, MISSING);
      }
      case Node.NIL -> throw errorf("evalEmptyInterface: nil (can't happen)");
      case Node.NUMBER -> {
        return idealConstant((NumberNode) n);
      }
      case Node.STRING -> {
        return ((StringNode) n).text;
      }
      case Node.VARIABLE -> {
        return evalVariableNode(dot, (VariableNode) n, null, MISSING);
      }
      case Node.PIPE -> {
        return evalPipeline(dot, (PipeNode) n);
      }
      default -> throw errorf("can't handle assignment of " + n + " to empty interface argument");
    }
  }
}
