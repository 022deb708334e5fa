package dev.falco4j.examples.cli;

import dev.falco4j.core.event.EventInfo;
import dev.falco4j.core.event.EventTable;
import dev.falco4j.core.event.ParamInfo;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code --list-events}: every event of the event table with its direction and parameters. */
final class EventsListing {
  private final PrintWriter out;

  EventsListing(PrintWriter out) {
    this.out = out;
  }

  void print(ListingFormat format) {
    EventTable table = EventTable.current();
    List<Map<String, Object>> events = new ArrayList<>();
    for (int id = 0; id < table.size(); id++) {
      if (!table.isKnown(id)) {
        continue;
      }
      EventInfo e = table.event(id);
      List<String> params = new ArrayList<>();
      for (ParamInfo p : e.params()) {
        params.add(p.type() + " " + p.name());
      }
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("name", e.name());
      m.put("dir", String.valueOf(e.directionSymbol()));
      m.put("params", params);
      events.add(m);
    }
    switch (format) {
      case JSON -> out.println(Json.write(Map.of("events", events)));
      case MARKDOWN -> {
        out.println("| Event | Dir | Parameters |");
        out.println("|---|---|---|");
        for (Map<String, Object> m : events) {
          out.println("| " + m.get("name") + " | " + m.get("dir") + " | "
              + String.join(", ", cast(m.get("params"))) + " |");
        }
      }
      default -> {
        for (Map<String, Object> m : events) {
          out.println(m.get("dir") + " " + m.get("name") + "(" + String.join(", ", cast(m.get("params"))) + ")");
        }
      }
    }
  }

  @SuppressWarnings("unchecked")
  private static List<String> cast(Object o) {
    return (List<String>) o;
  }
}
