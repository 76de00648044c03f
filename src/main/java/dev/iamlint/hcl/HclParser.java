package dev.iamlint.hcl;

import dev.iamlint.hcl.parser.HclLexer;
import dev.iamlint.source.InternalFailure;
import dev.iamlint.source.Location;
import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.BailErrorStrategy;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CodePointCharStream;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.DefaultErrorStrategy;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.TokenStream;
import org.antlr.v4.runtime.atn.PredictionMode;
import org.antlr.v4.runtime.misc.ParseCancellationException;

/**
 * Parses HCL native syntax with the generated ANTLR parser and builds our own tree. Fast path:
 * SLL prediction, bail on the first error; on failure the file is parsed again in full LL mode
 * to report the first error precisely.
 */
public final class HclParser {
  private HclParser() {}

  public static HclParseResult parse(String fileName, String text) {
    String source = text.startsWith("\uFEFF") ? text.substring(1) : text;
    try {
      return new HclParseResult.Parsed(parse(fileName, source, true));
    } catch (ParseCancellationException e) {
      // Fall through to the precise second pass.
    } catch (HclSyntaxError e) {
      return failed(fileName, e.getMessage(), e.range);
    } catch (RuntimeException e) {
      return new HclParseResult.Failed("not parsed: " + InternalFailure.describe(e), Location.point(fileName, 1, 1));
    }
    try {
      return new HclParseResult.Parsed(parse(fileName, source, false));
    } catch (FirstError e) {
      return new HclParseResult.Failed(e.getMessage(), e.location);
    } catch (HclSyntaxError e) {
      return failed(fileName, e.getMessage(), e.range);
    } catch (RuntimeException e) {
      return new HclParseResult.Failed("not parsed: " + InternalFailure.describe(e), Location.point(fileName, 1, 1));
    }
  }

  private static HclParseResult failed(String file, String message, SourceRange r) {
    return new HclParseResult.Failed(message, Location.point(file, r.startLine(), r.startColumn()));
  }

  private static HclFile parse(String fileName, String text, boolean fast) {
    CodePointCharStream chars = CharStreams.fromString(text, fileName);
    HclLexer lexer = new HclLexer(chars);
    lexer.removeErrorListeners();
    NewlineFilter filter = new NewlineFilter(lexer);
    CommonTokenStream tokens = new CommonTokenStream(filter);
    DepthLimitedParser parser = new DepthLimitedParser(tokens);
    parser.removeErrorListeners();
    if (fast) {
      parser.getInterpreter().setPredictionMode(PredictionMode.SLL);
      parser.setErrorHandler(new BailErrorStrategy());
    } else {
      parser.getInterpreter().setPredictionMode(PredictionMode.LL);
      parser.setErrorHandler(new DefaultErrorStrategy());
      parser.addErrorListener(new FirstErrorListener(fileName, filter));
    }
    try {
      dev.iamlint.hcl.parser.HclParser.ConfigFileContext tree = parser.configFile();
      return new HclFile(fileName, text, new TreeBuilder(text).file(tree));
    } catch (StackOverflowError e) {
      // Not expected within the limits; if it happens, it is located where the parser stood.
      throw new HclSyntaxError(TreeBuilder.tooDeep(), at(parser.getCurrentToken()));
    }
  }

  private static SourceRange at(Token t) {
    return new SourceRange(0, 0, t.getLine(), t.getCharPositionInLine() + 1, t.getLine(), t.getCharPositionInLine() + 1);
  }

  /**
   * The generated parser, stopped where expressions nest deeper than
   * {@link TreeBuilder#MAX_EXPRESSION_DEPTH}: each prefix operator and each conditional's else
   * branch enters the expression rule once more, so its depth is how far the parser recurses.
   */
  private static final class DepthLimitedParser extends dev.iamlint.hcl.parser.HclParser {
    private int expressions;

    DepthLimitedParser(TokenStream input) {
      super(input);
    }

    @Override
    public void enterRecursionRule(ParserRuleContext localctx, int state, int ruleIndex, int precedence) {
      if (++expressions > TreeBuilder.MAX_EXPRESSION_DEPTH) {
        throw new HclSyntaxError(TreeBuilder.tooDeep(), at(getCurrentToken()));
      }
      super.enterRecursionRule(localctx, state, ruleIndex, precedence);
    }

