/*
 * HCL native syntax, lexer. Follows HashiCorp's scanner (hclsyntax/scan_tokens.rl) where it
 * differs from the spec. Three modes:
 *   DEFAULT_MODE  structure and expressions; '{' pushes DEFAULT_MODE so that the matching '}'
 *                 can pop back into a template after "${ { a = 1 }["a"] }"
 *   TEMPLATE      inside "...": literal chunks, escapes, ${ and %{ openers
 *   HEREDOC       inside <<EOT ... EOT: literal chunks per line, no escapes; a line whose
 *                 trimmed text is the marker closes it (markers nest on a stack)
 * Newlines are real tokens; HclTokenSource drops the ones that do not count.
 */
lexer grammar HclLexer;

channels { COMMENTS }

// Emitted by nextToken() below, not by a rule: a rule needs a predicate, and a predicate at the
// start of a mode keeps ANTLR from caching that mode's DFA, so every heredoc token was simulated.
tokens { HEREDOC_END }

@header {
import java.util.ArrayDeque;
import java.util.Deque;
}

@members {
  /** Heredoc markers, innermost first; a heredoc may contain an interpolation with another heredoc. */
  private final Deque<String> heredocMarkers = new ArrayDeque<>();
  /** True at the start of a heredoc line, before anything but literal text has been read on it. */
  private boolean heredocLineStart;

  @Override
  public Token nextToken() {
    if (_mode != HEREDOC || _hitEOF || !atHeredocEnd()) return super.nextToken();
    // As Lexer.nextToken() starts a token; the closing line (blanks, marker, blanks) is the token.
    _token = null;
    _channel = Token.DEFAULT_CHANNEL;
    _tokenStartCharIndex = _input.index();
    _tokenStartCharPositionInLine = getInterpreter().getCharPositionInLine();
    _tokenStartLine = getInterpreter().getLine();
    _text = null;
    int length = 0;
    while (_input.LA(length + 1) != '\n' && _input.LA(length + 1) != '\r') length++;
    for (int i = 0; i < length; i++) getInterpreter().consume(_input);
    _type = HEREDOC_END;
    endHeredoc();
    return emit();
  }

  @Override
  public int popMode() {
    // An unbalanced '}' at the top level is a syntax error for the parser, not a lexer crash.
    return _modeStack.isEmpty() ? _mode : super.popMode();
  }

  private void startHeredoc() {
    String text = getText();
    int start = text.charAt(2) == '-' ? 3 : 2;
    int end = text.length();
    while (end > start && (text.charAt(end - 1) == '\n' || text.charAt(end - 1) == '\r')) end--;
    heredocMarkers.push(text.substring(start, end));
    heredocLineStart = true;
  }

  /** At the start of a heredoc line: is the rest of the line, trimmed, the marker, followed by a newline? */
  private boolean atHeredocEnd() {
    if (!heredocLineStart || heredocMarkers.isEmpty()) return false;
    String marker = heredocMarkers.peek();
    int i = 1;
    while (_input.LA(i) == ' ' || _input.LA(i) == '\t') i++;
    for (int k = 0; k < marker.length(); k++, i++) {
      if (_input.LA(i) != marker.charAt(k)) return false;
    }
    while (_input.LA(i) == ' ' || _input.LA(i) == '\t') i++;
    int c = _input.LA(i);
    return c == '\n' || (c == '\r' && _input.LA(i + 1) == '\n');
  }

  private void endHeredoc() {
    heredocMarkers.pop();
    // Back in an enclosing heredoc, if any, we are inside an interpolation: mid-line.
    heredocLineStart = false;
    popMode();
  }
}

// ---- DEFAULT_MODE ----

NUMBER      : [0-9]+ ('.' [0-9]+)? ([eE] [+-]? [0-9]+)? ;
IDENT       : ID_START ID_CONTINUE* ;

HEREDOC_START : '<<' '-'? ID_START ID_CONTINUE* '\r'? '\n' { startHeredoc(); } -> pushMode(HEREDOC) ;

OPEN_QUOTE  : '"' -> pushMode(TEMPLATE) ;

LBRACE      : '{' -> pushMode(DEFAULT_MODE) ;
RBRACE      : '}' -> popMode ;
TILDE_RBRACE: '~}' -> popMode ;
LBRACK      : '[' ;
RBRACK      : ']' ;
LPAREN      : '(' ;
RPAREN      : ')' ;

ELLIPSIS    : '...' ;
DCOLON      : '::' ;
FAT_ARROW   : '=>' ;
EQEQ        : '==' ;
NEQ         : '!=' ;
LE          : '<=' ;
GE          : '>=' ;
AND         : '&&' ;
OR          : '||' ;
EQ          : '=' ;
LT          : '<' ;
GT          : '>' ;
PLUS        : '+' ;
MINUS       : '-' ;
STAR        : '*' ;
SLASH       : '/' ;
PERCENT     : '%' ;
BANG        : '!' ;
QUESTION    : '?' ;
COLON       : ':' ;
COMMA       : ',' ;
DOT         : '.' ;

NEWLINE     : '\r'? '\n' ;
WS          : [ \t]+ -> skip ;
/** As in HashiCorp's scanner, only a newline ends a comment: a carriage return alone is part of it. */
LINE_COMMENT  : ('#' | '//') (~[\r\n] | '\r' { _input.LA(1) != '\n' }?)* -> channel(COMMENTS) ;
BLOCK_COMMENT : '/*' .*? '*/' -> channel(COMMENTS) ;

/** Anything else is an error the parser reports where it stands. */
INVALID     : . ;

fragment ID_START    : [\p{ID_Start}_] ;
fragment ID_CONTINUE : [\p{ID_Continue}-] ;
fragment HEX         : [0-9a-fA-F] ;

// ---- TEMPLATE: a quoted string ----
mode TEMPLATE;

T_INTERP     : '${' '~'? -> pushMode(DEFAULT_MODE) ;
T_DIRECTIVE  : '%{' '~'? -> pushMode(DEFAULT_MODE) ;
T_ESCAPED    : ('$${' | '%%{') ;
T_TEXT       : (~["\\$%\r\n])+ ;
T_ESCAPE     : '\\' ( [nrt"\\] | 'u' HEX HEX HEX HEX | 'U' HEX HEX HEX HEX HEX HEX HEX HEX ) ;
/** Any other escape is an error, reported where it stands. */
T_BAD_ESCAPE : '\\' ~[\r\n]? ;
T_DOLLAR     : '$' ;
T_PERCENT    : '%' ;
CLOSE_QUOTE  : '"' -> popMode ;
/** A quoted string cannot span lines; a carriage return alone ends it as well, as in HashiCorp's scanner. */
T_NEWLINE    : '\r'? '\n' | '\r' ;

// ---- HEREDOC ----
mode HEREDOC;

// HEREDOC_END: see nextToken().
H_INTERP     : '${' '~'? { heredocLineStart = false; } -> pushMode(DEFAULT_MODE) ;
H_DIRECTIVE  : '%{' '~'? { heredocLineStart = false; } -> pushMode(DEFAULT_MODE) ;
H_ESCAPED    : ('$${' | '%%{') { heredocLineStart = false; } ;
H_TEXT       : (~[$%\r\n])+ { heredocLineStart = false; } ;
H_DOLLAR     : '$' { heredocLineStart = false; } ;
H_PERCENT    : '%' { heredocLineStart = false; } ;
H_NEWLINE    : '\r'? '\n' { heredocLineStart = true; } ;
/** A carriage return that does not end a line is not a character of the language, here either. */
H_BARE_CR    : '\r' -> type(INVALID) ;
