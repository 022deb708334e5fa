package dev.falco4j.output;

/** An alert with the time it was submitted, shared by every sink queue it is offered to. */
record Envelope(Alert alert, long submitNanos) {}
