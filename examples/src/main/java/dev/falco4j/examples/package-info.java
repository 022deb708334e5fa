/**
 * The {@code falco} command-line program ({@code cli}) and small programs that show how to embed
 * Falco4J ({@code embed}) and how to plug in a custom output sink ({@code customsink}).
 */
package dev.falco4j.examples;
