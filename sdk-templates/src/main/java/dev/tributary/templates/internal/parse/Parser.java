package dev.tributary.templates.internal.parse;

import dev.tributary.templates.internal.fmt.Strconv;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Go's template parser, ported from {@code text/template/parse/parse.go} so that it accepts and
 * rejects the same templates with the same messages and line numbers. One parser per tree: a {@code
 * define} or {@code block} body gets its own, sharing the lexer, as in Go. Not thread-safe.
 */
public final class Parser extends Tokens {
  private final Map<String, Tree> treeSet;
  private final ParseSettings settings;
  private final Tree tree;
  private List<String> vars = new ArrayList<>(List.of("$"));
  private int actionLine;
  private int rangeDepth;
  private int depth;

  private Parser(Tree tree, Lexer lexer, Map<String, Tree> treeSet, ParseSettings settings) {
    super(lexer, tree.parseName());
    this.tree = tree;
    this.treeSet = treeSet;
    this.settings = settings;
  }

  /** Parses {@code text} as template {@code name}: every tree it defines, by name. */
  public static Map<String, Tree> parse(String name, String text, ParseSettings settings) {
    Map<String, Tree> treeSet = new LinkedHashMap<>();
    Lexer lexer =
        new Lexer(
            text, !settings.hasFunction().test("break"), !settings.hasFunction().test("continue"));
    Parser p = new Parser(new Tree(name, name, text), lexer, treeSet, settings);
    try {
      p.parseTop();
    } catch (StackOverflowError e) {
      throw new ParseError(name, p.lastLine(), "template nested too deeply to parse");
    }
    p.add();
    return treeSet;
  }

  private Parser child(String name) {
    Parser p = new Parser(new Tree(name, tree.parseName(), tree.text()), lexer, treeSet, settings);
    p.depth = depth;
    return p;
  }

  private void parseTop() {
    ListNode root = new ListNode(peek().pos, tree);
    tree.setRoot(root);
    while (peek().type != Item.EOF) {
      if (peek().type == Item.LEFT_DELIM) {
        Item delim = next();
        if (nextNonSpace().type == Item.DEFINE) {
          child("definition").parseDefinition();
          continue;
        }
        backup2(delim);
      }
      Node n = textOrAction();
      if (n.type == Node.END || n.type == Node.ELSE) {
        throw errorf("unexpected " + n);
      }
      root.nodes.add(n);
    }
  }

  /** Go's {@code add}: registers the tree, rejecting a second non-empty definition. */
  private void add() {
    Tree existing = treeSet.get(tree.name());
    if (existing == null || Tree.isEmpty(existing.root())) {
      treeSet.put(tree.name(), tree);
      return;
    }
    if (!Tree.isEmpty(tree.root())) {
      throw errorf("template: multiple definition of template " + Strconv.quote(tree.name()));
    }
  }

  private void parseDefinition() {
    String context = "define clause";
    Item name = expectOneOf(Item.STRING, Item.RAW_STRING, context);
    tree.setName(unquote(name.val));
    expect(Item.RIGHT_DELIM, context);
    Node[] end = new Node[1];
    tree.setRoot(itemList(end));
    if (end[0].type != Node.END) {
      throw errorf("unexpected " + end[0] + " in " + context);
    }
    add();
  }

  /** textOrAction* up to {@code {{end}}} or {@code {{else}}}, returned in {@code end[0]}. */
  private ListNode itemList(Node[] end) {
    ListNode list = new ListNode(peekNonSpace().pos, tree);
    while (peekNonSpace().type != Item.EOF) {
      Node n = textOrAction();
      if (n.type == Node.END || n.type == Node.ELSE) {
        end[0] = n;
        return list;
      }
      list.nodes.add(n);
    }
    throw errorf("unexpected EOF");
  }

  private Node textOrAction() {
    Item token = nextNonSpace();
    switch (token.type) {
      case Item.TEXT -> {
        return new TextNode(token.pos, tree, token.val);
      }
      case Item.LEFT_DELIM -> {
        actionLine = token.line;
        try {
          return action();
        } finally {
          actionLine = 0;
        }
      }
      case Item.COMMENT -> {
        return new CommentNode(token.pos, tree, token.val);
      }
      default -> throw unexpected(token, "input");
    }
  }

  private Node action() {
    Item token = nextNonSpace();
    switch (token.type) {
      case Item.BLOCK -> {
        return blockControl();
      }
      case Item.BREAK, Item.CONTINUE -> {
        return loopControl(token);
      }
      case Item.ELSE -> {
        return elseControl();
      }
      case Item.END -> {
        return new EndNode(expect(Item.RIGHT_DELIM, "end").pos, tree);
      }
      case Item.IF -> {
        return control(Node.IF, "if");
      }
      case Item.RANGE -> {
        return control(Node.RANGE, "range");
      }
      case Item.TEMPLATE -> {
        return templateControl();
      }
      case Item.WITH -> {
        return control(Node.WITH, "with");
      }
      default -> {
        backup();
        Item first = peek();
        return new ActionNode(first.pos, tree, first.line, pipeline("command", Item.RIGHT_DELIM));
      }
    }
  }

