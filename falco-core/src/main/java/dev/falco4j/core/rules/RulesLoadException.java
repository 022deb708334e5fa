package dev.falco4j.core.rules;

import java.util.List;

/**
 * Rules could not be loaded: carries every problem found (errors and warnings, in the order they
 * were found), not just the first. {@link #getMessage()} renders the errors.
 */
public final class RulesLoadException extends Exception {
  private static final long serialVersionUID = 1L;

  private final transient List<RulesProblem> problems;

  /** @param problems all problems; at least one is an error */
  public RulesLoadException(List<RulesProblem> problems) {
    super(render(problems));
    this.problems = List.copyOf(problems);
  }

  /** All problems, errors and warnings. */
  public List<RulesProblem> problems() {
    return problems;
  }

  /** Only the errors. */
  public List<RulesProblem> errors() {
    return problems.stream().filter(RulesProblem::isError).toList();
  }

  private static String render(List<RulesProblem> problems) {
    StringBuilder sb = new StringBuilder();
    int errors = 0;
    for (RulesProblem p : problems) {
      if (p.isError()) {
        errors++;
        if (sb.length() > 0) {
          sb.append('\n');
        }
        sb.append(p.render());
      }
    }
    return errors + (errors == 1 ? " error" : " errors") + " loading rules:\n" + sb;
  }
}
