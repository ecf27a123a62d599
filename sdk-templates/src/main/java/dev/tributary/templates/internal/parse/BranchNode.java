package dev.tributary.templates.internal.parse;

import org.jspecify.annotations.Nullable;

/** {@code if}, {@code range} or {@code with}: a pipeline, a body and an optional else body. */
public final class BranchNode extends Node {
  public final int line;
  public final PipeNode pipe;
  public final ListNode list;
  public final @Nullable ListNode elseList;

  BranchNode(
      int type, int pos, Tree tree, int line, PipeNode pipe, ListNode list, @Nullable ListNode e) {
    super(type, pos, tree);
    this.line = line;
    this.pipe = pipe;
    this.list = list;
    this.elseList = e;
  }

  @Override
  void writeTo(StringBuilder sb) {
    sb.append("{{").append(type == IF ? "if" : type == RANGE ? "range" : "with").append(' ');
    pipe.writeTo(sb);
    sb.append("}}");
    list.writeTo(sb);
    if (elseList != null) {
      sb.append("{{else}}");
      elseList.writeTo(sb);
    }
    sb.append("{{end}}");
  }
}
