/**
 * Falco's condition language: text to ANTLR parse tree to immutable AST to type-checked predicate
 * trees. Knows nothing about system calls; fields arrive through a resolver interface that
 * falco-core implements.
 */
package dev.falco4j.dsl;
