package dev.tributary.templates.internal.parse;

/**
 * The parser's three-token lookahead over the lexer, as Go's {@code Tree.next/backup/peek}. Error
 * lines come from the most recently lexed token, {@code token[0]}, exactly as in Go.
 */
abstract class Tokens {
  final Lexer lexer;
  private final String parseName;
  private final Item[] token = {Item.ZERO, Item.ZERO, Item.ZERO};
  private int peekCount;

  Tokens(Lexer lexer, String parseName) {
    this.lexer = lexer;
    this.parseName = parseName;
  }

  final Item next() {
    if (peekCount > 0) {
      peekCount--;
    } else {
      token[0] = lexer.nextItem();
    }
    return token[peekCount];
  }

  final void backup() {
    peekCount++;
  }

  final void backup2(Item t1) {
    token[1] = t1;
    peekCount = 2;
  }

  final void backup3(Item t2, Item t1) {
    token[1] = t1;
    token[2] = t2;
    peekCount = 3;
  }

  final Item peek() {
    if (peekCount > 0) {
      return token[peekCount - 1];
    }
    peekCount = 1;
    token[0] = lexer.nextItem();
    return token[0];
  }

  final Item nextNonSpace() {
    Item t;
    do {
      t = next();
    } while (t.type == Item.SPACE);
    return t;
  }

  final Item peekNonSpace() {
    Item t = nextNonSpace();
    backup();
    return t;
  }

  final Item expect(int expected, String context) {
    Item t = nextNonSpace();
    if (t.type != expected) {
      throw unexpectedToken(t, context);
    }
    return t;
  }

  final Item expectOneOf(int expected1, int expected2, String context) {
    Item t = nextNonSpace();
    if (t.type != expected1 && t.type != expected2) {
      throw unexpectedToken(t, context);
    }
    return t;
  }

  abstract ParseError unexpectedToken(Item token, String context);

  final int lastLine() {
    return token[0].line;
  }

  /** Go's {@code Tree.errorf}: the error, at the line of the last token read. */
  final ParseError errorf(String message) {
    return new ParseError(parseName, token[0].line, message);
  }
}
