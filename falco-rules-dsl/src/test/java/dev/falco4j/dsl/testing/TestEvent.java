package dev.falco4j.dsl.testing;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A hand-built event for compiler tests: field name (with argument) to value. */
public final class TestEvent {

    final Map<String, Object> values = new HashMap<>();

    /** Sets a string field. */
    public TestEvent str(String field, String value) {
        values.put(field, value.getBytes(StandardCharsets.UTF_8));
        return this;
    }

    /** Sets a raw bytes field. */
    public TestEvent bytes(String field, byte[] value) {
        values.put(field, value);
        return this;
    }

    /** Sets a numeric (or event type id) field. */
    public TestEvent num(String field, long value) {
        values.put(field, value);
        return this;
    }

    /** Sets a boolean field. */
    public TestEvent bool(String field, boolean value) {
        values.put(field, value ? 1L : 0L);
        return this;
    }

    /** Sets a multi-valued string field. */
    public TestEvent list(String field, String... items) {
        List<byte[]> l = new ArrayList<>();
        for (String s : items) {
            l.add(s.getBytes(StandardCharsets.UTF_8));
        }
        values.put(field, l);
        return this;
    }

    /** Sets an IP field from its literal. */
    public TestEvent ip(String field, String literal) throws Exception {
        values.put(field, java.net.InetAddress.getByName(literal).getAddress());
        return this;
    }
}
