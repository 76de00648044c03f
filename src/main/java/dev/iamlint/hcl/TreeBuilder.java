package dev.iamlint.hcl;

import dev.iamlint.hcl.parser.HclLexer;
import dev.iamlint.hcl.parser.HclParser;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.tree.ParseTree;
import org.antlr.v4.runtime.tree.TerminalNode;

/**
 * Turns the ANTLR parse tree into our syntax tree, doing what the grammar leaves open: escapes,
 * strip markers, the flush-heredoc indent, directive nesting, splat scoping, literal labels,
 * legacy indexes and duplicate attributes. Nothing downstream sees ANTLR types.
 */
final class TreeBuilder {
  /**
   * Operators and brackets nested in one expression: far beyond any configuration (HashiCorp's
   * parser has no limit), within what the parser, this builder and the evaluator can recurse on
   * a thread's default stack.
   */
  static final int MAX_EXPRESSION_DEPTH = 1000;

  static String tooDeep() {
    return "expression nested too deeply: more than " + MAX_EXPRESSION_DEPTH + " levels of operators and brackets";
  }

  private final String text;
  /** How deep {@link #expression} is: a long operator chain nests as deep as it is long. */
  private int depth;
  /** Code point index to char index, only when the text has characters outside the BMP. */
  private final int[] charIndex;

  TreeBuilder(String text) {
    this.text = text;
    if (text.codePointCount(0, text.length()) == text.length()) {
      this.charIndex = null;
    } else {
      int[] map = new int[text.codePointCount(0, text.length()) + 1];
      int cp = 0;
      for (int i = 0; i < text.length(); i = text.offsetByCodePoints(i, 1)) map[cp++] = i;
      map[cp] = text.length();
      this.charIndex = map;
    }
  }

  // ---- ranges ----

  private int offset(int codePointIndex) {
    return charIndex == null ? codePointIndex : charIndex[Math.min(codePointIndex, charIndex.length - 1)];
  }

  /**
   * The {@code i}-th child of {@code type}, or null: what the generated accessors return, read with
   * an index where they take an iterator on every call (a whole scan walks millions of nodes).
   */
  private static <T extends ParserRuleContext> T child(ParserRuleContext ctx, Class<T> type, int i) {
    for (int k = 0, n = ctx.getChildCount(); k < n; k++) {
      if (type.isInstance(ctx.getChild(k)) && i-- == 0) return type.cast(ctx.getChild(k));
    }
    return null;
  }

  /** The first token of {@code type} among the children, or null: as {@link #child}, for tokens. */
  private static TerminalNode token(ParserRuleContext ctx, int type) {
    for (int k = 0, n = ctx.getChildCount(); k < n; k++) {
      if (ctx.getChild(k) instanceof TerminalNode t && t.getSymbol().getType() == type) return t;
    }
    return null;
  }

  private SourceRange range(Token first, Token last) {
    int start = offset(first.getStartIndex());
    int end = last.getType() == Token.EOF ? start : offset(last.getStopIndex() + 1);
    if (end < start) end = start;
    int endLine = last.getLine();
    int endColumn = last.getCharPositionInLine() + 1;
    // The last token's text is read in place: asking the token for it copied it out of the input
    // for every node of every file (a tenth of what a whole scan allocated).
    int from = last.getType() == Token.EOF ? 0 : offset(last.getStartIndex());
    int to = last.getType() == Token.EOF ? 0 : offset(last.getStopIndex() + 1);
    String in = text;
    if (last.getType() != Token.EOF && (last.getStartIndex() < 0 || to < from || to > text.length())) {
      in = last.getText();
      from = 0;
      to = in.length();
    }
    // Only the token's own text is searched for line breaks (it is short): searching back from its
    // end went on to the line break before the token, through the whole line, for every node.
    int nl = -1;
    for (int i = from; i < to; i++) {
      if (in.charAt(i) == '\n') {
        endLine++;
        nl = i;
      }
    }
    if (nl >= 0) {
      endColumn = in.codePointCount(nl + 1, to) + 1;
    } else {
      endColumn += in.codePointCount(from, to);
    }
    return new SourceRange(start, end, first.getLine(), first.getCharPositionInLine() + 1, endLine, endColumn);
  }

