package dev.tributary.templates.internal.parse;

/** The cursor, {@code .}. */
public final class DotNode extends Node {
  DotNode(int pos, Tree tree) {
    super(DOT, pos, tree);
  }

  @Override
  void writeTo(StringBuilder sb) {
    sb.append('.');
  }
}
