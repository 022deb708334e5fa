/**
 * Alert renderings shared by all sinks: Falco's text line and JSON object, the two time formats, and
 * the neutralisation of control characters from event data.
 */
package dev.falco4j.output.format;
