package dev.tributary.templates.internal.parse;

/** {@code {{else}}}; never added to a tree. */
final class ElseNode extends Node {
  final int line;

  ElseNode(int pos, Tree tree, int line) {
    super(ELSE, pos, tree);
    this.line = line;
  }

  @Override
  void writeTo(StringBuilder sb) {
    sb.append("{{else}}");
  }
}