  private SourceRange range(ParserRuleContext ctx) {
    return range(ctx.getStart(), ctx.getStop() == null ? ctx.getStart() : ctx.getStop());
  }

  private SourceRange range(TerminalNode node) {
    return range(node.getSymbol(), node.getSymbol());
  }

  // ---- structure ----

  Body file(HclParser.ConfigFileContext ctx) {
    return body(ctx.bodyItem(), range(ctx));
  }

  private Body body(List<HclParser.BodyItemContext> items, SourceRange range) {
    List<Body.Attribute> attributes = new ArrayList<>();
    List<Body.Block> blocks = new ArrayList<>();
    Map<String, Body.Attribute> seen = new HashMap<>();
    for (HclParser.BodyItemContext item : items) {
      HclParser.AttributeContext attribute = child(item, HclParser.AttributeContext.class, 0);
      if (attribute != null) {
        Body.Attribute a = attribute(attribute);
        Body.Attribute earlier = seen.put(a.name(), a);
        if (earlier != null) {
          throw new HclSyntaxError("attribute \"" + a.name() + "\" is defined twice (first at line "
              + earlier.nameRange().startLine() + ")", a.nameRange());
        }
        attributes.add(a);
      } else {
        blocks.add(block(item.block()));
      }
    }
    return new Body(attributes, blocks, range);
  }

  private Body.Attribute attribute(HclParser.AttributeContext ctx) {
    TerminalNode name = token(ctx, HclLexer.IDENT);
    return new Body.Attribute(name.getText(), expression(child(ctx, HclParser.ExpressionContext.class, 0)), range(name),
        range(ctx));
  }

  private Body.Block block(HclParser.BlockContext ctx) {
    List<Body.Label> labels = new ArrayList<>();
    for (HclParser.BlockLabelContext l : ctx.blockLabel()) {
      TerminalNode ident = token(l, HclLexer.IDENT);
      if (ident != null) {
        labels.add(new Body.Label(ident.getText(), range(l)));
        continue;
      }
      Expression.Template t = template(l.templatePart(), false, range(l), false);
      String value = t.literal().orElseThrow(() ->
          new HclSyntaxError("block labels must be literal strings: interpolations and directives are not allowed here", range(l)));
      labels.add(new Body.Label(value, range(l)));
    }
    HclParser.BlockBodyContext b = ctx.blockBody();
    List<HclParser.BodyItemContext> items = new ArrayList<>(b.bodyItem());
    Body body;
    if (b.attribute() != null) {
      body = new Body(List.of(attribute(b.attribute())), List.of(), range(b));
    } else {
      SourceRange bodyRange = range(ctx.LBRACE().getSymbol(), ctx.RBRACE().getSymbol());
      body = body(items, bodyRange);
    }
    TerminalNode type = token(ctx, HclLexer.IDENT);
    return new Body.Block(type.getText(), labels, body, range(type), range(ctx));
  }

  // ---- expressions ----

  Expression expression(HclParser.ExpressionContext ctx) {
    // A left-nested chain (1 + 1 + ...) starts where its innermost operand does: there it is reported.
    if (++depth > MAX_EXPRESSION_DEPTH) throw new HclSyntaxError(tooDeep(), range(ctx));
    try {
      return nested(ctx);
    } finally {
      depth--;
    }
  }

  private Expression nested(HclParser.ExpressionContext ctx) {
    if (ctx instanceof HclParser.OperandExprContext o) return postfix(o.postfixExpr());
    if (ctx instanceof HclParser.UnaryExprContext u) {
      Expression.Operator op = u.MINUS() != null ? Expression.Operator.NEGATE : Expression.Operator.NOT;
      return new Expression.Unary(op, expression(u.expression()), range(ctx));
    }
    if (ctx instanceof HclParser.BinaryExprContext b) {
      Expression left = expression(b.expression(0));
      Expression right = expression(b.expression(1));
      Expression.Operator op = operator(((TerminalNode) b.getChild(1)).getSymbol().getType());
      return new Expression.Binary(op, left, right, left.range().to(right.range()));
    }
    HclParser.ConditionalExprContext c = (HclParser.ConditionalExprContext) ctx;
    return new Expression.Conditional(expression(c.expression(0)), expression(c.expression(1)), expression(c.expression(2)),
        range(ctx));
  }

