package dev.tributary.templates.internal.parse;

/**
 * A node of a parse tree, as in Go's {@code text/template/parse}: its type, its position (a char
 * offset into the template text) and its tree. {@link #toString()} reproduces Go's {@code
 * String()}, which execution errors quote as {@code at <…>}. After parsing, nodes are only read.
 */
public abstract class Node {
  public static final int TEXT = 0;
  public static final int ACTION = 1;
  public static final int BOOL = 2;
  public static final int CHAIN = 3;
  public static final int COMMAND = 4;
  public static final int DOT = 5;
  public static final int ELSE = 6;
  public static final int END = 7;
  public static final int FIELD = 8;
  public static final int IDENTIFIER = 9;
  public static final int IF = 10;
  public static final int LIST = 11;
  public static final int NIL = 12;
  public static final int NUMBER = 13;
  public static final int PIPE = 14;
  public static final int RANGE = 15;
  public static final int STRING = 16;
  public static final int TEMPLATE = 17;
  public static final int VARIABLE = 18;
  public static final int WITH = 19;
  public static final int COMMENT = 20;
  public static final int BREAK = 21;
  public static final int CONTINUE = 22;

  public final int type;
  public final int pos;
  public final Tree tree;

  Node(int type, int pos, Tree tree) {
    this.type = type;
    this.pos = pos;
    this.tree = tree;
  }

  abstract void writeTo(StringBuilder sb);

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    writeTo(sb);
    return sb.toString();
  }
}
