package dev.tributary.templates.internal.parse;

/** A string literal: its source text and its value. */
public final class StringNode extends Node {
  public final String quoted;
  public final String text;

  StringNode(int pos, Tree tree, String quoted, String text) {
    super(STRING, pos, tree);
    this.quoted = quoted;
    this.text = text;
  }

  @Override
  void writeTo(StringBuilder sb) {
    sb.append(quoted);
  }
}