  private static Expression.Operator operator(int type) {
    return switch (type) {
      case HclLexer.OR -> Expression.Operator.OR;
      case HclLexer.AND -> Expression.Operator.AND;
      case HclLexer.EQEQ -> Expression.Operator.EQUAL;
      case HclLexer.NEQ -> Expression.Operator.NOT_EQUAL;
      case HclLexer.LT -> Expression.Operator.LESS;
      case HclLexer.GT -> Expression.Operator.GREATER;
      case HclLexer.LE -> Expression.Operator.LESS_EQUAL;
      case HclLexer.GE -> Expression.Operator.GREATER_EQUAL;
      case HclLexer.PLUS -> Expression.Operator.ADD;
      case HclLexer.MINUS -> Expression.Operator.SUBTRACT;
      case HclLexer.STAR -> Expression.Operator.MULTIPLY;
      case HclLexer.SLASH -> Expression.Operator.DIVIDE;
      case HclLexer.PERCENT -> Expression.Operator.MODULO;
      default -> throw new IllegalStateException("not a binary operator: " + type);
    };
  }

  private Expression postfix(HclParser.PostfixExprContext ctx) {
    return traversals(term(child(ctx, HclParser.TermContext.class, 0)), ctx.postfix(), 0);
  }

  /**
   * The steps {@code ops[from..]} applied to {@code current}, as hclsyntax reads them: a full
   * splat ({@code [*]}) takes every step after it, splats included (its item is traversed by the
   * same rules); an attribute-only splat ({@code .*}) takes the {@code .attr} and {@code .0} steps
   * after it, and a second {@code .*} among them is a nested splat, an error. Anything after an
   * attribute-only splat's steps applies to its result ({@code x.*.id[0]}, {@code x.*[*]}).
   */
  private Expression traversals(Expression current, List<HclParser.PostfixContext> ops, int from) {
    int i = from;
    while (i < ops.size()) {
      HclParser.PostfixContext op = ops.get(i);
      if (op instanceof HclParser.FullSplatContext) {
        Expression each = traversals(new Expression.SplatItem(range(op)), ops, i + 1);
        return new Expression.Splat(current, each, true, current.range().to(range(ops.get(ops.size() - 1))));
      }
      if (op instanceof HclParser.AttrSplatContext) {
        Expression each = new Expression.SplatItem(range(op));
        int j = i + 1;
        while (j < ops.size() && isAttrStep(ops.get(j))) {
          each = step(each, ops.get(j));
          j++;
        }
        if (j < ops.size() && ops.get(j) instanceof HclParser.AttrSplatContext) {
          throw new HclSyntaxError("nested splat expression not allowed", range(ops.get(j)));
        }
        current = new Expression.Splat(current, each, false, current.range().to(range(ops.get(j - 1))));
        i = j;
      } else {
        current = step(current, op);
        i++;
      }
    }
    return current;
  }

  private static boolean isAttrStep(HclParser.PostfixContext op) {
    return op instanceof HclParser.GetAttrContext || op instanceof HclParser.LegacyIndexContext;
  }

  private Expression step(Expression source, HclParser.PostfixContext op) {
    SourceRange r = source.range().to(range(op));
    if (op instanceof HclParser.GetAttrContext g) {
      TerminalNode name = token(g, HclLexer.IDENT);
      return new Expression.GetAttr(source, name.getText(), range(name), r);
    }
    if (op instanceof HclParser.LegacyIndexContext l) {
      String digits = l.NUMBER().getText();
      if (!digits.chars().allMatch(Character::isDigit)) {
        throw new HclSyntaxError("invalid legacy index syntax: write [" + digits.replace(".", "][") + "] instead", range(l));
      }
      return new Expression.Index(source, new Expression.Literal(Expression.Literal.Kind.NUMBER, digits, range(l.NUMBER())),
          true, r);
    }
    if (op instanceof HclParser.IndexContext ix) return new Expression.Index(source, expression(ix.expression()), false, r);
    throw new HclSyntaxError("nested splat expression not allowed", range(op));
  }

