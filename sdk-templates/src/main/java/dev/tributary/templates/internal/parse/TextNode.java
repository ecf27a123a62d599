package dev.tributary.templates.internal.parse;

/** Plain text between actions. */
public final class TextNode extends Node {
  public final String text;

  TextNode(int pos, Tree tree, String text) {
    super(TEXT, pos, tree);
    this.text = text;
  }

  @Override
  void writeTo(StringBuilder sb) {
    sb.append(text);
  }
}
