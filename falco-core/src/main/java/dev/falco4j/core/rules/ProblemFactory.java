package dev.falco4j.core.rules;

import dev.falco4j.dsl.SourceSpan;
import java.util.HashMap;
import java.util.Map;

/** Makes {@link RulesProblem}s, filling in the source line from the texts read so far. */
final class ProblemFactory {
  private final Map<String, SourceText> sources = new HashMap<>();

  void register(SourceText source) {
    sources.put(source.name(), source);
  }

  RulesProblem at(ProblemCode code, SourceSpan span, ItemKind kind, String name, String message) {
    SourceText src = sources.get(span.file());
    String line = src == null ? "" : src.line(span.line());
    return new RulesProblem(code, span, kind, name, message, line);
  }
}
