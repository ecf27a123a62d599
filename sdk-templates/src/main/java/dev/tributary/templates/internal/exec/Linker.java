package dev.tributary.templates.internal.exec;

import dev.tributary.templates.internal.func.FunctionTable;
import dev.tributary.templates.internal.func.GoFunction;
import dev.tributary.templates.internal.parse.ActionNode;
import dev.tributary.templates.internal.parse.BranchNode;
import dev.tributary.templates.internal.parse.ChainNode;
import dev.tributary.templates.internal.parse.CommandNode;
import dev.tributary.templates.internal.parse.IdentifierNode;
import dev.tributary.templates.internal.parse.ListNode;
import dev.tributary.templates.internal.parse.Node;
import dev.tributary.templates.internal.parse.NumberNode;
import dev.tributary.templates.internal.parse.PipeNode;
import dev.tributary.templates.internal.parse.TemplateNode;
import dev.tributary.templates.internal.parse.Tree;
import dev.tributary.templates.internal.parse.VariableNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Prepares parsed trees for execution: resolves each function name and {@code template} call once,
 * computes number constants, and gives every variable the slot it will occupy. Go searches its
 * variable stack by name at run time; since that stack's shape at each point of a template is fixed
 * by the template's structure, the linker replays it here and execution indexes an array.
 */
public final class Linker {
  private final Map<String, Tree> trees;
  private final FunctionTable functions;
  private final List<String> stack = new ArrayList<>();
  private int maxDepth;

  private Linker(Map<String, Tree> trees, FunctionTable functions) {
    this.trees = trees;
    this.functions = functions;
  }

  /** Links every tree of a set. */
  public static void link(Map<String, Tree> trees, FunctionTable functions) {
    for (Tree tree : trees.values()) {
      Linker linker = new Linker(trees, functions);
      linker.stack.add("$");
      linker.maxDepth = 1;
      if (tree.root() != null) {
        linker.list(tree.root());
      }
      tree.frameSize = linker.maxDepth;
    }
  }

  private void list(ListNode list) {
    for (Node n : list.nodes) {
      node(n);
    }
  }

  private void node(Node n) {
    switch (n.type) {
      case Node.ACTION -> {
        ActionNode action = (ActionNode) n;
        pipe(action.pipe);
        action.simpleField = FastPaths.simpleField(action.pipe);
        return;
      }
      case Node.IF, Node.WITH, Node.RANGE -> {
        branch((BranchNode) n);
        return;
      }
      case Node.LIST -> {
        list((ListNode) n);
        return;
      }
      case Node.TEMPLATE -> {
        TemplateNode t = (TemplateNode) n;
        pipe(t.pipe);
        t.target = trees.get(t.name);
        return;
      }
      default -> {
        return;
      }
    }
  }

  /** The scope rules of {@code walkIfOrWith} and {@code walkRange}. */
  private void branch(BranchNode b) {
    int mark = stack.size();
    pipe(b.pipe);
    int afterDecls = stack.size();
    list(b.list);
    truncate(afterDecls);
    if (b.elseList != null) {
      list(b.elseList);
    }
    truncate(mark);
  }

  private void truncate(int size) {
    while (stack.size() > size) {
      stack.remove(stack.size() - 1);
    }
  }

  private void pipe(PipeNode pipe) {
    if (pipe == null) {
      return;
    }
    for (CommandNode cmd : pipe.cmds) {
      for (Node arg : cmd.args) {
        arg(arg);
      }
    }
    for (VariableNode v : pipe.decl) {
      if (pipe.isAssign) {
        v.slot = stack.lastIndexOf(v.name());
      } else {
        v.slot = stack.size();
        stack.add(v.name());
        maxDepth = Math.max(maxDepth, stack.size());
      }
    }
  }

  private void arg(Node n) {
    switch (n.type) {
      case Node.VARIABLE -> {
        VariableNode v = (VariableNode) n;
        v.slot = stack.lastIndexOf(v.name());
        return;
      }
      case Node.IDENTIFIER -> {
        IdentifierNode id = (IdentifierNode) n;
        GoFunction f = functions.get(id.ident);
        id.builtin = f == null;
        id.function = f != null ? f : Builtins.TABLE.get(id.ident);
        return;
      }
      case Node.NUMBER -> {
        Constants.link((NumberNode) n);
        return;
      }
      case Node.CHAIN -> {
        arg(((ChainNode) n).node);
        return;
      }
      case Node.PIPE -> {
        pipe((PipeNode) n);
        return;
      }
      default -> {
        return;
      }
    }
  }
}
