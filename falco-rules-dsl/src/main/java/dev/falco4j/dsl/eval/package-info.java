/**
 * Predicate trees: one small final class per node kind ({@code and}, {@code or}, {@code not}, field
 * checks) and value sources (fields and transformers). Built once by the compiler, evaluated per
 * event without allocation. Not API: use {@link dev.falco4j.dsl.CompiledCondition}.
 */
package dev.falco4j.dsl.eval;
