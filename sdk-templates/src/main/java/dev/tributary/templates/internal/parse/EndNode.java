package dev.tributary.templates.internal.parse;

/** {@code {{end}}}; never added to a tree. */
final class EndNode extends Node {
  EndNode(int pos, Tree tree) {
    super(END, pos, tree);
  }

  @Override
  void writeTo(StringBuilder sb) {
    sb.append("{{end}}");
  }
}
