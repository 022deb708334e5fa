/**
 * The built-in sinks (stdout, stderr, file, syslog, program, http), each registered through its
 * provider exactly as a plugin would be. The sink classes are package-private: users configure them
 * through their falco.yaml sections.
 */
package dev.falco4j.output.sink;
