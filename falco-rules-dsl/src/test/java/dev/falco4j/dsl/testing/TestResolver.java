package dev.falco4j.dsl.testing;

import dev.falco4j.dsl.compile.FieldBinding;
import dev.falco4j.dsl.compile.FieldExtractor;
import dev.falco4j.dsl.compile.FieldResolver;
import dev.falco4j.dsl.compile.FieldType;
import dev.falco4j.dsl.compile.FieldValue;
import java.util.List;
import java.util.Map;

/**
 * A small field catalog for tests, one field per type family, with Falco-like names. Event types:
 * open (0, 1), openat (2, 3), execve (4, 5), connect (6, 7), close (8, 9); 10 in total.
 */
public final class TestResolver implements FieldResolver<TestEvent> {

    private static final Map<String, FieldType> FIELDS = Map.ofEntries(
            Map.entry("proc.name", FieldType.STRING),
            Map.entry("proc.pname", FieldType.STRING),
            Map.entry("proc.cmdline", FieldType.STRING),
            Map.entry("fd.name", FieldType.FSPATH),
            Map.entry("fd.directory", FieldType.FSPATH),
            Map.entry("evt.buffer", FieldType.BYTES),
            Map.entry("proc.pid", FieldType.PID),
            Map.entry("proc.ppid", FieldType.PID),
            Map.entry("fd.num", FieldType.FD),
            Map.entry("fd.sport", FieldType.PORT),
            Map.entry("evt.rawres", FieldType.ERRNO),
            Map.entry("evt.count", FieldType.UINT64),
            Map.entry("test.i8", FieldType.INT8),
            Map.entry("test.u8", FieldType.UINT8),
            Map.entry("user.uid", FieldType.UID),
            Map.entry("evt.time", FieldType.ABSTIME),
            Map.entry("test.mode", FieldType.MODE),
            Map.entry("evt.is_open_read", FieldType.BOOL),
            Map.entry("fd.sip", FieldType.IPV4ADDR),
            Map.entry("fd.snet", FieldType.IPV4NET),
            Map.entry("fd.net", FieldType.IPNET),
            Map.entry("fd.cip6", FieldType.IPV6ADDR),
            Map.entry("evt.dir", FieldType.STRING),
            Map.entry("evt.type", FieldType.EVENT_TYPE));

    private static final Map<String, int[]> EVENTS = Map.of(
            "open", new int[] {0, 1}, "openat", new int[] {2, 3}, "execve", new int[] {4, 5},
            "connect", new int[] {6, 7}, "close", new int[] {8, 9});

    private final Map<String, int[]> events;
    private final int eventTypeCount;

    /** The default catalog: 5 event names, 10 ids. */
    public TestResolver() {
        this(EVENTS, 10);
    }

    /** The same fields with another event-type table. */
    public TestResolver(Map<String, int[]> events, int eventTypeCount) {
        this.events = Map.copyOf(events);
        this.eventTypeCount = eventTypeCount;
    }

    @Override
    public FieldBinding<TestEvent> resolve(String name, String argument) {
        if (name.equals("proc.args")) {
            return FieldBinding.multiValued(FieldType.STRING, new MultiExtractor(name));
        }
        if (name.equals("evt.arg.flags")) {
            // an argument of open and openat only: declares where it can have a value
            return FieldBinding.of(FieldType.STRING, new ScalarExtractor(name)).withEventTypes(0, 1, 2, 3);
        }
        if (name.equals("proc.aname")) {
            if (argument == null) {
                // every ancestor's name: candidates, so a check holds when any ancestor satisfies it
                return FieldBinding.anyOf(FieldType.STRING, new MultiExtractor(name));
            }
            if (!argument.matches("[0-9]+")) {
                return FieldBinding.error("proc.aname needs a numeric argument, e.g. proc.aname[2]");
            }
            return FieldBinding.of(FieldType.STRING, new ScalarExtractor(name + "[" + argument + "]"));
        }
        if (name.equals("proc.env")) {
            if (argument == null) {
                return FieldBinding.error("proc.env needs an argument, e.g. proc.env[HOME]");
            }
            return FieldBinding.of(FieldType.STRING, new ScalarExtractor(name + "[" + argument + "]"));
        }
        FieldType type = FIELDS.get(name);
        if (type == null) {
            return FieldBinding.error("unknown field '" + name + "'");
        }
        if (argument != null) {
            return FieldBinding.error("field '" + name + "' takes no argument");
        }
        return FieldBinding.of(type, new ScalarExtractor(name));
    }

    @Override
    public int eventTypeCount() {
        return eventTypeCount;
    }

    @Override
    public int[] eventTypeIds(String eventName) {
        int[] ids = events.get(eventName);
        return ids == null ? new int[0] : ids.clone();
    }

    private record ScalarExtractor(String key) implements FieldExtractor<TestEvent> {
        @Override
        public boolean extract(TestEvent ctx, FieldValue out) {
            Object v = ctx.values.get(key);
            if (v == null) {
                return false;
            }
            if (v instanceof Long l) {
                out.setLong(l);
            } else {
                byte[] b = (byte[]) v;
                out.setBytes(b, 0, b.length);
            }
            return true;
        }
    }

    private record MultiExtractor(String key) implements FieldExtractor<TestEvent> {
        @SuppressWarnings("unchecked")
        private List<byte[]> list(TestEvent ctx) {
            Object v = ctx.values.get(key);
            return v == null ? List.of() : (List<byte[]>) v;
        }

        @Override
        public boolean extract(TestEvent ctx, FieldValue out) {
            return extractAt(ctx, 0, out);
        }

        @Override
        public int count(TestEvent ctx) {
            return list(ctx).size();
        }

        @Override
        public boolean extractAt(TestEvent ctx, int index, FieldValue out) {
            List<byte[]> l = list(ctx);
            if (index >= l.size()) {
                return false;
            }
            byte[] b = l.get(index);
            out.setBytes(b, 0, b.length);
            return true;
        }
    }
}