  private Expression term(HclParser.TermContext ctx) {
    SourceRange r = range(ctx);
    if (ctx instanceof HclParser.NumberLitContext n) {
      String text = n.NUMBER().getText();
      if (!NumberLiteral.valid(text)) {
        throw new HclSyntaxError("invalid number literal " + text + ": its exponent is out of the range Terraform accepts", r);
      }
      return new Expression.Literal(Expression.Literal.Kind.NUMBER, text, r);
    }
    if (ctx instanceof HclParser.VariableContext v) {
      String name = token(v, HclLexer.IDENT).getText();
      return switch (name) {
        case "true", "false" -> new Expression.Literal(Expression.Literal.Kind.BOOL, name, r);
        case "null" -> new Expression.Literal(Expression.Literal.Kind.NULL, name, r);
        default -> new Expression.Variable(name, r);
      };
    }
    if (ctx instanceof HclParser.CallContext c) {
      List<String> parts = c.functionName().IDENT().stream().map(ParseTree::getText).toList();
      List<Expression> args = new ArrayList<>();
      boolean expand = false;
      if (c.arguments() != null) {
        for (HclParser.ExpressionContext e : c.arguments().expression()) args.add(expression(e));
        expand = c.arguments().ELLIPSIS() != null;
      }
      return new Expression.FunctionCall(String.join("::", parts), args, expand, range(c.functionName()), r);
    }
    if (ctx instanceof HclParser.QuotedContext q) return template(q.templatePart(), false, r, false);
    if (ctx instanceof HclParser.HeredocContext h) {
      boolean flush = h.HEREDOC_START().getText().startsWith("<<-");
      return template(h.templatePart(), true, r, flush);
    }
    if (ctx instanceof HclParser.TupleContext t) {
      return new Expression.Tuple(t.expression().stream().map(this::expression).toList(), r);
    }
    if (ctx instanceof HclParser.ObjectContext o) {
      List<Expression.ObjectCons.Item> items = new ArrayList<>();
      for (HclParser.ObjectItemContext item : o.objectItem()) {
        items.add(new Expression.ObjectCons.Item(objectKey(expression(child(item, HclParser.ExpressionContext.class, 0))),
            expression(child(item, HclParser.ExpressionContext.class, 1))));
      }
      return new Expression.ObjectCons(items, r);
    }
    if (ctx instanceof HclParser.ForTupleContext f) {
      return forExpression(f.forIntro(), Optional.empty(), expression(f.expression()), f.forCond(), false, r);
    }
    if (ctx instanceof HclParser.ForObjectContext f) {
      return forExpression(f.forIntro(), Optional.of(expression(f.expression(0))), expression(f.expression(1)),
          f.forCond(), f.ELLIPSIS() != null, r);
    }
    HclParser.ParensContext p = (HclParser.ParensContext) ctx;
    return new Expression.Parens(expression(p.expression()), r);
  }

  /** A key written as a bare name (or traversal) is a literal string, not a variable. */
  private static Expression objectKey(Expression key) {
    if (key instanceof Expression.Variable || key instanceof Expression.GetAttr
        || (key instanceof Expression.Literal l && l.kind() != Expression.Literal.Kind.NUMBER)) {
      return new Expression.ObjectKey(key, key.range());
    }
    return key;
  }

  private Expression forExpression(HclParser.ForIntroContext intro, Optional<Expression> key, Expression value,
      HclParser.ForCondContext cond, boolean grouping, SourceRange r) {
    List<TerminalNode> names = intro.IDENT();
    // for [k,] v in coll: names are "for", k?, v, "in"
    if (!names.get(names.size() - 1).getText().equals("in")) {
      throw new HclSyntaxError("expected \"in\" after the for expression's variables", range(names.get(names.size() - 1)));
    }
    Optional<String> keyVar = names.size() == 4 ? Optional.of(names.get(1).getText()) : Optional.empty();
    String valueVar = names.get(names.size() - 2).getText();
    Optional<Expression> condition = Optional.empty();
    if (cond != null) {
      if (!cond.IDENT().getText().equals("if")) {
        throw new HclSyntaxError("expected \"if\" or the end of the for expression", range(cond.IDENT()));
      }
      condition = Optional.of(expression(cond.expression()));
    }
    return new Expression.For(keyVar, valueVar, expression(intro.expression()), key, value, condition, grouping, r);
  }

  // ---- templates ----

  /** A flat piece before directive nesting; strip flags say whether to trim neighbouring text. */
  private record Piece(TemplatePart part, boolean stripBefore, boolean stripAfter, Directive directive) {}

