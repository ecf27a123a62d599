package dev.tributary.templates.internal.parse;

import dev.tributary.templates.internal.fmt.Strconv;
import dev.tributary.templates.internal.value.GoStrings;

/** A token from the {@link Lexer}: Go's {@code parse.item}. Immutable. */
final class Item {
  static final int ERROR = 0;
  static final int BOOL = 1;
  static final int CHAR = 2;
  static final int CHAR_CONSTANT = 3;
  static final int COMMENT = 4;
  static final int COMPLEX = 5;
  static final int ASSIGN = 6;
  static final int DECLARE = 7;
  static final int EOF = 8;
  static final int FIELD = 9;
  static final int IDENTIFIER = 10;
  static final int LEFT_DELIM = 11;
  static final int LEFT_PAREN = 12;
  static final int NUMBER = 13;
  static final int PIPE = 14;
  static final int RAW_STRING = 15;
  static final int RIGHT_DELIM = 16;
  static final int RIGHT_PAREN = 17;
  static final int SPACE = 18;
  static final int STRING = 19;
  static final int TEXT = 20;
  static final int VARIABLE = 21;
  static final int KEYWORD = 22;
  static final int BLOCK = 23;
  static final int BREAK = 24;
  static final int CONTINUE = 25;
  static final int DOT = 26;
  static final int DEFINE = 27;
  static final int ELSE = 28;
  static final int END = 29;
  static final int IF = 30;
  static final int NIL = 31;
  static final int RANGE = 32;
  static final int TEMPLATE = 33;
  static final int WITH = 34;

  /** What a closed lexer yields: Go's zero item. */
  static final Item ZERO = new Item(ERROR, 0, "", 0);

  final int type;
  final int pos;
  final String val;
  final int line;

  Item(int type, int pos, String val, int line) {
    this.type = type;
    this.pos = pos;
    this.val = val;
    this.line = line;
  }

  static int keyword(String word) {
    switch (word) {
      case "." -> {
        return DOT;
      }
      case "block" -> {
        return BLOCK;
      }
      case "break" -> {
        return BREAK;
      }
      case "continue" -> {
        return CONTINUE;
      }
      case "define" -> {
        return DEFINE;
      }
      case "else" -> {
        return ELSE;
      }
      case "end" -> {
        return END;
      }
      case "if" -> {
        return IF;
      }
      case "range" -> {
        return RANGE;
      }
      case "nil" -> {
        return NIL;
      }
      case "template" -> {
        return TEMPLATE;
      }
      case "with" -> {
        return WITH;
      }
      default -> {
        return -1;
      }
    }
  }

  /** Go's {@code item.String()}, as error messages quote tokens. */
  @Override
  public String toString() {
    if (type == EOF) {
      return "EOF";
    } else if (type == ERROR) {
      return val;
    } else if (type > KEYWORD) {
      return "<" + val + ">";
    }
    StringBuilder sb = new StringBuilder();
    if (GoStrings.byteLength(val) > 10) {
      int end = 0;
      for (int runes = 0; runes < 10 && end < val.length(); runes++) {
        end += GoStrings.charCount(val, end);
      }
      Strconv.appendQuoted(sb, val.substring(0, end), '"', false);
      return sb.append("...").toString();
    }
    Strconv.appendQuoted(sb, val, '"', false);
    return sb.toString();
  }
}
