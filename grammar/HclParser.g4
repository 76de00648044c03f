/*
 * HCL native syntax, parser. Newlines reach the parser only where they count (see
 * HclTokenSource): in bodies, where they end attributes and blocks, and in object
 * constructors, where they separate items. Keywords (for, in, if, else, endif, endfor) are
 * identifiers matched by text, since HCL reserves no words. The AST builder checks what the
 * grammar leaves open (labels are literals, legacy indexes, escapes, directive nesting).
 */
parser grammar HclParser;

options { tokenVocab = HclLexer; }

@members {
  private boolean next(String word) {
    org.antlr.v4.runtime.Token t = _input.LT(1);
    return t.getType() == IDENT && t.getText().equals(word);
  }
}

configFile  : NEWLINE* (bodyItem (NEWLINE+ bodyItem)* NEWLINE*)? EOF ;

bodyItem    : attribute | block ;

attribute   : IDENT EQ expression ;

block       : IDENT blockLabel* LBRACE blockBody RBRACE ;

blockLabel  : IDENT | OPEN_QUOTE templatePart* CLOSE_QUOTE ;

/** Several items on their own lines, or at most one attribute on the header's line. */
blockBody   : NEWLINE+ (bodyItem (NEWLINE+ bodyItem)* NEWLINE+)?
            | attribute?
            ;

// ---- expressions, loosest first ----

/** One left-recursive rule: earlier alternatives bind tighter (fewer tree nodes than a rule per level). */
expression  : postfixExpr                                              # operandExpr
            | (MINUS | BANG) expression                                # unaryExpr
            | expression (STAR | SLASH | PERCENT) expression           # binaryExpr
            | expression (PLUS | MINUS) expression                     # binaryExpr
            | expression (LT | GT | LE | GE) expression                # binaryExpr
            | expression (EQEQ | NEQ) expression                       # binaryExpr
            | expression AND expression                                # binaryExpr
            | expression OR expression                                 # binaryExpr
            | <assoc=right> expression QUESTION expression COLON expression  # conditionalExpr
            ;

postfixExpr : term postfix* ;

postfix     : DOT IDENT                    # getAttr
            | DOT NUMBER                   # legacyIndex
            | DOT STAR                     # attrSplat
            | LBRACK STAR RBRACK           # fullSplat
            | LBRACK expression RBRACK     # index
            ;

term        : NUMBER                                        # numberLit
            | functionName LPAREN arguments? RPAREN         # call
            | IDENT                                         # variable
            | OPEN_QUOTE templatePart* CLOSE_QUOTE          # quoted
            | HEREDOC_START templatePart* HEREDOC_END       # heredoc
            | LBRACK {next("for")}? forIntro COLON expression forCond? RBRACK                       # forTuple
            | LBRACK (expression (COMMA expression)* COMMA?)? RBRACK                                # tuple
            | LBRACE {next("for")}? forIntro COLON expression FAT_ARROW expression ELLIPSIS? forCond? RBRACE   # forObject
            | LBRACE {!next("for")}? NEWLINE* (objectItem ((COMMA | NEWLINE) NEWLINE* objectItem)* COMMA? NEWLINE*)? RBRACE # object
            | LPAREN expression RPAREN                      # parens
            ;

functionName: IDENT (DCOLON IDENT)* ;

arguments   : expression (COMMA expression)* (COMMA | ELLIPSIS)? ;

forIntro    : IDENT IDENT (COMMA IDENT)? IDENT expression ;   // for k, v in coll
forCond     : IDENT expression ;                              // if cond

objectItem  : expression (EQ | COLON) expression ;

// ---- templates (quoted strings and heredocs) ----

templatePart: T_TEXT | T_ESCAPE | T_ESCAPED | T_DOLLAR | T_PERCENT
            | H_TEXT | H_ESCAPED | H_DOLLAR | H_PERCENT | H_NEWLINE
            | interpolation
            | directive
            ;

interpolation : (T_INTERP | H_INTERP) expression (RBRACE | TILDE_RBRACE) ;

/** if / else / endif / for / endfor, nested by the AST builder. */
directive   : (T_DIRECTIVE | H_DIRECTIVE) directiveBody (RBRACE | TILDE_RBRACE) ;

directiveBody
            : {next("if")}? IDENT expression                                  # ifDirective
            | {next("for")}? IDENT IDENT (COMMA IDENT)? IDENT expression        # forDirective
            | {next("else")}? IDENT                                           # elseDirective
            | {next("endif")}? IDENT                                          # endifDirective
            | {next("endfor")}? IDENT                                         # endforDirective
            ;
