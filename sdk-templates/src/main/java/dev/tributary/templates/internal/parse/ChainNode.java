package dev.tributary.templates.internal.parse;

import java.util.ArrayList;
import java.util.List;

/** Fields on a term that is not dot or a variable: {@code (f x).a.b}. */
public final class ChainNode extends Node {
  public final Node node;
  public final List<String> fields = new ArrayList<>();
  public String[] fieldArray = new String[0];

  ChainNode(int pos, Tree tree, Node node) {
    super(CHAIN, pos, tree);
    this.node = node;
  }

  void add(String field) {
    fields.add(field.substring(1));
    fieldArray = fields.toArray(new String[0]);
  }

  @Override
  void writeTo(StringBuilder sb) {
    if (node instanceof PipeNode) {
      sb.append('(');
      node.writeTo(sb);
      sb.append(')');
    } else {
      node.writeTo(sb);
    }
    for (String f : fields) {
      sb.append('.').append(f);
    }
  }
}
