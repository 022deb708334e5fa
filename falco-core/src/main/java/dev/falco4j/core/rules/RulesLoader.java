package dev.falco4j.core.rules;

import dev.falco4j.core.rules.RulesCollector.ExceptionInfo;
import dev.falco4j.core.rules.RulesCollector.ListInfo;
import dev.falco4j.core.rules.RulesCollector.MacroInfo;
import dev.falco4j.core.rules.RulesCollector.RuleInfo;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Reads Falco rules files: items {@code rule}, {@code macro}, {@code list}, {@code
 * required_engine_version} and {@code required_plugin_versions}, with {@code append} and {@code
 * override} applied in order across files, as Falco does. Every problem is collected with its file,
 * line, column and item; nothing is thrown for bad rules.
 *
 * <pre>{@code
 * LoadedRules rules = RulesLoader.create().load(List.of(RulesInput.path(Path.of("rules.yaml"))));
 * rules.problems().forEach(p -> System.err.println(p.render()));
 * }</pre>
 *
 * <p>Instances are immutable and thread-safe; each {@link #load} call is independent.
 */
public final class RulesLoader {
  private final Set<String> knownSources;

  private RulesLoader(Set<String> knownSources) {
    this.knownSources = Set.copyOf(knownSources);
  }

  /** A loader that knows the {@code syscall} event source. */
  public static RulesLoader create() {
    return new RulesLoader(Set.of("syscall"));
  }

  /** A loader for these event sources; rules of other sources are skipped with a warning. */
  public static RulesLoader forSources(Set<String> sources) {
    return new RulesLoader(sources);
  }

  /** Reads the inputs in order (directories expand to their files sorted by name). */
  public LoadedRules load(List<RulesInput> inputs) {
    List<RulesProblem> problems = new ArrayList<>();
    ProblemFactory factory = new ProblemFactory();
    RulesCollector collector = new RulesCollector(knownSources);
    RulesFileReader reader = new RulesFileReader(collector, factory, problems);
    List<String> files = new ArrayList<>();
    for (RulesInput input : inputs) {
      if (input instanceof RulesInput.FromString s) {
        files.add(s.name());
        reader.read(new SourceText(s.name(), s.content()));
      } else if (input instanceof RulesInput.FromPath p) {
        for (Path file : expand(p.path(), problems, factory)) {
          String name = file.toString();
          files.add(name);
          try {
            String text = decode(Files.readAllBytes(file));
            reader.read(new SourceText(name, text));
          } catch (CharacterCodingException e) {
            problems.add(factory.at(ProblemCode.READ, new SourceText(name, "").span(0, 0),
                ItemKind.RULES_CONTENT, "", "the file is not valid UTF-8 text"));
          } catch (IOException e) {
            problems.add(factory.at(ProblemCode.READ, new SourceText(name, "").span(0, 0),
                ItemKind.RULES_CONTENT, "", "cannot read the file: " + describe(e)));
          }
        }
      }
    }
    return freeze(collector, files, problems);
  }

  /** Reads one rules text given as a string. */
  public LoadedRules loadString(String name, String content) {
    return load(List.of(RulesInput.string(name, content)));
  }

  private static List<Path> expand(Path path, List<RulesProblem> problems, ProblemFactory factory) {
    if (Files.isDirectory(path)) {
      try (Stream<Path> entries = Files.list(path)) {
        return entries.filter(Files::isRegularFile).sorted().toList();
      } catch (IOException e) {
        problems.add(factory.at(ProblemCode.READ, new SourceText(path.toString(), "").span(0, 0),
            ItemKind.RULES_CONTENT, "", "cannot list the directory: " + describe(e)));
        return List.of();
      }
    }
    if (!Files.exists(path)) {
      problems.add(factory.at(ProblemCode.READ, new SourceText(path.toString(), "").span(0, 0),
          ItemKind.RULES_CONTENT, "", "no such file or directory"));
      return List.of();
    }
    return List.of(path);
  }

  private static String decode(byte[] bytes) throws CharacterCodingException {
    return StandardCharsets.UTF_8.newDecoder()
        .decode(java.nio.ByteBuffer.wrap(bytes))
        .toString();
  }

  private static String describe(IOException e) {
    String m = e.getMessage();
    return e.getClass().getSimpleName() + (m == null ? "" : " (" + m + ")");
  }

  private static LoadedRules freeze(RulesCollector c, List<String> files, List<RulesProblem> problems) {
    Map<String, ListDefinition> lists = new LinkedHashMap<>();
    for (ListInfo l : c.lists().values()) {
      lists.put(l.name, new ListDefinition(l.name, l.items, l.span, l.index, l.visibility));
    }
    Map<String, MacroDefinition> macros = new LinkedHashMap<>();
    for (MacroInfo m : c.macros().values()) {
      macros.put(m.name, new MacroDefinition(m.name, m.condition, m.span, m.index, m.visibility));
    }
    Map<String, RuleDefinition> rules = new LinkedHashMap<>();
    for (RuleInfo r : c.rules().values()) {
      if (r.unknownSource) {
        continue;
      }
      List<RuleException> exceptions = new ArrayList<>();
      for (ExceptionInfo e : r.exceptions) {
        exceptions.add(e.freeze());
      }
      rules.put(r.name, new RuleDefinition(r.name, r.description, r.condition, r.output,
          r.priority, r.source, r.enabled, new ArrayList<>(r.tags), exceptions, r.warnEvttypes,
          r.skipIfUnknownFilter, r.capture, r.captureDuration, r.span));
    }
    return new LoadedRules(lists, macros, rules, c.requiredEngineVersion(),
        c.requiredPluginVersions(), files, problems);
  }
}
