package dev.tributary.templates.internal.parse;

import dev.tributary.templates.internal.fmt.Strconv;
import java.util.ArrayDeque;

/**
 * Go's {@code text/template/parse} lexer, run on demand: each {@link #nextItem()} runs the state
 * machine until it emits a token, exactly as Go's lexer goroutine does between channel sends, so
 * tokens, positions and line numbers match Go's. Positions are char offsets into the input. Not
 * thread-safe; one per parse.
 */
final class Lexer {
  private static final int EOF = -1;
  private static final int STOP = 0;
  private static final int TEXT = 1;
  private static final int LEFT_DELIM = 2;
  private static final int COMMENT = 3;
  private static final int RIGHT_DELIM = 4;
  private static final int INSIDE_ACTION = 5;
  private static final int SPACE = 6;
  private static final int IDENTIFIER = 7;
  private static final int FIELD = 8;
  private static final int VARIABLE = 9;
  private static final int CHAR = 10;
  private static final int NUMBER = 11;
  private static final int QUOTE = 12;
  private static final int RAW_QUOTE = 13;
  private static final String LEFT = "{{";
  private static final String RIGHT = "}}";

  private final String input;
  private final boolean breakOk;
  private final boolean continueOk;
  private final ArrayDeque<Item> items = new ArrayDeque<>(4);
  private int state = TEXT;
  private int pos;
  private int start;
  private boolean atEof;
  private int parenDepth;
  private int line = 1;
  private int startLine = 1;

  Lexer(String input, boolean breakOk, boolean continueOk) {
    this.input = input;
    this.breakOk = breakOk;
    this.continueOk = continueOk;
  }

  Item nextItem() {
    while (items.isEmpty()) {
      if (state == STOP) {
        return Item.ZERO;
      }
      state = step(state);
    }
    return items.poll();
  }

  private int step(int s) {
    switch (s) {
      case TEXT -> {
        return lexText();
      }
      case LEFT_DELIM -> {
        return lexLeftDelim();
      }
      case COMMENT -> {
        return lexComment();
      }
      case RIGHT_DELIM -> {
        return lexRightDelim();
      }
      case INSIDE_ACTION -> {
        return lexInsideAction();
      }
      case SPACE -> {
        return lexSpace();
      }
      case IDENTIFIER -> {
        return lexIdentifier();
      }
      case FIELD -> {
        return lexFieldOrVariable(Item.FIELD);
      }
      case VARIABLE -> {
        return atTerminator() ? emitThen(Item.VARIABLE) : lexFieldOrVariable(Item.VARIABLE);
      }
      case CHAR -> {
        return lexQuoted('\'', Item.CHAR_CONSTANT, "unterminated character constant");
      }
      case NUMBER -> {
        return lexNumber();
      }
      case QUOTE -> {
        return lexQuoted('"', Item.STRING, "unterminated quoted string");
      }
      case RAW_QUOTE -> {
        return lexRawQuote();
      }
      default -> {
        return STOP;
      }
    }
  }

  private int next() {
    if (pos >= input.length()) {
      atEof = true;
      return EOF;
    }
    int r = input.codePointAt(pos);
    pos += Character.charCount(r);
    if (r == '\n') {
      line++;
    }
    return r;
  }

  private int peek() {
    int r = next();
    backup();
    return r;
  }

  private void backup() {
    if (!atEof && pos > 0) {
      int r = input.codePointBefore(pos);
      pos -= Character.charCount(r);
      if (r == '\n') {
        line--;
      }
    }
  }

  private void emit(int type) {
    items.add(new Item(type, start, input.substring(start, pos), startLine));
    start = pos;
    startLine = line;
  }

  private int emitThen(int type) {
    emit(type);
    return INSIDE_ACTION;
  }

  private void ignore() {
    line += countNewlines(start, pos);
    start = pos;
    startLine = line;
  }

  private int countNewlines(int from, int to) {
    int n = 0;
    for (int i = from; i < to; i++) {
      if (input.charAt(i) == '\n') {
        n++;
      }
    }
    return n;
  }

  private boolean accept(String valid) {
    int r = next();
    if (r >= 0 && valid.indexOf(r) >= 0) {
      return true;
    }
    backup();
    return false;
  }

  private void acceptRun(String valid) {
    int r;
    do {
      r = next();
    } while (r >= 0 && valid.indexOf(r) >= 0);
    backup();
  }

  private int errorf(String message) {
    items.add(new Item(Item.ERROR, start, message, startLine));
    return STOP;
  }