  private Node loopControl(Item keyword) {
    String name = keyword.type == Item.BREAK ? "break" : "continue";
    Item token = nextNonSpace();
    if (token.type != Item.RIGHT_DELIM) {
      throw unexpected(token, "{{" + name + "}}");
    }
    if (rangeDepth == 0) {
      throw errorf("{{" + name + "}} outside {{range}}");
    }
    int type = keyword.type == Item.BREAK ? Node.BREAK : Node.CONTINUE;
    return new LoopControlNode(type, keyword.pos, tree, keyword.line);
  }

  private Node elseControl() {
    Item peek = peekNonSpace();
    if (peek.type == Item.IF || (settings.elseWith() && peek.type == Item.WITH)) {
      return new ElseNode(peek.pos, tree, peek.line);
    }
    Item token = expect(Item.RIGHT_DELIM, "else");
    return new ElseNode(token.pos, tree, token.line);
  }

  /** {@code if}, {@code range} and {@code with}: Go's {@code parseControl}. */
  private Node control(int type, String context) {
    enter();
    int varsMark = vars.size();
    PipeNode pipe = pipeline(context, Item.RIGHT_DELIM);
    if (type == Node.RANGE) {
      rangeDepth++;
    }
    Node[] next = new Node[1];
    ListNode list = itemList(next);
    if (type == Node.RANGE) {
      rangeDepth--;
    }
    ListNode elseList = null;
    if (next[0].type == Node.ELSE) {
      elseList = elseBranch(type, next);
    }
    vars = new ArrayList<>(vars.subList(0, varsMark));
    depth--;
    return new BranchNode(type, pipe.pos, tree, pipe.line, pipe, list, elseList);
  }

  private ListNode elseBranch(int type, Node[] next) {
    if (type == Node.IF && peek().type == Item.IF) {
      next();
      ListNode elseList = new ListNode(next[0].pos, tree);
      elseList.nodes.add(control(Node.IF, "if"));
      return elseList;
    }
    if (settings.elseWith() && type == Node.WITH && peek().type == Item.WITH) {
      next();
      ListNode elseList = new ListNode(next[0].pos, tree);
      elseList.nodes.add(control(Node.WITH, "with"));
      return elseList;
    }
    ListNode elseList = itemList(next);
    if (next[0].type != Node.END) {
      throw errorf("expected end; found " + next[0]);
    }
    return elseList;
  }

  private Node blockControl() {
    String context = "block clause";
    Item token = nextNonSpace();
    String name = templateName(token, context);
    PipeNode pipe = pipeline(context, Item.RIGHT_DELIM);
    Parser block = child(name);
    Node[] end = new Node[1];
    block.tree.setRoot(block.itemList(end));
    if (end[0].type != Node.END) {
      throw errorf("unexpected " + end[0] + " in " + context);
    }
    block.add();
    return new TemplateNode(token.pos, tree, token.line, name, pipe);
  }

  private Node templateControl() {
    String context = "template clause";
    Item token = nextNonSpace();
    String name = templateName(token, context);
    PipeNode pipe = null;
    if (nextNonSpace().type != Item.RIGHT_DELIM) {
      backup();
      pipe = pipeline(context, Item.RIGHT_DELIM);
    }
    return new TemplateNode(token.pos, tree, token.line, name, pipe);
  }

  private String templateName(Item token, String context) {
    if (token.type == Item.STRING || token.type == Item.RAW_STRING) {
      return unquote(token.val);
    }
    throw unexpected(token, context);
  }

  private String unquote(String quoted) {
    try {
      return Strconv.unquote(quoted);
    } catch (Strconv.SyntaxException e) {
      throw errorf(e.getMessage());
    }
  }

  /** declarations? command ('|' command)* */
  private PipeNode pipeline(String context, int end) {
    Item first = peekNonSpace();
    PipeNode pipe = new PipeNode(first.pos, tree, first.line);
    declarations(pipe, context);
    while (true) {
      Item token = nextNonSpace();
      if (token.type == end) {
        checkPipeline(pipe, context);
        return pipe;
      }
      switch (token.type) {
        case Item.BOOL,
            Item.CHAR_CONSTANT,
            Item.COMPLEX,
            Item.DOT,
            Item.FIELD,
            Item.IDENTIFIER,
            Item.NUMBER,
            Item.NIL,
            Item.RAW_STRING,
            Item.STRING,
            Item.VARIABLE,
            Item.LEFT_PAREN -> {
          backup();
          pipe.cmds.add(command());
        }
        default -> throw unexpected(token, context);
      }
    }
  }

