package dev.tributary.templates.internal.parse;

/** {@code {{break}}} or {@code {{continue}}}. */
public final class LoopControlNode extends Node {
  public final int line;

  LoopControlNode(int type, int pos, Tree tree, int line) {
    super(type, pos, tree);
    this.line = line;
  }

  @Override
  void writeTo(StringBuilder sb) {
    sb.append(type == BREAK ? "{{break}}" : "{{continue}}");
  }
}
