/** A fake event and field resolver for benchmarking the condition language in isolation. */
package dev.falco4j.bench.dsl;
