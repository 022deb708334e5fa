/**
 * The immutable condition AST: sealed interfaces and records, each node with its {@link
 * dev.falco4j.dsl.SourceSpan}. Boolean structure is {@link dev.falco4j.dsl.ast.Expr}; the two sides
 * of a comparison are {@link dev.falco4j.dsl.ast.Operand}s. {@link dev.falco4j.dsl.ast.AstPrinter}
 * renders a node back to condition text; {@link dev.falco4j.dsl.ast.Expander} replaces macro and
 * list references.
 */
package dev.falco4j.dsl.ast;
