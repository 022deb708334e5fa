/**
 * The scap event model: {@link dev.falco4j.core.event.EventView} (a zero-copy flyweight over one
 * event), the event table and its companion tables generated from shared/spec ({@link
 * dev.falco4j.core.event.EventTable}, {@link dev.falco4j.core.event.EventType}), and sysdig-style
 * rendering of parameters.
 */
package dev.falco4j.core.event;
