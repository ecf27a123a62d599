package dev.tributary.templates.internal.parse;

import java.util.ArrayList;
import java.util.List;

/** A pipeline with optional declarations: {@code $x := .a | f b}. */
public final class PipeNode extends Node {
  public final int line;
  public boolean isAssign;
  public final List<VariableNode> decl = new ArrayList<>();
  public final List<CommandNode> cmds = new ArrayList<>();

  PipeNode(int pos, Tree tree, int line) {
    super(PIPE, pos, tree);
    this.line = line;
  }

  @Override
  void writeTo(StringBuilder sb) {
    if (!decl.isEmpty()) {
      for (int i = 0; i < decl.size(); i++) {
        if (i > 0) {
          sb.append(", ");
        }
        decl.get(i).writeTo(sb);
      }
      sb.append(" := ");
    }
    for (int i = 0; i < cmds.size(); i++) {
      if (i > 0) {
        sb.append(" | ");
      }
      cmds.get(i).writeTo(sb);
    }
  }
}
