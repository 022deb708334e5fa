package dev.falco4j.examples.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One alert as {@code falco -o json_output=true} prints it: rule, text, output fields as text. */
record AlertRecord(String rule, String output, Map<String, String> fields) {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Parses the JSON alert lines of a falco output, ignoring every other line (summary, etc). */
  static List<AlertRecord> parseAll(String text) {
    List<AlertRecord> alerts = new ArrayList<>();
    for (String line : text.split("\n")) {
      AlertRecord a = parse(line);
      if (a != null) {
        alerts.add(a);
      }
    }
    return alerts;
  }

  /** The alert on this line, or null when the line is not a JSON alert. */
  static AlertRecord parse(String line) {
    String l = line.strip();
    if (!l.startsWith("{") || !l.contains("\"rule\"")) {
      return null;
    }
    try {
      JsonNode n = JSON.readTree(l);
      Map<String, String> fields = new LinkedHashMap<>();
      JsonNode of = n.path("output_fields");
      for (Iterator<Map.Entry<String, JsonNode>> it = of.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        fields.put(e.getKey(), e.getValue().isNull() ? null : e.getValue().asText());
      }
      return new AlertRecord(n.path("rule").asText(), n.path("output").asText(), fields);
    } catch (IOException e) {
      throw new UncheckedIOException("not a JSON alert: " + l, e);
    }
  }

  /** True when the alert is about process {@code pid} or one of its children or grandchildren. */
  boolean concernsTreeOf(long pid) {
    String p = Long.toString(pid);
    return p.equals(fields.get("proc.pid")) || p.equals(fields.get("proc.ppid"))
        || p.equals(fields.get("proc.apid[2]"));
  }
}
