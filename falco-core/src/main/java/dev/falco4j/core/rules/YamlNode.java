package dev.falco4j.core.rules;

import dev.falco4j.dsl.SourceSpan;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A YAML node that remembers where it was written: Jackson's {@code JsonNode} trees drop positions,
 * so the rules reader builds this small tree from the streaming parser instead. Offsets are character
 * offsets into {@link #source()}; {@code end} is exclusive.
 */
sealed interface YamlNode permits YamlNode.Mapping, YamlNode.Sequence, YamlNode.Scalar {

  SourceText source();

  int start();

  int end();

  /** Where the node starts, as a one-character span. */
  default SourceSpan span() {
    return source().span(start(), Math.max(1, end() - start()));
  }

  /** What a message calls this kind of node. */
  String kindName();

  /** A mapping; keys keep their written order and their own positions. */
  record Mapping(SourceText source, int start, int end, Map<String, Entry> entries)
      implements YamlNode {
    public Mapping {
      entries = new LinkedHashMap<>(entries);
    }

    YamlNode get(String key) {
      Entry e = entries.get(key);
      return e == null ? null : e.value();
    }

    boolean has(String key) {
      return entries.containsKey(key);
    }

    @Override
    public String kindName() {
      return "a mapping";
    }
  }

  /** One key of a mapping with the key's position. */
  record Entry(String key, int keyStart, YamlNode value) {}

  /** A sequence. */
  record Sequence(SourceText source, int start, int end, List<YamlNode> items) implements YamlNode {
    public Sequence {
      items = List.copyOf(items);
    }

    @Override
    public String kindName() {
      return "a sequence";
    }
  }

  /**
   * A scalar as written (after YAML unquoting and folding). {@code isNull} is true for {@code ~},
   * {@code null} and an empty value; {@code quoted} for a quoted or block scalar, whose text is never a
   * number or boolean.
   */
  record Scalar(
      SourceText source, int start, int end, String text, boolean isNull, boolean quoted, Kind kind)
      implements YamlNode {
    /** What the YAML parser recognised the scalar as. */
    enum Kind {
      STRING,
      INTEGER,
      FLOAT,
      BOOLEAN,
      NULL
    }

    @Override
    public String kindName() {
      return isNull ? "empty" : "a scalar";
    }
  }
}
