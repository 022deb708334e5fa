/*
 * Falco's condition language.
 *
 * The language is context sensitive at the lexical level: after a comparison operator a value is a
 * "bare word" (anything up to blank, parenthesis, comma, '=' or a quote: /etc/shadow, 127.0.0.1, -1,
 * /usr/bin/*), while elsewhere the same characters form field names, keywords and operators. Lexer
 * modes model this: an operator pushes VALUE mode, a value pops it, a '(' in VALUE mode switches to
 * LIST mode until the matching ')'. Catch-all tokens in every mode turn stray characters into parser
 * errors, so the error listener sees one uniform kind of problem and can name the offending token.
 */
parser grammar Condition;

options { tokenVocab = ConditionLexer; }

condition : expr EOF ;

expr    : orExpr ;
orExpr  : andExpr (OR andExpr)* ;
andExpr : notExpr (AND notExpr)* ;
notExpr : NOT notExpr | primary ;

primary
    : LPAREN expr RPAREN                                 # parenExpr
    | fieldOperand checkTail                             # check
    | IDENT                                              # macroRef
    ;

// Split from 'primary' so that a bad operator is reported at the operator, with LL(1) expectations.
checkTail
    : EXISTS                                             # existsTail
    | binaryOp rightOperand                              # binaryTail
    ;

binaryOp
    : EQ | EQEQ | NE | LT | LE | GT | GE
    | CONTAINS | ICONTAINS | BCONTAINS | STARTSWITH | BSTARTSWITH | ENDSWITH
    | GLOB | IGLOB | REGEX | IN | INTERSECTS | PMATCH
    ;

fieldOperand
    : FIELD                                              # fieldRef
    | TRANSFORMER transformerArg (COMMA transformerArg)* RPAREN   # transformer
    ;

transformerArg
    : fieldOperand                                       # fieldArg
    | QUOTED                                             # quotedArg
    ;

rightOperand
    : V_QUOTED                                           # quotedValue
    | V_BARE                                             # bareValue
    | V_LPAREN (listItem (L_COMMA listItem)*)? L_RPAREN  # listValue
    | V_MODIFIER (listItem (L_COMMA listItem)*)? L_RPAREN # modifiedListValue
    | V_VAL fieldOperand RPAREN                          # valValue
    | V_TRANSFORMER transformerArg (COMMA transformerArg)* RPAREN # transformedValue
    ;

listItem
    : L_QUOTED                                           # quotedItem
    | L_BARE                                             # bareItem
    ;
