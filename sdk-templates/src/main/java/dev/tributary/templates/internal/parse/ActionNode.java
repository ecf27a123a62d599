package dev.tributary.templates.internal.parse;

/** An action that prints (or declares): {@code {{.x | upper}}}. */
public final class ActionNode extends Node {
  public final int line;
  public final PipeNode pipe;

  ActionNode(int pos, Tree tree, int line, PipeNode pipe) {
    super(ACTION, pos, tree);
    this.line = line;
    this.pipe = pipe;
  }

  @Override
  void writeTo(StringBuilder sb) {
    sb.append("{{");
    pipe.writeTo(sb);
    sb.append("}}");
  }
}
