/**
 * The monitor itself: system-call events in the scap layout, trace files, process/fd/user/container
 * state rebuilt from events, the field catalog, Falco rules files and the engine that evaluates them.
 */
package dev.falco4j.core;
