package dev.tributary.templates.internal.parse;

/** The untyped {@code nil}. */
public final class NilNode extends Node {
  NilNode(int pos, Tree tree) {
    super(NIL, pos, tree);
  }

  @Override
  void writeTo(StringBuilder sb) {
    sb.append("nil");
  }
}
