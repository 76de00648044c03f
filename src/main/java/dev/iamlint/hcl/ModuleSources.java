package dev.iamlint.hcl;

import dev.iamlint.hcl.parser.HclLexer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.Token;

/**
 * The {@code source} of each top-level {@code module} block of a file, read from its tokens
 * without building a tree: how a loader learns which directories call which before it parses
 * them. Empty when the tokens do not make it certain (a source that is not a plain quoted
 * string, a {@code source} used otherwise than as the block's attribute): the caller then
 * parses the file. A file with a syntax error may give sources its parse will not: the sketch
 * is a plan, never the judged configuration.
 */
public final class ModuleSources {
  private ModuleSources() {}

  public static Optional<List<String>> of(String text) {
    List<String> sources = new ArrayList<>();
    // Most files call no module at all: nothing to lex.
    if (!text.contains("module")) return Optional.of(sources);
    try {
      return scan(new HclLexer(CharStreams.fromString(text)), sources);
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  private static Optional<List<String>> scan(HclLexer lexer, List<String> sources) {
    lexer.removeErrorListeners();
    int depth = 0;
    // The depth inside the module block being read, or -1; whether the last token ended a line.
    int moduleDepth = -1;
    boolean lineStart = true;
    Token t = next(lexer);
    while (t.getType() != Token.EOF) {
      int type = t.getType();
      if (type == HclLexer.IDENT && depth == 0 && lineStart && t.getText().equals("module")) {
        // module "name" {   (labels are quoted strings or identifiers)
        t = next(lexer);
        int labels = 0;
        while (t.getType() == HclLexer.OPEN_QUOTE || t.getType() == HclLexer.IDENT) {
          if (t.getType() == HclLexer.OPEN_QUOTE) {
            while (t.getType() != HclLexer.CLOSE_QUOTE && t.getType() != Token.EOF) {
              t = next(lexer);
              if (opens(t.getType())) return Optional.empty();
            }
          }
          labels++;
          t = next(lexer);
        }
        if (labels > 0 && t.getType() == HclLexer.LBRACE) {
          depth++;
          moduleDepth = depth;
          lineStart = true;
          t = next(lexer);
        } else {
          lineStart = false;
        }
        continue;
      }
      if (type == HclLexer.IDENT && depth == moduleDepth && lineStart && t.getText().equals("source")) {
        t = next(lexer);
        if (t.getType() != HclLexer.EQ) return Optional.empty();
        Optional<String> literal = literal(lexer);
        if (literal.isEmpty()) return Optional.empty();
        t = next(lexer);
        if (t.getType() != HclLexer.NEWLINE && t.getType() != HclLexer.RBRACE && t.getType() != Token.EOF) return Optional.empty();
        sources.add(literal.get());
        continue;
      }
      if (opens(type)) depth++;
      if (type == HclLexer.RBRACE || type == HclLexer.TILDE_RBRACE) {
        if (depth == moduleDepth) moduleDepth = -1;
        depth--;
      }
      lineStart = type == HclLexer.NEWLINE || type == HclLexer.LBRACE;
      t = next(lexer);
    }
    return Optional.of(sources);
  }

  /** After {@code =}: a quoted string of plain text, or empty. */
  private static Optional<String> literal(HclLexer lexer) {
    if (next(lexer).getType() != HclLexer.OPEN_QUOTE) return Optional.empty();
    StringBuilder text = new StringBuilder();
    for (Token t = next(lexer); t.getType() != HclLexer.CLOSE_QUOTE; t = next(lexer)) {
      if (t.getType() != HclLexer.T_TEXT) return Optional.empty();
      text.append(t.getText());
    }
    return Optional.of(text.toString());
  }

  /** Tokens that open a nesting the lexer closes with a brace. */
  private static boolean opens(int type) {
    return type == HclLexer.LBRACE || type == HclLexer.T_INTERP || type == HclLexer.T_DIRECTIVE
        || type == HclLexer.H_INTERP || type == HclLexer.H_DIRECTIVE;
  }

  /** The next token of the default channel (comments left out). */
  private static Token next(HclLexer lexer) {
    Token t = lexer.nextToken();
    while (t.getChannel() != Token.DEFAULT_CHANNEL && t.getType() != Token.EOF) t = lexer.nextToken();
    return t;
  }
}
