package dev.falco4j.bench.dsl;

import dev.falco4j.dsl.compile.FieldBinding;
import dev.falco4j.dsl.compile.FieldExtractor;
import dev.falco4j.dsl.compile.FieldResolver;
import dev.falco4j.dsl.compile.FieldType;
import dev.falco4j.dsl.compile.FieldValue;

/**
 * A minimal field catalog over {@link BenchEvent}: allocation-free extractors that point the value
 * holder at the event's byte arrays. Event types: open = 0/1, openat = 2/3, execve = 4/5, of 8.
 */
public final class BenchFieldResolver implements FieldResolver<BenchEvent> {

    @Override
    public FieldBinding<BenchEvent> resolve(String name, String argument) {
        switch (name) {
            case "evt.type":
                return FieldBinding.of(FieldType.EVENT_TYPE, new EventTypeExtractor());
            case "proc.name":
                return FieldBinding.of(FieldType.STRING, new ProcNameExtractor());
            case "proc.cmdline":
                return FieldBinding.of(FieldType.STRING, new CmdlineExtractor());
            case "fd.name":
                return FieldBinding.of(FieldType.FSPATH, new FdNameExtractor());
            case "fd.sport":
                return FieldBinding.of(FieldType.PORT, new SportExtractor());
            default:
                return FieldBinding.error("unknown field '" + name + "'");
        }
    }

    @Override
    public int eventTypeCount() {
        return 8;
    }

    @Override
    public int[] eventTypeIds(String eventName) {
        switch (eventName) {
            case "open":
                return new int[] {0, 1};
            case "openat":
                return new int[] {2, 3};
            case "execve":
                return new int[] {4, 5};
            default:
                return new int[0];
        }
    }

    private static final class EventTypeExtractor implements FieldExtractor<BenchEvent> {
        @Override
        public boolean extract(BenchEvent e, FieldValue out) {
            out.setLong(e.eventType);
            return true;
        }
    }

    private static final class ProcNameExtractor implements FieldExtractor<BenchEvent> {
        @Override
        public boolean extract(BenchEvent e, FieldValue out) {
            out.setBytes(e.procName, 0, e.procName.length);
            return true;
        }
    }

    private static final class CmdlineExtractor implements FieldExtractor<BenchEvent> {
        @Override
        public boolean extract(BenchEvent e, FieldValue out) {
            out.setBytes(e.procCmdline, 0, e.procCmdline.length);
            return true;
        }
    }

    private static final class FdNameExtractor implements FieldExtractor<BenchEvent> {
        @Override
        public boolean extract(BenchEvent e, FieldValue out) {
            out.setBytes(e.fdName, 0, e.fdName.length);
            return true;
        }
    }

    private static final class SportExtractor implements FieldExtractor<BenchEvent> {
        @Override
        public boolean extract(BenchEvent e, FieldValue out) {
            out.setLong(e.fdSport);
            return true;
        }
    }
}
