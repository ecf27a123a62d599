package dev.tributary.templates.internal.parse;

import dev.tributary.templates.internal.value.GoStrings;
import org.jspecify.annotations.Nullable;

/**
 * One parsed template: a name, a root list, and the text it came from (shared by every template
 * defined in that text), which error messages use to turn positions into {@code line:column}.
 */
public final class Tree {
  private String name;
  private final String parseName;
  private final String text;
  private @Nullable ListNode root;

  /** How many variable slots an execution of this tree needs; set by the linker. */
  public int frameSize = 1;

  Tree(String name, String parseName, String text) {
    this.name = name;
    this.parseName = parseName;
    this.text = text;
  }

  public String name() {
    return name;
  }

  void setName(String name) {
    this.name = name;
  }

  /** The name of the top-level template whose text defined this one. */
  public String parseName() {
    return parseName;
  }

  public String text() {
    return text;
  }

  public @Nullable ListNode root() {
    return root;
  }

  void setRoot(@Nullable ListNode root) {
    this.root = root;
  }

  /** Go's {@code ErrorContext}: {@code "name:line:column"}, the column in bytes. */
  public String location(Node n) {
    String before = text.substring(0, Math.min(n.pos, text.length()));
    int lastNewline = before.lastIndexOf('\n');
    int line = 1;
    for (int i = 0; i < before.length(); i++) {
      if (before.charAt(i) == '\n') {
        line++;
      }
    }
    int column = GoStrings.byteLength(before.substring(lastNewline + 1));
    return parseName + ":" + line + ":" + column;
  }

  /** Go's {@code IsEmptyTree}: nothing but space and comments. */
  static boolean isEmpty(@Nullable Node n) {
    if (n == null) {
      return true;
    }
    switch (n.type) {
      case Node.COMMENT -> {
        return true;
      }
      case Node.LIST -> {
        for (Node child : ((ListNode) n).nodes) {
          if (!isEmpty(child)) {
            return false;
          }
        }
        return true;
      }
      case Node.TEXT -> {
        return isGoSpaceOnly(((TextNode) n).text);
      }
      default -> {
        return false;
      }
    }
  }

  private static boolean isGoSpaceOnly(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (!isGoSpace(s.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  /** Go's {@code unicode.IsSpace}. */
  public static boolean isGoSpace(char c) {
    switch (c) {
      case '\t',
          '\n',
          0x0B,
          '\f',
          '\r',
          ' ',
          0x85,
          0xA0,
          0x1680,
          0x2028,
          0x2029,
          0x202F,
          0x205F,
          0x3000 -> {
        return true;
      }
      default -> {
        return c >= 0x2000 && c <= 0x200A;
      }
    }
  }
}
