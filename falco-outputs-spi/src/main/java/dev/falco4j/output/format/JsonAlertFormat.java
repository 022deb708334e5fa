package dev.falco4j.output.format;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.falco4j.output.Alert;
import dev.falco4j.output.OutputSettings;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/**
 * Falco's JSON alert, one object per line:
 *
 * <pre>{@code
 * {"hostname":"h","output":"01:02:03.000000042: Warning A shell ... (proc.name=bash)",
 *  "output_fields":{"proc.name":"bash","proc.pid":42},"priority":"Warning","rule":"...",
 *  "source":"syscall","tags":["T1"],"time":"2026-11-28T01:02:03.000000042Z"}
 * }</pre>
 *
 * As in Falco, {@code output} is the whole text line (time as the text format writes it, priority,
 * rule output) and {@code message} the rule output alone. Keys are in Falco's (alphabetical) order;
 * {@code output}, {@code message}, {@code output_fields} and {@code tags} follow {@code
 * json_include_output_property}, {@code json_include_message_property}, {@code
 * json_include_output_fields} and {@code json_include_tags_property}; {@code count} (a Falco4J
 * addition) appears only when the flood guard folded repeats. Strings are escaped by Jackson, so
 * event data can neither break the line nor the object.
 */
public final class JsonAlertFormat implements AlertFormat {
  // One factory per format: thread-safe and holds the symbol/buffer recyclers.
  private final JsonFactory factory = new JsonFactory();
  private final OutputSettings settings;
  private final TextAlertFormat text;

  /** A JSON format for these settings. */
  public JsonAlertFormat(OutputSettings settings) {
    this.settings = settings;
    this.text = new TextAlertFormat(settings);
  }

  @Override
  public String format(Alert alert) {
    StringWriter out = new StringWriter(256 + alert.output().length() * 2);
    try (JsonGenerator g = factory.createGenerator(out)) {
      g.writeStartObject();
      if (alert.count() > 1) {
        g.writeNumberField("count", alert.count());
      }
      g.writeStringField("hostname", alert.hostname());
      if (settings.jsonIncludeMessageProperty()) {
        g.writeStringField("message", alert.output());
      }
      if (settings.jsonIncludeOutputProperty()) {
        g.writeStringField("output", text.line(alert, false));
      }
      if (settings.jsonIncludeOutputFields()) {
        g.writeObjectFieldStart("output_fields");
        for (Map.Entry<String, Object> e : alert.outputFields().entrySet()) {
          g.writeFieldName(e.getKey());
          writeValue(g, e.getValue());
        }
        g.writeEndObject();
      }
      g.writeStringField("priority", alert.priority().falcoName());
      g.writeStringField("rule", alert.rule());
      g.writeStringField("source", alert.source());
      if (settings.jsonIncludeTagsProperty()) {
        g.writeArrayFieldStart("tags");
        for (String tag : alert.tags()) {
          g.writeString(tag);
        }
        g.writeEndArray();
      }
      g.writeStringField("time", AlertTimes.iso8601(alert.epochNanos()));
      g.writeEndObject();
    } catch (IOException e) {
      // A StringWriter does not fail; reaching here is a bug, not an I/O condition.
      throw new UncheckedIOException("JSON alert rendering failed", e);
    }
    return out.toString();
  }

  private static void writeValue(JsonGenerator g, Object v) throws IOException {
    if (v == null) {
      g.writeNull();
    } else if (v instanceof String s) {
      g.writeString(s);
    } else if (v instanceof Long l) {
      g.writeNumber(l);
    } else if (v instanceof Integer i) {
      g.writeNumber(i);
    } else if (v instanceof Double d) {
      g.writeNumber(d);
    } else if (v instanceof Boolean b) {
      g.writeBoolean(b);
    } else if (v instanceof List<?> list) {
      g.writeStartArray();
      for (Object item : list) {
        writeValue(g, item);
      }
      g.writeEndArray();
    } else {
      // Alert validates value types; keep a readable fallback rather than failing an alert.
      g.writeString(v.toString());
    }
  }
}
