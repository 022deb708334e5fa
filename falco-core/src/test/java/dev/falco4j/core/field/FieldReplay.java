package dev.falco4j.core.field;

import dev.falco4j.core.event.EventTable;
import dev.falco4j.core.event.EventView;
import dev.falco4j.core.event.spi.EventSource;
import dev.falco4j.core.scap.ScapFileSource;
import dev.falco4j.core.scap.ScapReadOptions;
import dev.falco4j.core.state.SystemState;
import dev.falco4j.core.state.TraceSeeder;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Test support: replays a trace through the state tracker and renders field values per event
 * number, the way {@code sysdig -p '*%evt.num ...'} does.
 */
final class FieldReplay {

  private FieldReplay() {}

  /** Event number to the display values of {@code fields} (null for {@code <NA>}). */
  static Map<Long, String[]> render(Path trace, List<String> fields, EventTable table)
      throws IOException {
    FieldCatalog catalog = new FieldCatalog(table, false);
    List<FieldAccessor> accessors = new ArrayList<>();
    for (String f : fields) {
      accessors.add(accessorFor(catalog, f));
    }
    SystemState state = new SystemState();
    TraceSeeder seeder = new TraceSeeder();
    EvalContext ctx = new EvalContext(state);
    Map<Long, String[]> out = new LinkedHashMap<>();
    StringBuilder sb = new StringBuilder();
    try (EventSource src = ScapFileSource.open(trace, ScapReadOptions.defaults(), table)) {
      seeder.load(src.initialState(), state);
      EventView ev = new EventView(table);
      int r;
      while ((r = src.next(ev)) != EventSource.END) {
        if (r == EventSource.NEW_SECTION) {
          seeder.load(src.initialState(), state);
          continue;
        }
        if (r != EventSource.EVENT) {
          continue;
        }
        ctx.next(ev);
        if (ev.info() != null && ev.info().name().equals("container")) {
          // sysdig consumes container events while opening the trace: never formatted.
          continue;
        }
        String[] values = new String[accessors.size()];
        for (int i = 0; i < values.length; i++) {
          sb.setLength(0);
          values[i] = accessors.get(i).display(ctx, sb) ? sb.toString() : null;
        }
        out.put(ev.number(), values);
      }
    }
    return out;
  }

  /** "proc.aname[2]" or "evt.arg.fd" to an accessor. */
  static FieldAccessor accessorFor(FieldCatalog catalog, String ref) {
    int b = ref.indexOf('[');
    if (b > 0 && ref.endsWith("]")) {
      return catalog.accessor(ref.substring(0, b), ref.substring(b + 1, ref.length() - 1));
    }
    return catalog.accessor(ref, null);
  }
}
