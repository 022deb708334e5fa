/**
 * Value matchers used by compiled predicates: byte-string search, hash sets of byte strings and
 * longs, path-prefix and prefix sets, precompiled globs, RE2/J regular expressions, IP networks.
 * Every {@code matches} call is allocation-free. Not API: built by the compiler.
 */
package dev.falco4j.dsl.match;
