package dev.tributary.templates.internal.parse;

import org.jspecify.annotations.Nullable;

/** An action that prints (or declares): {@code {{.x | upper}}}. */
public final class ActionNode extends Node {
  public final int line;
  public final PipeNode pipe;

  /**
   * Set by the linker when this action only prints a field of dot ({@code {{.a.b}}}), which the
   * executor then reads without the general machinery.
   */
  public @Nullable FieldNode simpleField;

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
