package dev.tributary.templates.internal.parse;

/**
 * A variable, possibly followed by fields: {@code $x.a.b}. The linker gives it the slot of the
 * variable it names at that point of execution, or -1 when none is in scope there.
 */
public final class VariableNode extends Node {
  public final String[] ident;
  public int slot = -1;

  VariableNode(int pos, Tree tree, String ident) {
    super(VARIABLE, pos, tree);
    this.ident = ident.split("\\.", -1);
  }

  public String name() {
    return ident[0];
  }

  @Override
  void writeTo(StringBuilder sb) {
    sb.append(String.join(".", ident));
  }
}
