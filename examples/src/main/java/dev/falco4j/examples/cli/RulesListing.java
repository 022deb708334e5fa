package dev.falco4j.examples.cli;

import dev.falco4j.core.engine.Engine;
import dev.falco4j.core.engine.EngineRule;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code -L} (list loaded rules) and {@code -l RULE} (describe one), as text, markdown or JSON. */
final class RulesListing {
  private final PrintWriter out;

  RulesListing(PrintWriter out) {
    this.out = out;
  }

  void list(Engine engine, ListingFormat format) {
    List<EngineRule> rules = engine.rules();
    switch (format) {
      case JSON -> {
        List<Map<String, Object>> all = new ArrayList<>();
        for (EngineRule r : rules) {
          all.add(details(engine, r));
        }
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("required_engine_version", engine.loadedRules().requiredEngineVersion().toString());
        root.put("rules", all);
        out.println(Json.write(root));
      }
      case MARKDOWN -> {
        out.println("| Rule | Priority | Enabled | Description |");
        out.println("|---|---|---|---|");
        for (EngineRule r : rules) {
          out.println("| " + md(r.name()) + " | " + r.priority().falcoName() + " | "
              + (engine.isActive(r) ? "yes" : "no") + " | " + md(oneLine(r.definition().description())) + " |");
        }
      }
      default -> {
        int width = "Rule".length();
        for (EngineRule r : rules) {
          width = Math.max(width, r.name().length());
        }
        out.println(pad("Rule", width) + "  Description");
        out.println(pad("----", width) + "  -----------");
        for (EngineRule r : rules) {
          out.println(pad(r.name(), width) + "  " + oneLine(r.definition().description()));
        }
      }
    }
  }

  void describe(Engine engine, EngineRule r, ListingFormat format) {
    if (format == ListingFormat.JSON) {
      out.println(Json.write(details(engine, r)));
      return;
    }
    boolean md = format == ListingFormat.MARKDOWN;
    out.println((md ? "## " : "Rule: ") + r.name());
    line(md, "Description", oneLine(r.definition().description()));
    line(md, "Priority", r.priority().falcoName());
    line(md, "Source", r.source());
    line(md, "Enabled", Boolean.toString(r.enabled()));
    line(md, "Tags", String.join(", ", r.tags()));
    line(md, "Defined at", r.definition().span().toString());
    line(md, "Condition", r.definition().condition().text().strip());
    if (!r.definition().exceptions().isEmpty()) {
      line(md, "Condition with exceptions", r.conditionText());
    }
    line(md, "Output", r.outputTemplate());
  }

  private void line(boolean md, String label, String value) {
    out.println(md ? "- **" + label + "**: " + md(value) : label + ": " + value);
  }

  private static Map<String, Object> details(Engine engine, EngineRule r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", r.name());
    m.put("description", r.definition().description());
    m.put("priority", r.priority().falcoName());
    m.put("source", r.source());
    m.put("enabled", r.enabled());
    m.put("active", engine.isActive(r));
    m.put("tags", r.tags());
    m.put("condition", r.definition().condition().text());
    m.put("compiled_condition", r.conditionText());
    m.put("output", r.outputTemplate());
    m.put("file", r.definition().span().file());
    m.put("line", r.definition().span().line());
    return m;
  }

  private static String oneLine(String s) {
    return s.replaceAll("\\s+", " ").strip();
  }

  private static String md(String s) {
    return s.replace("|", "\\|");
  }

  private static String pad(String s, int width) {
    StringBuilder sb = new StringBuilder(s);
    while (sb.length() < width) {
      sb.append(' ');
    }
    return sb.toString();
  }
}