  private enum Directive { NONE, IF, ELSE, ENDIF, FOR, ENDFOR }

  private Expression.Template template(List<HclParser.TemplatePartContext> parts, boolean heredoc, SourceRange r,
      boolean flush) {
    List<Piece> pieces = new ArrayList<>();
    StringBuilder literal = new StringBuilder();
    Token literalStart = null;
    Token literalEnd = null;
    for (HclParser.TemplatePartContext p : parts) {
      HclParser.InterpolationContext interpolation = child(p, HclParser.InterpolationContext.class, 0);
      HclParser.DirectiveContext directive = interpolation == null ? child(p, HclParser.DirectiveContext.class, 0) : null;
      if (interpolation == null && directive == null) {
        Token t = p.getStart();
        if (literalStart == null) literalStart = t;
        literalEnd = t;
        literal.append(decode(t));
        // In a heredoc each line is a literal of its own, so the flush indent can be measured per line.
        if (t.getType() == HclLexer.H_NEWLINE) {
          pieces.add(text(literal, literalStart, literalEnd));
          literal.setLength(0);
          literalStart = null;
        }
        continue;
      }
      if (literalStart != null) {
        pieces.add(text(literal, literalStart, literalEnd));
        literal.setLength(0);
        literalStart = null;
      }
      if (interpolation != null) {
        pieces.add(new Piece(new TemplatePart.Interpolation(expression(interpolation.expression()), range(interpolation)),
            interpolation.getStart().getText().endsWith("~"), interpolation.TILDE_RBRACE() != null, Directive.NONE));
      } else {
        pieces.add(directive(directive));
      }
    }
    if (literalStart != null) pieces.add(text(literal, literalStart, literalEnd));
    if (flush) flushIndent(pieces);
    applyStripMarkers(pieces);
    List<TemplatePart> nested = nest(pieces, 0, pieces.size(), r);
    return new Expression.Template(mergeText(nested), heredoc, r);
  }

  private Piece text(StringBuilder literal, Token first, Token last) {
    return new Piece(new TemplatePart.Text(nfc(literal), range(first, last)), false, false, Directive.NONE);
  }

