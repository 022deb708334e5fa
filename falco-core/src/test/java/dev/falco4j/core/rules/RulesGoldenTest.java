package dev.falco4j.core.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Golden files in {@code src/test/resources/golden/rules/}: a rules file, a {@code =====>} line,
 * then every problem the loader and resolver report, rendered (message, source line, caret).
 * {@code -Dgolden.update=true} rewrites the expected part; review the diff like code.
 */
class RulesGoldenTest {
  private static final Path DIR = Path.of("src/test/resources/golden/rules");
  private static final String SEPARATOR = "=====>\n";

  @TestFactory
  Stream<DynamicTest> goldenFiles() throws IOException {
    List<Path> files;
    try (Stream<Path> s = Files.list(DIR)) {
      files = s.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
    }
    assertThat(files).isNotEmpty();
    return files.stream().map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> check(f)));
  }

  private static void check(Path file) throws IOException {
    String content = Files.readString(file, StandardCharsets.UTF_8);
    int sep = content.indexOf(SEPARATOR);
    assertThat(sep).as("%s has a %s line", file, SEPARATOR.strip()).isGreaterThanOrEqualTo(0);
    String input = content.substring(0, sep);
    String expected = content.substring(sep + SEPARATOR.length());
    String name = file.getFileName().toString().replace(".txt", ".yaml");
    LoadedRules loaded = RulesLoader.create().loadString(name, input);
    List<RulesProblem> problems = new ArrayList<>(loaded.problems());
    if (!loaded.hasErrors()) {
      problems.addAll(new RulesResolver().resolve(loaded).problems());
    }
    StringBuilder actual = new StringBuilder();
    for (RulesProblem p : problems) {
      actual.append(p.render()).append('\n');
    }
    if (Boolean.getBoolean("golden.update")) {
      Files.writeString(file, input + SEPARATOR + actual, StandardCharsets.UTF_8);
      return;
    }
    assertThat(actual.toString()).as("golden file %s (rerun with -Dgolden.update=true to rewrite)", file)
        .isEqualTo(expected);
  }
}
