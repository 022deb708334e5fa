/* Tokens of the condition language; see Condition.g4 for why there are lexer modes. */
lexer grammar ConditionLexer;

// ---------------------------------------------------------------- DEFAULT mode: structure

WS          : [ \t\r\n\f\b]+ -> skip ;
AND         : 'and' ;
OR          : 'or' ;
NOT         : 'not' ;
LPAREN      : '(' ;
RPAREN      : ')' ;
COMMA       : ',' ;
EXISTS      : 'exists' ;

EQEQ        : '==' -> pushMode(VALUE) ;
EQ          : '=' -> pushMode(VALUE) ;
NE          : '!=' -> pushMode(VALUE) ;
LE          : '<=' -> pushMode(VALUE) ;
LT          : '<' -> pushMode(VALUE) ;
GE          : '>=' -> pushMode(VALUE) ;
GT          : '>' -> pushMode(VALUE) ;
CONTAINS    : 'contains' -> pushMode(VALUE) ;
ICONTAINS   : 'icontains' -> pushMode(VALUE) ;
BCONTAINS   : 'bcontains' -> pushMode(VALUE) ;
STARTSWITH  : 'startswith' -> pushMode(VALUE) ;
BSTARTSWITH : 'bstartswith' -> pushMode(VALUE) ;
ENDSWITH    : 'endswith' -> pushMode(VALUE) ;
GLOB        : 'glob' -> pushMode(VALUE) ;
IGLOB       : 'iglob' -> pushMode(VALUE) ;
REGEX       : 'regex' -> pushMode(VALUE) ;
IN          : 'in' -> pushMode(VALUE) ;
INTERSECTS  : 'intersects' -> pushMode(VALUE) ;
PMATCH      : 'pmatch' -> pushMode(VALUE) ;

TRANSFORMER : TRANSFORMER_NAME '(' ;

// A field: dotted name with an optional [argument], quoted or bare (proc.aname[2], proc.env[HOME]).
FIELD       : FIELD_NAME ('[' (DQ_STRING | SQ_STRING | ARG_BARE) ']')? ;
IDENT       : IDENT_NAME ;
QUOTED      : DQ_STRING | SQ_STRING ;
UNTERMINATED_QUOTE : ('"' | '\'') ;
UNEXPECTED  : . ;

// ---------------------------------------------------------------- VALUE mode: right-hand side

mode VALUE;
V_WS          : [ \t\r\n\f\b]+ -> skip ;
V_LPAREN      : '(' -> mode(LIST) ;
V_MODIFIER    : ('anyof' | 'allof' | 'oneof') [ \t\r\n\f\b]* '(' -> mode(LIST) ;
V_VAL         : 'val(' -> popMode ;
V_TRANSFORMER : TRANSFORMER_NAME '(' -> popMode ;
V_QUOTED      : (DQ_STRING | SQ_STRING) -> popMode ;
V_BARE        : BARE_CHAR+ -> popMode ;
V_UNTERMINATED_QUOTE : ('"' | '\'') -> popMode ;
V_UNEXPECTED  : . -> popMode ;

// ---------------------------------------------------------------- LIST mode: ( item, item, ... )

mode LIST;
L_WS          : [ \t\r\n\f\b]+ -> skip ;
L_COMMA       : ',' ;
L_RPAREN      : ')' -> popMode ;
L_QUOTED      : DQ_STRING | SQ_STRING ;
L_BARE        : BARE_CHAR+ ;
L_UNTERMINATED_QUOTE : ('"' | '\'') -> popMode ;
L_UNEXPECTED  : . ;

// ---------------------------------------------------------------- fragments

fragment TRANSFORMER_NAME : 'tolower' | 'toupper' | 'b64' | 'basename' | 'len' | 'join' | 'concat' | 'getopt' ;
fragment IDENT_NAME  : [a-zA-Z]+ [a-zA-Z0-9_]* ;
fragment FIELD_NAME  : IDENT_NAME ('.' IDENT_NAME)+ ;
fragment ARG_BARE    : ~[ \t\r\n\f\b[\]"']+ ;
// Falco: a quote ends a string unless the previous character is a backslash; strings may span lines.
fragment DQ_STRING   : '"' (~["\\] | '\\' .)* '"' ;
fragment SQ_STRING   : '\'' (~['\\] | '\\' .)* '\'' ;
fragment BARE_CHAR   : ~[ \t\r\n\f\b(),="'] ;
