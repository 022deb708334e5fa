package dev.falco4j.core.rules;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where rules come from: a file, a directory (its regular files, sorted by name, as Falco loads a
 * rules directory) or a string given by a program.
 */
public sealed interface RulesInput permits RulesInput.FromPath, RulesInput.FromString {

  /** A rules file or a directory of rules files. */
  static RulesInput path(Path path) {
    return new FromPath(path);
  }

  /** Rules text; {@code name} is used in messages in place of a file name. */
  static RulesInput string(String name, String content) {
    return new FromString(name, content);
  }

  /** A file or directory. @param path the path */
  record FromPath(Path path) implements RulesInput {
    /** Validates. */
    public FromPath {
      Objects.requireNonNull(path, "path");
    }
  }

  /** Rules text. @param name label in messages @param content the YAML */
  record FromString(String name, String content) implements RulesInput {
    /** Validates. */
    public FromString {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(content, "content");
    }
  }
}
