/** Small programs that embed Falco4J's engine instead of running the {@code falco} command. */
package dev.falco4j.examples.embed;
