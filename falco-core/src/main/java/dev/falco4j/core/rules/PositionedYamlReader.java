package dev.falco4j.core.rules;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.util.HashMap;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads YAML text into {@link YamlNode} trees that keep the character offset of every node, using
 * Jackson's streaming YAML parser (whose token locations carry the offsets that {@code JsonNode}
 * trees lose). Every document of a multi-document stream becomes one root; empty documents are
 * skipped. Duplicate keys are reported through {@code duplicateKeys} (the later one wins, as in
 * most YAML readers).
 */
final class PositionedYamlReader {
  private static final YAMLFactory FACTORY = new YAMLFactory();

  private final SourceText source;
  private final boolean hasSurrogates;
  private final List<YamlNode.Entry> duplicateKeys = new ArrayList<>();
  /** Anchored nodes ({@code &name}) for aliases ({@code *name}), as yaml-cpp resolves them. */
  private final Map<String, YamlNode> anchors = new HashMap<>();

  PositionedYamlReader(SourceText source) {
    this.source = source;
    String text = source.text();
    boolean surrogates = false;
    for (int i = 0; i < text.length() && !surrogates; i++) {
      surrogates = Character.isSurrogate(text.charAt(i));
    }
    this.hasSurrogates = surrogates;
  }

  /** Keys that appeared twice in one mapping, in reading order (the earlier entry each time). */
  List<YamlNode.Entry> duplicateKeys() {
    return duplicateKeys;
  }

  /** The root node of every non-empty document. */
  List<YamlNode> readAll() throws YamlSyntaxException {
    List<YamlNode> roots = new ArrayList<>();
    try (JsonParser p = FACTORY.createParser(source.text())) {
      JsonToken t;
      while ((t = p.nextToken()) != null) {
        YamlNode root = read(p, t);
        if (!(root instanceof YamlNode.Scalar s && s.isNull())) {
          roots.add(root);
        }
      }
    } catch (JsonProcessingException e) {
      throw new YamlSyntaxException(cleanMessage(e.getOriginalMessage()), offsetOf(e.getLocation()));
    } catch (JsonParseExceptionAt e) {
      throw new YamlSyntaxException(e.getMessage(), e.offset);
    } catch (IOException e) {
      // Reading from a String cannot fail with I/O; anything else is a parser problem worth showing.
      throw new YamlSyntaxException(String.valueOf(e.getMessage()), 0);
    }
    return roots;
  }

  private YamlNode read(JsonParser p, JsonToken t) throws IOException {
    if (p instanceof YAMLParser y && y.isCurrentAlias()) {
      YamlNode target = anchors.get(p.getText());
      if (target == null) {
        throw new JsonParseExceptionAt("unknown alias '*" + p.getText() + "'",
            offsetOf(p.currentTokenLocation()));
      }
      return target;
    }
    String anchor = p.getObjectId() instanceof String a ? a : null;
    YamlNode node = readNode(p, t);
    if (anchor != null) {
      anchors.put(anchor, node);
    }
    return node;
  }

  /** An error found by this reader rather than by the YAML parser. */
  private static final class JsonParseExceptionAt extends IOException {
    private static final long serialVersionUID = 1L;
    final int offset;

    JsonParseExceptionAt(String message, int offset) {
      super(message);
      this.offset = offset;
    }
  }

  private YamlNode readNode(JsonParser p, JsonToken t) throws IOException {
    int start = offsetOf(p.currentTokenLocation());
    switch (t) {
      case START_OBJECT -> {
        Map<String, YamlNode.Entry> entries = new LinkedHashMap<>();
        JsonToken k;
        while ((k = p.nextToken()) != JsonToken.END_OBJECT) {
          String key = p.currentName();
          int keyStart = offsetOf(p.currentTokenLocation());
          YamlNode value = read(p, p.nextToken());
          YamlNode.Entry entry = new YamlNode.Entry(key, keyStart, value);
          YamlNode.Entry previous = entries.remove(key);
          if (previous != null) {
            duplicateKeys.add(entry);
          }
          entries.put(key, entry);
          if (k == null) {
            break;
          }
        }
        return new YamlNode.Mapping(source, start, offsetOf(p.currentLocation()), entries);
      }
      case START_ARRAY -> {
        List<YamlNode> items = new ArrayList<>();
        JsonToken i;
        while ((i = p.nextToken()) != JsonToken.END_ARRAY && i != null) {
          items.add(read(p, i));
        }
        return new YamlNode.Sequence(source, start, offsetOf(p.currentLocation()), items);
      }
      default -> {
        int end = offsetOf(p.currentLocation());
        boolean quoted = start < source.text().length() && isQuoteOrBlock(source.text().charAt(start));
        YamlNode.Scalar.Kind kind =
            switch (t) {
              case VALUE_NUMBER_INT -> YamlNode.Scalar.Kind.INTEGER;
              case VALUE_NUMBER_FLOAT -> YamlNode.Scalar.Kind.FLOAT;
              case VALUE_TRUE, VALUE_FALSE -> YamlNode.Scalar.Kind.BOOLEAN;
              case VALUE_NULL -> YamlNode.Scalar.Kind.NULL;
              default -> YamlNode.Scalar.Kind.STRING;
            };
        String text = t == JsonToken.VALUE_NULL ? "" : p.getText();
        if (text == null) {
          text = "";
        }
        return new YamlNode.Scalar(
            source, start, Math.max(end, start), text, kind == YamlNode.Scalar.Kind.NULL, quoted, kind);
      }
    }
  }

  private static boolean isQuoteOrBlock(char c) {
    return c == '"' || c == '\'' || c == '|' || c == '>';
  }

  private int offsetOf(JsonLocation location) {
    if (location == null) {
      return 0;
    }
    long offset = location.getCharOffset();
    if (offset < 0) {
      // Fall back on line and column when the parser gives no offset.
      int line = Math.max(1, location.getLineNr());
      int col = Math.max(1, location.getColumnNr());
      int lineStart = 0;
      String text = source.text();
      for (int l = 1; l < line && lineStart < text.length(); l++) {
        int nl = text.indexOf('\n', lineStart);
        lineStart = nl < 0 ? text.length() : nl + 1;
      }
      return Math.min(text.length(), lineStart + col - 1);
    }
    int off = (int) Math.min(offset, Integer.MAX_VALUE);
    if (hasSurrogates) {
      // SnakeYAML counts code points; the rest of Falco4J counts Java chars.
      String text = source.text();
      int cps = text.codePointCount(0, text.length());
      return text.offsetByCodePoints(0, Math.min(off, cps));
    }
    return Math.min(off, source.text().length());
  }

  /** SnakeYAML messages repeat the position and quote the input; keep only the problem. */
  private static String cleanMessage(String message) {
    if (message == null) {
      return "invalid YAML";
    }
    StringBuilder out = new StringBuilder();
    for (String line : message.split("\n")) {
      String l = line.strip();
      if (l.isEmpty() || l.startsWith("in 'reader'") || l.startsWith("in '") || l.equals("^")
          || l.startsWith("at [Source")) {
        continue;
      }
      if (line.startsWith("    ")) {
        continue; // the quoted input line and caret
      }
      if (out.length() > 0) {
        out.append("; ");
      }
      out.append(l);
    }
    return out.length() == 0 ? "invalid YAML" : out.toString();
  }
}
