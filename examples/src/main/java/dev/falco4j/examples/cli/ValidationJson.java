package dev.falco4j.examples.cli;

import dev.falco4j.core.rules.RulesProblem;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code -V --format json}: the validation result as JSON, problems with their positions. */
final class ValidationJson {
  private ValidationJson() {}

  static String render(List<String> files, List<RulesProblem> problems, boolean ok) {
    List<Map<String, Object>> errors = new ArrayList<>();
    List<Map<String, Object>> warnings = new ArrayList<>();
    for (RulesProblem p : problems) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("code", p.code().name());
      m.put("message", p.message());
      m.put("file", p.span().file());
      m.put("line", p.span().line());
      m.put("column", p.span().column());
      m.put("item_type", p.itemKind().label());
      m.put("item_name", p.itemName());
      (p.isError() ? errors : warnings).add(m);
    }
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("files", files);
    root.put("successful", ok);
    root.put("errors", errors);
    root.put("warnings", warnings);
    return Json.write(root);
  }
}