    @Override
    public void unrollRecursionContexts(ParserRuleContext parentctx) {
      expressions--;
      super.unrollRecursionContexts(parentctx);
    }
  }

  /** The first error of the precise pass, phrased for people. */
  private static final class FirstError extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final transient Location location;

    FirstError(String message, Location location) {
      super(message, null, false, false);
      this.location = location;
    }
  }

  private static final class FirstErrorListener extends BaseErrorListener {
    private final String file;
    private final NewlineFilter filter;

    FirstErrorListener(String file, NewlineFilter filter) {
      this.file = file;
      this.filter = filter;
    }

    @Override
    public void syntaxError(Recognizer<?, ?> recognizer, Object offending, int line, int column, String msg,
        RecognitionException e) {
      Token t = offending instanceof Token tok ? tok : null;
      // Running out of input inside a bracket is reported where the bracket opened, as HCL does.
      if (t != null && t.getType() == Token.EOF && !filter.openers().isEmpty()) {
        Token opener = filter.openers().peek().token();
        throw new FirstError(describe(t, msg), Location.point(file, opener.getLine(), opener.getCharPositionInLine() + 1));
      }
      throw new FirstError(describe(t, msg), Location.point(file, line, column + 1));
    }

    private String describe(Token t, String antlrMessage) {
      if (t == null) return antlrMessage;
      switch (t.getType()) {
        case Token.EOF: {
          if (!filter.openers().isEmpty()) {
            Token opener = filter.openers().peek().token();
            String what = opener.getText().trim();
            return "'" + what + "' is never closed before the end of the file";
          }
          return "unexpected end of file";
        }
        case HclLexer.T_NEWLINE:
          return "a quoted string cannot span lines: close the quote on this line, or use a heredoc (<<EOT)";
        case HclLexer.T_BAD_ESCAPE:
          return "invalid escape sequence " + t.getText() + " (valid: \\n \\r \\t \\\" \\\\ \\uNNNN \\UNNNNNNNN)";
        case HclLexer.INVALID:
          if (t.getText().equals("\r")) {
            return "a carriage return (\\r) that does not end a line: HCL lines end with \\n or \\r\\n";
          }
          return "unexpected character '" + printable(t.getText()) + "'";
        case HclLexer.NEWLINE:
          return "unexpected newline: " + hint(antlrMessage);
        default:
          return "unexpected '" + t.getText().replace("\n", "\\n") + "': " + hint(antlrMessage);
      }
    }

    /** A control character as its escape or code point, so that a message stays on one line. */
    private static String printable(String s) {
      StringBuilder out = new StringBuilder();
      s.codePoints().forEach(c -> {
        if (c == '\t') out.append("\\t");
        else if (Character.isISOControl(c) || Character.getType(c) == Character.FORMAT) out.append(String.format("U+%04X", c));
        else out.appendCodePoint(c);
      });
      return out.toString();
    }

    private static String hint(String antlrMessage) {
      int expecting = antlrMessage.indexOf("expecting ");
      if (expecting < 0) return "this is not valid here";
      String wanted = antlrMessage.substring(expecting + "expecting ".length()).trim();
      // A set is written {A, '}', B}: only its own braces go, not a quoted '}' or ',' in it.
      if (wanted.startsWith("{") && wanted.endsWith("}")) wanted = wanted.substring(1, wanted.length() - 1);
      List<String> readable = new ArrayList<>();
      for (String w : tokenNames(wanted)) {
        readable.add(switch (w.trim()) {
          case "NEWLINE" -> "a newline";
          case "IDENT" -> "a name";
          case "<EOF>" -> "end of file";
          default -> w.trim();
        });
      }
      return readable.size() > 6 ? "this is not valid here" : "expected " + String.join(" or ", readable);
    }

    /** The names of a list of tokens as ANTLR writes it ({@code IDENT, ',', NEWLINE}), split at commas outside quotes. */
    private static List<String> tokenNames(String list) {
      List<String> names = new ArrayList<>();
      StringBuilder name = new StringBuilder();
      boolean quoted = false;
      for (int i = 0; i < list.length(); i++) {
        char c = list.charAt(i);
        if (c == '\'') quoted = !quoted;
        if (c == ',' && !quoted) {
          names.add(name.toString());
          name.setLength(0);
        } else {
          name.append(c);
        }
      }
      names.add(name.toString());
      return names;
    }
  }
}
