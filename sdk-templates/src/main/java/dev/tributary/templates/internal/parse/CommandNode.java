package dev.tributary.templates.internal.parse;

import java.util.ArrayList;
import java.util.List;

/** One stage of a pipeline: a function or value and its arguments. */
public final class CommandNode extends Node {
  public final List<Node> args = new ArrayList<>();

  CommandNode(int pos, Tree tree) {
    super(COMMAND, pos, tree);
  }

  @Override
  void writeTo(StringBuilder sb) {
    for (int i = 0; i < args.size(); i++) {
      if (i > 0) {
        sb.append(' ');
      }
      Node arg = args.get(i);
      if (arg instanceof PipeNode) {
        sb.append('(');
        arg.writeTo(sb);
        sb.append(')');
      } else {
        arg.writeTo(sb);
      }
    }
  }
}