  private void declarations(PipeNode pipe, String context) {
    while (peekNonSpace().type == Item.VARIABLE) {
      Item v = next();
      Item tokenAfterVariable = peek();
      Item following = peekNonSpace();
      if (following.type == Item.ASSIGN || following.type == Item.DECLARE) {
        pipe.isAssign = following.type == Item.ASSIGN;
        nextNonSpace();
        pipe.decl.add(new VariableNode(v.pos, tree, v.val));
        vars.add(v.val);
        return;
      } else if (following.type == Item.CHAR && following.val.equals(",")) {
        nextNonSpace();
        pipe.decl.add(new VariableNode(v.pos, tree, v.val));
        vars.add(v.val);
        if (context.equals("range") && pipe.decl.size() < 2) {
          int t = peekNonSpace().type;
          if (t == Item.VARIABLE || t == Item.RIGHT_DELIM || t == Item.RIGHT_PAREN) {
            continue;
          }
          throw errorf("range can only initialize variables");
        }
        throw errorf("too many declarations in " + context);
      } else if (tokenAfterVariable.type == Item.SPACE) {
        backup3(v, tokenAfterVariable);
        return;
      } else {
        backup2(v);
        return;
      }
    }
  }

  private void checkPipeline(PipeNode pipe, String context) {
    if (pipe.cmds.isEmpty()) {
      throw errorf("missing value for " + context);
    }
    for (int i = 1; i < pipe.cmds.size(); i++) {
      switch (pipe.cmds.get(i).args.get(0).type) {
        case Node.BOOL, Node.DOT, Node.NIL, Node.NUMBER, Node.STRING ->
            throw errorf("non executable command in pipeline stage " + (i + 1));
        default -> {}
      }
    }
  }

  private CommandNode command() {
    CommandNode cmd = new CommandNode(peekNonSpace().pos, tree);
    while (true) {
      peekNonSpace();
      Node operand = operand();
      if (operand != null) {
        cmd.args.add(operand);
      }
      Item token = next();
      if (token.type == Item.SPACE) {
        continue;
      }
      if (token.type == Item.RIGHT_DELIM || token.type == Item.RIGHT_PAREN) {
        backup();
      } else if (token.type != Item.PIPE) {
        throw unexpected(token, "operand");
      }
      break;
    }
    if (cmd.args.isEmpty()) {
      throw errorf("empty command");
    }
    return cmd;
  }

  private Node operand() {
    Node node = term();
    if (node == null || peek().type != Item.FIELD) {
      return node;
    }
    ChainNode chain = new ChainNode(peek().pos, tree, node);
    while (peek().type == Item.FIELD) {
      chain.add(next().val);
    }
    switch (node.type) {
      case Node.FIELD -> {
        return new FieldNode(chain.pos, tree, chain.toString());
      }
      case Node.VARIABLE -> {
        return new VariableNode(chain.pos, tree, chain.toString());
      }
      case Node.BOOL, Node.STRING, Node.NUMBER, Node.NIL, Node.DOT ->
          throw errorf("unexpected . after term " + Strconv.quote(node.toString()));
      default -> {
        return chain;
      }
    }
  }

  private Node term() {
    Item token = nextNonSpace();
    return switch (token.type) {
      case Item.IDENTIFIER -> {
        if (!settings.hasFunction().test(token.val)) {
          throw errorf("function " + Strconv.quote(token.val) + " not defined");
        }
        yield new IdentifierNode(token.pos, tree, token.val);
      }
      case Item.DOT -> new DotNode(token.pos, tree);
      case Item.NIL -> new NilNode(token.pos, tree);
      case Item.VARIABLE -> useVar(token.pos, token.val);
      case Item.FIELD -> new FieldNode(token.pos, tree, token.val);
      case Item.BOOL -> new BoolNode(token.pos, tree, token.val.equals("true"));
      case Item.CHAR_CONSTANT, Item.COMPLEX, Item.NUMBER -> number(token);
      case Item.LEFT_PAREN -> {
        enter();
        PipeNode pipe = pipeline("parenthesized pipeline", Item.RIGHT_PAREN);
        depth--;
        yield pipe;
      }
      case Item.STRING, Item.RAW_STRING ->
          new StringNode(token.pos, tree, token.val, unquote(token.val));
      default -> {
        backup();
        yield null;
      }
    };
  }

  private Node number(Item token) {
    try {
      return NumberNode.parse(token.pos, tree, token.val, token.type);
    } catch (NumberNode.NumberException e) {
      throw errorf(e.getMessage());
    }
  }

  private void enter() {
    if (++depth > settings.maxDepth()) {
      throw errorf("max expression depth exceeded");
    }
  }

  private Node useVar(int pos, String name) {
    VariableNode v = new VariableNode(pos, tree, name);
    if (vars.contains(v.name())) {
      return v;
    }
    throw errorf("undefined variable " + Strconv.quote(v.name()));
  }

  @Override
  ParseError unexpectedToken(Item token, String context) {
    return unexpected(token, context);
  }

  private ParseError unexpected(Item token, String context) {
    if (token.type == Item.ERROR) {
      String extra = "";
      if (actionLine != 0 && actionLine != token.line) {
        extra = " in action started at " + tree.parseName() + ":" + actionLine;
        if (token.val.endsWith(" action")) {
          extra = extra.substring(" in action".length());
        }
      }
      return errorf(token + extra);
    }
    return errorf("unexpected " + token + " in " + context);
  }
}