  /**
   * The text in Unicode normal form C, as HashiCorp's parser gives literals. Below U+0300 (where
   * the combining marks begin) every character is its own normal form and none combines: such a
   * text, nearly every one, is not run through the normalizer.
   */
  static String nfc(CharSequence text) {
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) >= '\u0300') return Normalizer.normalize(text, Normalizer.Form.NFC);
    }
    return text.toString();
  }

  private String decode(Token t) {
    String s = t.getText();
    switch (t.getType()) {
      case HclLexer.T_ESCAPED, HclLexer.H_ESCAPED:
        return s.substring(1);
      case HclLexer.T_ESCAPE:
        switch (s.charAt(1)) {
          case 'n': return "\n";
          case 'r': return "\r";
          case 't': return "\t";
          case '"': return "\"";
          case '\\': return "\\";
          default: {
            // HashiCorp encodes each escape on its own into UTF-8: a surrogate (even one of a pair) cannot be.
            long cp = Long.parseLong(s.substring(2), 16);
            if (cp > Character.MAX_CODE_POINT || (cp >= Character.MIN_SURROGATE && cp <= Character.MAX_SURROGATE)) {
              throw new HclSyntaxError("invalid escape sequence " + s + ": U+" + s.substring(2).toUpperCase(Locale.ROOT)
                  + " is not a character that UTF-8 can encode", range(t, t));
            }
            return new String(Character.toChars((int) cp));
          }
        }
      case HclLexer.T_BAD_ESCAPE:
        throw new HclSyntaxError("invalid escape sequence " + s + " (valid: \\n \\r \\t \\\" \\\\ \\uNNNN \\UNNNNNNNN)",
            range(t, t));
      default:
        return s;
    }
  }

  private Piece directive(HclParser.DirectiveContext d) {
    boolean stripBefore = d.getStart().getText().endsWith("~");
    boolean stripAfter = d.TILDE_RBRACE() != null;
    SourceRange r = range(d);
    HclParser.DirectiveBodyContext body = d.directiveBody();
    if (body instanceof HclParser.IfDirectiveContext i) {
      return new Piece(new TemplatePart.If(expression(i.expression()), List.of(), List.of(), r), stripBefore, stripAfter,
          Directive.IF);
    }
    if (body instanceof HclParser.ForDirectiveContext f) {
      List<TerminalNode> names = f.IDENT();
      if (!names.get(names.size() - 1).getText().equals("in")) {
        throw new HclSyntaxError("expected \"in\" in the for directive", range(names.get(names.size() - 1)));
      }
      Optional<String> key = names.size() == 4 ? Optional.of(names.get(1).getText()) : Optional.empty();
      return new Piece(new TemplatePart.For(key, names.get(names.size() - 2).getText(), expression(f.expression()),
          List.of(), r), stripBefore, stripAfter, Directive.FOR);
    }
    Directive kind = body instanceof HclParser.ElseDirectiveContext ? Directive.ELSE
        : body instanceof HclParser.EndifDirectiveContext ? Directive.ENDIF : Directive.ENDFOR;
    return new Piece(new TemplatePart.Text("", r), stripBefore, stripAfter, kind);
  }

  /**
   * {@code <<-} heredocs lose the smallest indent of the lines that start with literal text;
   * blank lines do not count and a line starting with an interpolation makes it zero.
   */
  private static void flushIndent(List<Piece> pieces) {
    int min = Integer.MAX_VALUE;
    boolean lineStart = true;
    List<Integer> adjust = new ArrayList<>();
    for (int i = 0; i < pieces.size(); i++) {
      Piece p = pieces.get(i);
      if (lineStart) {
        lineStart = false;
        if (p.part() instanceof TemplatePart.Text t && p.directive() == Directive.NONE) {
          String trimmed = stripLeading(t.text());
          if (!(trimmed.isEmpty() && t.text().endsWith("\n"))) {
            int spaces = t.text().codePointCount(0, t.text().length() - trimmed.length());
            min = Math.min(min, spaces);
            adjust.add(i);
          }
        } else {
          min = 0;
        }
      }
      if (p.part() instanceof TemplatePart.Text t && p.directive() == Directive.NONE && t.text().endsWith("\n")) {
        lineStart = true;
      }
    }
    if (min == Integer.MAX_VALUE || min == 0) return;
    for (int i : adjust) {
      Piece p = pieces.get(i);
      TemplatePart.Text t = (TemplatePart.Text) p.part();
      int cut = t.text().offsetByCodePoints(0, Math.min(min, t.text().codePointCount(0, t.text().length())));
      pieces.set(i, new Piece(new TemplatePart.Text(t.text().substring(cut), t.range()), false, false, Directive.NONE));
    }
  }

  /** {@code ${~} and {@code ~}} trim all whitespace, newlines included, from the adjacent literal only. */
  private static void applyStripMarkers(List<Piece> pieces) {
    for (int i = 0; i < pieces.size(); i++) {
      Piece p = pieces.get(i);
      if (p.stripBefore() && i > 0 && isLiteral(pieces.get(i - 1))) {
        TemplatePart.Text t = (TemplatePart.Text) pieces.get(i - 1).part();
        pieces.set(i - 1, new Piece(new TemplatePart.Text(stripTrailing(t.text()), t.range()), false, false, Directive.NONE));
      }
      if (p.stripAfter() && i + 1 < pieces.size() && isLiteral(pieces.get(i + 1))) {
        TemplatePart.Text t = (TemplatePart.Text) pieces.get(i + 1).part();
        pieces.set(i + 1, new Piece(new TemplatePart.Text(stripLeading(t.text()), t.range()), false, false, Directive.NONE));
      }
    }
  }

  private static boolean isLiteral(Piece p) {
    return p.part() instanceof TemplatePart.Text && p.directive() == Directive.NONE;
  }

  private static String stripLeading(String s) {
    int i = 0;
    while (i < s.length() && isSpace(s.codePointAt(i))) i += Character.charCount(s.codePointAt(i));
    return s.substring(i);
  }

  private static String stripTrailing(String s) {
    int i = s.length();
    while (i > 0 && isSpace(s.codePointBefore(i))) i -= Character.charCount(s.codePointBefore(i));
    return s.substring(0, i);
  }

  /** Go's unicode.IsSpace. */
  private static boolean isSpace(int c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0x0B || c == 0x0C || c == 0x85 || c == 0xA0
        || Character.isSpaceChar(c);
  }

  /** Nests if/else/endif and for/endfor directives. */
  private List<TemplatePart> nest(List<Piece> pieces, int from, int to, SourceRange templateRange) {
    List<TemplatePart> out = new ArrayList<>();
    int i = from;
    while (i < to) {
      Piece p = pieces.get(i);
      switch (p.directive()) {
        case NONE -> {
          out.add(p.part());
          i++;
        }
        case IF -> {
          int elseAt = -1;
          int depth = 0;
          int j = i + 1;
          for (; j < to; j++) {
            Directive d = pieces.get(j).directive();
            if (d == Directive.IF || d == Directive.FOR) depth++;
            else if (d == Directive.ENDFOR && depth > 0) depth--;
            else if (d == Directive.ENDIF && depth > 0) depth--;
            else if (depth == 0 && d == Directive.ELSE && elseAt < 0) elseAt = j;
            else if (depth == 0 && d == Directive.ENDIF) break;
            else if (depth == 0 && (d == Directive.ENDFOR || d == Directive.ELSE)) {
              throw new HclSyntaxError("unexpected " + word(d) + " directive inside an if", pieces.get(j).part().range());
            }
          }
          if (j >= to) throw new HclSyntaxError("unclosed if directive: add %{ endif }", p.part().range());
          TemplatePart.If head = (TemplatePart.If) p.part();
          List<TemplatePart> whenTrue = nest(pieces, i + 1, elseAt < 0 ? j : elseAt, templateRange);
          List<TemplatePart> whenFalse = elseAt < 0 ? List.of() : nest(pieces, elseAt + 1, j, templateRange);
          out.add(new TemplatePart.If(head.condition(), mergeText(whenTrue), mergeText(whenFalse),
              head.range().to(pieces.get(j).part().range())));
          i = j + 1;
        }
        case FOR -> {
          int depth = 0;
          int j = i + 1;
          for (; j < to; j++) {
            Directive d = pieces.get(j).directive();
            if (d == Directive.IF || d == Directive.FOR) depth++;
            else if ((d == Directive.ENDIF || d == Directive.ENDFOR) && depth > 0) depth--;
            else if (depth == 0 && d == Directive.ENDFOR) break;
            else if (depth == 0 && (d == Directive.ENDIF || d == Directive.ELSE)) {
              throw new HclSyntaxError("unexpected " + word(d) + " directive inside a for", pieces.get(j).part().range());
            }
          }
          if (j >= to) throw new HclSyntaxError("unclosed for directive: add %{ endfor }", p.part().range());
          TemplatePart.For head = (TemplatePart.For) p.part();
          out.add(new TemplatePart.For(head.keyVar(), head.valueVar(), head.collection(),
              mergeText(nest(pieces, i + 1, j, templateRange)), head.range().to(pieces.get(j).part().range())));
          i = j + 1;
        }
        default -> throw new HclSyntaxError("unexpected " + word(p.directive()) + " directive", p.part().range());
      }
    }
    return out;
  }

  private static String word(Directive d) {
    return d.name().toLowerCase();
  }

  /**
   * Adjacent texts as one (empty ones dropped). A run is joined once: a heredoc is a text per line,
   * and joining them pairwise copied the text so far for every line.
   */
  private static List<TemplatePart> mergeText(List<TemplatePart> parts) {
    List<TemplatePart> out = new ArrayList<>();
    List<TemplatePart.Text> run = new ArrayList<>();
    for (TemplatePart p : parts) {
      if (p instanceof TemplatePart.Text t) {
        if (!t.text().isEmpty()) run.add(t);
        continue;
      }
      join(run, out);
      out.add(p);
    }
    join(run, out);
    return out;
  }

  private static void join(List<TemplatePart.Text> run, List<TemplatePart> out) {
    if (run.isEmpty()) return;
    if (run.size() == 1) {
      out.add(run.get(0));
    } else {
      StringBuilder joined = new StringBuilder();
      for (TemplatePart.Text t : run) joined.append(t.text());
      out.add(new TemplatePart.Text(joined.toString(), run.get(0).range().to(run.get(run.size() - 1).range())));
    }
    run.clear();
  }
}
