package dev.falco4j.bench.dsl;

import java.nio.charset.StandardCharsets;

/**
 * A prepared event for condition benchmarks: field values already decoded into byte arrays, as
 * falco-core's per-event field cache holds them, so the benchmark measures predicate evaluation.
 */
public final class BenchEvent {

    int eventType;
    byte[] procName;
    byte[] procCmdline;
    byte[] fdName;
    long fdSport;

    /** An event with the given values. */
    public BenchEvent(int eventType, String procName, String procCmdline, String fdName, long fdSport) {
        this.eventType = eventType;
        this.procName = procName.getBytes(StandardCharsets.UTF_8);
        this.procCmdline = procCmdline.getBytes(StandardCharsets.UTF_8);
        this.fdName = fdName.getBytes(StandardCharsets.UTF_8);
        this.fdSport = fdSport;
    }
}
