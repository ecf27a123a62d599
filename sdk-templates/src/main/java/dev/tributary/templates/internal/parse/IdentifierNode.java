package dev.tributary.templates.internal.parse;

import dev.tributary.templates.internal.func.GoFunction;
import org.jspecify.annotations.Nullable;

/** A function name. The linker resolves it to its function once the tree is complete. */
public final class IdentifierNode extends Node {
  public final String ident;
  public @Nullable GoFunction function;
  public boolean builtin;

  IdentifierNode(int pos, Tree tree, String ident) {
    super(IDENTIFIER, pos, tree);
    this.ident = ident;
  }

  @Override
  void writeTo(StringBuilder sb) {
    sb.append(ident);
  }
}
