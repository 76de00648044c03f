package dev.iamlint.hcl;

import dev.iamlint.hcl.parser.HclLexer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.antlr.v4.runtime.CharStream;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.TokenFactory;
import org.antlr.v4.runtime.TokenSource;

/**
 * Between lexer and parser, drops the newlines that do not count, as HCL's peeker does:
 * newlines are kept at body level and inside object constructors (item separators), and
 * ignored inside {@code ( )}, {@code [ ]}, {@code ${ }}, {@code %{ }} and {@code { for ... }}.
 * It also remembers every opener still open, so an error at the end can say where it opened.
 */
final class NewlineFilter implements TokenSource {

  /** An open bracket and whether newlines count inside it. */
  record Opener(Token token, boolean keepsNewlines) {}

  /** Far deeper than any configuration, far shallower than the parser's stack. */
  static final int MAX_NESTING = 256;

  private final HclLexer lexer;
  private final List<Token> lookahead = new ArrayList<>();
  private final Deque<Opener> open = new ArrayDeque<>();

  NewlineFilter(HclLexer lexer) {
    this.lexer = lexer;
  }

  Deque<Opener> openers() {
    return open;
  }

  private Token pull() {
    return lookahead.isEmpty() ? lexer.nextToken() : lookahead.remove(0);
  }

  /** The next token that is not a newline or a comment, without consuming anything. */
  private Token peekSignificant() {
    int i = 0;
    while (true) {
      while (lookahead.size() <= i) lookahead.add(lexer.nextToken());
      Token t = lookahead.get(i);
      if (t.getType() != HclLexer.NEWLINE && t.getChannel() == Token.DEFAULT_CHANNEL) return t;
      if (t.getType() == Token.EOF) return t;
      i++;
    }
  }

  @Override
  public Token nextToken() {
    Token t = filtered();
    if (open.size() > MAX_NESTING) {
      int line = t.getLine();
      int column = t.getCharPositionInLine() + 1;
      throw new HclSyntaxError("limit exceeded: brackets, braces and interpolations nested deeper than " + MAX_NESTING
          + " levels", new SourceRange(0, 0, line, column, line, column));
    }
    return t;
  }

  private Token filtered() {
    while (true) {
      Token t = pull();
      switch (t.getType()) {
        case HclLexer.LBRACE -> {
          Token next = peekSignificant();
          boolean forExpression = next.getType() == HclLexer.IDENT && next.getText().equals("for");
          open.push(new Opener(t, !forExpression));
        }
        case HclLexer.LPAREN, HclLexer.LBRACK, HclLexer.T_INTERP, HclLexer.H_INTERP, HclLexer.T_DIRECTIVE,
            HclLexer.H_DIRECTIVE -> open.push(new Opener(t, false));
        case HclLexer.HEREDOC_START -> open.push(new Opener(t, false));
        case HclLexer.RBRACE, HclLexer.TILDE_RBRACE, HclLexer.RPAREN, HclLexer.RBRACK, HclLexer.HEREDOC_END -> {
          if (!open.isEmpty()) open.pop();
        }
        case HclLexer.NEWLINE -> {
          if (!open.isEmpty() && !open.peek().keepsNewlines()) continue;
        }
        default -> { }
      }
      return t;
    }
  }

  @Override
  public int getLine() {
    return lexer.getLine();
  }

  @Override
  public int getCharPositionInLine() {
    return lexer.getCharPositionInLine();
  }

  @Override
  public CharStream getInputStream() {
    return lexer.getInputStream();
  }

  @Override
  public String getSourceName() {
    return lexer.getSourceName();
  }

  @Override
  public void setTokenFactory(TokenFactory<?> factory) {
    lexer.setTokenFactory(factory);
  }

  @Override
  public TokenFactory<?> getTokenFactory() {
    return lexer.getTokenFactory();
  }
}
