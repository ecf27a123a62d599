package dev.tributary.templates.internal.parse;

/** A field chain on dot: {@code .a.b}. */
public final class FieldNode extends Node {
  public final String[] ident;

  FieldNode(int pos, Tree tree, String ident) {
    super(FIELD, pos, tree);
    this.ident = ident.substring(1).split("\\.", -1);
  }

  @Override
  void writeTo(StringBuilder sb) {
    for (String id : ident) {
      sb.append('.').append(id);
    }
  }
}
