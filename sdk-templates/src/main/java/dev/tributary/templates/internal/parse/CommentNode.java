package dev.tributary.templates.internal.parse;

/** A comment, kept only when comments are parsed. */
public final class CommentNode extends Node {
  public final String text;

  CommentNode(int pos, Tree tree, String text) {
    super(COMMENT, pos, tree);
    this.text = text;
  }

  @Override
  void writeTo(StringBuilder sb) {
    sb.append("{{").append(text).append("}}");
  }
}
