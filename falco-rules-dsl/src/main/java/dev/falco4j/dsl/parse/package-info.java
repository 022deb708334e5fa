/**
 * From text to AST: runs the ANTLR lexer and parser generated from {@code Condition.g4}, replaces
 * ANTLR's console error reporting with positioned {@link dev.falco4j.dsl.Diagnostic}s, enforces the
 * nesting limit before the recursive-descent parser runs, and builds the immutable AST. Not API:
 * use {@link dev.falco4j.dsl.ConditionParser}.
 */
package dev.falco4j.dsl.parse;
