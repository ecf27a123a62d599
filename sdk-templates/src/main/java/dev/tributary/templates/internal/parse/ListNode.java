package dev.tributary.templates.internal.parse;

import java.util.ArrayList;
import java.util.List;

/** A sequence of nodes. */
public final class ListNode extends Node {
  public final List<Node> nodes = new ArrayList<>();

  ListNode(int pos, Tree tree) {
    super(LIST, pos, tree);
  }

  @Override
  void writeTo(StringBuilder sb) {
    for (Node n : nodes) {
      n.writeTo(sb);
    }
  }
}