  private int lexText() {
    int x = input.indexOf(LEFT, pos);
    if (x >= 0) {
      pos = x;
      int trimLength = 0;
      if (hasLeftTrimMarker(pos + LEFT.length())) {
        trimLength = rightTrimLength(start, pos);
      }
      pos -= trimLength;
      if (pos > start) {
        line += countNewlines(start, pos);
        emit(Item.TEXT);
      }
      pos += trimLength;
      ignore();
      return LEFT_DELIM;
    }
    pos = input.length();
    if (pos > start) {
      line += countNewlines(start, pos);
      emit(Item.TEXT);
    }
    emit(Item.EOF);
    return STOP;
  }

  private int rightTrimLength(int from, int to) {
    int i = to;
    while (i > from && isSpace(input.charAt(i - 1))) {
      i--;
    }
    return to - i;
  }

  private int leftTrimLength(int from) {
    int i = from;
    while (i < input.length() && isSpace(input.charAt(i))) {
      i++;
    }
    return i - from;
  }

  /** Whether at a right delimiter; sets {@code trim} when it carries a trim marker. */
  private boolean atRightDelim(boolean[] trim) {
    if (hasRightTrimMarker(pos) && input.startsWith(RIGHT, pos + 2)) {
      trim[0] = true;
      return true;
    }
    trim[0] = false;
    return input.startsWith(RIGHT, pos);
  }

  private int lexLeftDelim() {
    pos += LEFT.length();
    boolean trimSpace = hasLeftTrimMarker(pos);
    int afterMarker = trimSpace ? 2 : 0;
    if (input.startsWith("/*", pos + afterMarker)) {
      pos += afterMarker;
      ignore();
      return COMMENT;
    }
    emit(Item.LEFT_DELIM);
    pos += afterMarker;
    ignore();
    parenDepth = 0;
    return INSIDE_ACTION;
  }

  private int lexComment() {
    pos += 2;
    int i = input.indexOf("*/", pos);
    if (i < 0) {
      return errorf("unclosed comment");
    }
    pos = i + 2;
    boolean[] trim = new boolean[1];
    if (!atRightDelim(trim)) {
      return errorf("comment ends before closing delimiter");
    }
    if (trim[0]) {
      pos += 2;
    }
    pos += RIGHT.length();
    if (trim[0]) {
      pos += leftTrimLength(pos);
    }
    ignore();
    return TEXT;
  }

  private int lexRightDelim() {
    boolean trimSpace = hasRightTrimMarker(pos);
    if (trimSpace) {
      pos += 2;
      ignore();
    }
    pos += RIGHT.length();
    emit(Item.RIGHT_DELIM);
    if (trimSpace) {
      pos += leftTrimLength(pos);
      ignore();
    }
    return TEXT;
  }

  private int lexInsideAction() {
    if (atRightDelim(new boolean[1])) {
      return parenDepth == 0 ? RIGHT_DELIM : errorf("unclosed left paren");
    }
    int r = next();
    if (r == EOF) {
      return errorf("unclosed action");
    } else if (isSpace(r)) {
      backup();
      return SPACE;
    }
    switch (r) {
      case '=' -> {
        return emitThen(Item.ASSIGN);
      }
      case ':' -> {
        return next() != '=' ? errorf("expected :=") : emitThen(Item.DECLARE);
      }
      case '|' -> {
        return emitThen(Item.PIPE);
      }
      case '"' -> {
        return QUOTE;
      }
      case '`' -> {
        return RAW_QUOTE;
      }
      case '$' -> {
        return VARIABLE;
      }
      case '\'' -> {
        return CHAR;
      }
      case '(' -> {
        parenDepth++;
        return emitThen(Item.LEFT_PAREN);
      }
      case ')' -> {
        emit(Item.RIGHT_PAREN);
        parenDepth--;
        return parenDepth < 0 ? errorf("unexpected right paren " + formatU(r)) : INSIDE_ACTION;
      }
      default -> {
        return lexOther(r);
      }
    }
  }

  private int lexOther(int r) {
    if (r == '.' && pos < input.length()) {
      char c = input.charAt(pos);
      if (c < '0' || '9' < c) {
        return FIELD;
      }
    }
    if (r == '.' || r == '+' || r == '-' || ('0' <= r && r <= '9')) {
      backup();
      return NUMBER;
    }
    if (isAlphaNumeric(r)) {
      backup();
      return IDENTIFIER;
    }
    if (r <= 0x7F && Strconv.isPrint(r)) {
      return emitThen(Item.CHAR);
    }
    return errorf("unrecognized character in action: " + formatU(r));
  }

  private int lexSpace() {
    int numSpaces = 0;
    while (isSpace(peek())) {
      next();
      numSpaces++;
    }
    if (hasRightTrimMarker(pos - 1) && input.startsWith(RIGHT, pos - 1 + 2)) {
      backup();
      if (numSpaces == 1) {
        return RIGHT_DELIM;
      }
    }
    emit(Item.SPACE);
    return INSIDE_ACTION;
  }

