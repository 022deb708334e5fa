/**
 * Compilation of conditions: the {@link dev.falco4j.dsl.compile.FieldResolver} SPI through which the
 * host (falco-core's field catalog) supplies fields, the value holder extractors fill
 * ({@link dev.falco4j.dsl.compile.FieldValue}), type checking and event-type inference.
 */
package dev.falco4j.dsl.compile;
