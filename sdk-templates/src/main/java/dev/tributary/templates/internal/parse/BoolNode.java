package dev.tributary.templates.internal.parse;

/** {@code true} or {@code false}. */
public final class BoolNode extends Node {
  public final boolean value;

  BoolNode(int pos, Tree tree, boolean value) {
    super(BOOL, pos, tree);
    this.value = value;
  }

  @Override
  void writeTo(StringBuilder sb) {
    sb.append(value);
  }
}