  private int lexIdentifier() {
    int r;
    do {
      r = next();
    } while (isAlphaNumeric(r));
    backup();
    String word = input.substring(start, pos);
    if (!atTerminator()) {
      return errorf("bad character " + formatU(r));
    }
    int key = Item.keyword(word);
    if (key > Item.KEYWORD) {
      boolean disabled = (key == Item.BREAK && !breakOk) || (key == Item.CONTINUE && !continueOk);
      emit(disabled ? Item.IDENTIFIER : key);
    } else if (word.charAt(0) == '.') {
      emit(Item.FIELD);
    } else if (word.equals("true") || word.equals("false")) {
      emit(Item.BOOL);
    } else {
      emit(Item.IDENTIFIER);
    }
    return INSIDE_ACTION;
  }

  private int lexFieldOrVariable(int type) {
    if (atTerminator()) {
      return emitThen(type == Item.VARIABLE ? Item.VARIABLE : Item.DOT);
    }
    int r;
    do {
      r = next();
    } while (isAlphaNumeric(r));
    backup();
    if (!atTerminator()) {
      return errorf("bad character " + formatU(r));
    }
    return emitThen(type);
  }

  private boolean atTerminator() {
    int r = peek();
    if (isSpace(r)) {
      return true;
    }
    switch (r) {
      case EOF, '.', ',', '|', ':', ')', '(' -> {
        return true;
      }
      default -> {
        return input.startsWith(RIGHT, pos);
      }
    }
  }

  /** A quoted string or character constant; escapes are checked by the parser. */
  private int lexQuoted(char quote, int type, String unterminated) {
    while (true) {
      int r = next();
      if (r == '\\') {
        r = next();
        if (r != EOF && r != '\n') {
          continue;
        }
        return errorf(unterminated);
      }
      if (r == EOF || r == '\n') {
        return errorf(unterminated);
      }
      if (r == quote) {
        return emitThen(type);
      }
    }
  }

  private int lexRawQuote() {
    while (true) {
      int r = next();
      if (r == EOF) {
        return errorf("unterminated raw quoted string");
      }
      if (r == '`') {
        return emitThen(Item.RAW_STRING);
      }
    }
  }

  private int lexNumber() {
    if (!scanNumber()) {
      return errorf("bad number syntax: " + Strconv.quote(input.substring(start, pos)));
    }
    int sign = peek();
    if (sign == '+' || sign == '-') {
      if (!scanNumber() || input.charAt(pos - 1) != 'i') {
        return errorf("bad number syntax: " + Strconv.quote(input.substring(start, pos)));
      }
      return emitThen(Item.COMPLEX);
    }
    return emitThen(Item.NUMBER);
  }

  private boolean scanNumber() {
    accept("+-");
    String digits = "0123456789_";
    if (accept("0")) {
      if (accept("xX")) {
        digits = "0123456789abcdefABCDEF_";
      } else if (accept("oO")) {
        digits = "01234567_";
      } else if (accept("bB")) {
        digits = "01_";
      }
    }
    acceptRun(digits);
    if (accept(".")) {
      acceptRun(digits);
    }
    if (digits.length() == 11 && accept("eE")) {
      accept("+-");
      acceptRun("0123456789_");
    }
    if (digits.length() == 23 && accept("pP")) {
      accept("+-");
      acceptRun("0123456789_");
    }
    accept("i");
    if (isAlphaNumeric(peek())) {
      next();
      return false;
    }
    return true;
  }

  private boolean hasLeftTrimMarker(int i) {
    return i + 1 < input.length() && input.charAt(i) == '-' && isSpace(input.charAt(i + 1));
  }

  private boolean hasRightTrimMarker(int i) {
    return i >= 0
        && i + 1 < input.length()
        && isSpace(input.charAt(i))
        && input.charAt(i + 1) == '-';
  }

  static boolean isSpace(int r) {
    return r == ' ' || r == '\t' || r == '\r' || r == '\n';
  }

  static boolean isAlphaNumeric(int r) {
    return r == '_' || (r >= 0 && (Character.isLetter(r) || Character.isDigit(r)));
  }

  /** Go's {@code %#U}: {@code U+201C '“'}. */
  static String formatU(int r) {
    StringBuilder sb = new StringBuilder("U+");
    String hex = Integer.toHexString(r).toUpperCase(java.util.Locale.ROOT);
    for (int i = hex.length(); i < 4; i++) {
      sb.append('0');
    }
    sb.append(hex);
    if (Strconv.isPrint(r)) {
      sb.append(" '").appendCodePoint(r).append('\'');
    }
    return sb.toString();
  }
}
