package dev.falco4j.examples.cli;

import dev.falco4j.core.field.FieldCatalog;
import dev.falco4j.core.field.FieldDef;
import dev.falco4j.core.field.FieldFamily;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code --list[=SOURCE]}: the field catalog by family, like Falco's {@code --list} (name, type,
 * description), as text, markdown tables or JSON; {@code -N} prints names only. Every built-in
 * family belongs to the {@code syscall} source.
 */
final class FieldsListing {
  private final PrintWriter out;

  FieldsListing(PrintWriter out) {
    this.out = out;
  }

  void print(FieldCatalog catalog, String source, ListingFormat format, boolean namesOnly) {
    boolean all = source == null || source.isEmpty() || source.equals("syscall");
    List<FieldFamily> families = all ? catalog.families() : List.of();
    if (namesOnly) {
      for (FieldFamily f : families) {
        for (FieldDef d : f.fields()) {
          out.println(d.name());
        }
      }
      return;
    }
    switch (format) {
      case JSON -> {
        List<Map<String, Object>> out2 = new ArrayList<>();
        for (FieldFamily f : families) {
          List<Map<String, Object>> fields = new ArrayList<>();
          for (FieldDef d : f.fields()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", d.name());
            m.put("type", d.typeLabel());
            m.put("desc", d.description());
            fields.add(m);
          }
          Map<String, Object> fam = new LinkedHashMap<>();
          fam.put("name", f.name());
          fam.put("source", "syscall");
          fam.put("desc", f.description());
          fam.put("fields", fields);
          out2.add(fam);
        }
        out.println(Json.write(out2));
      }
      case MARKDOWN -> {
        for (FieldFamily f : families) {
          out.println("## Field Class: " + f.name());
          out.println();
          out.println(f.description());
          out.println();
          out.println("Name | Type | Description");
          out.println(":----|:-----|:-----------");
          for (FieldDef d : f.fields()) {
            out.println("`" + d.name() + "` | " + d.typeLabel() + " | " + d.description().replace("|", "\\|"));
          }
          out.println();
        }
      }
      default -> {
        for (FieldFamily f : families) {
          out.println("Field Class: " + f.name() + " (" + f.description() + ")");
          out.println("Event Sources: syscall");
          out.println();
          for (FieldDef d : f.fields()) {
            String name = d.name();
            StringBuilder sb = new StringBuilder(name);
            while (sb.length() < 30) {
              sb.append(' ');
            }
            out.println(sb.append(' ').append(d.typeLabel()).append("  ").append(d.description()));
          }
          out.println();
        }
        if (!all) {
          out.println("no fields for source '" + source + "' (this build has the syscall source only)");
        }
      }
    }
  }
}
