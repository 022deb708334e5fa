package dev.falco4j.core.state;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PathResolverTest {

  private final PathResolver resolver = new PathResolver();

  @ParameterizedTest(name = "{0} + {1} = {2}")
  @CsvSource(delimiter = '|', value = {
      "/home/u/|file.txt|/home/u/file.txt",
      "/home/u|file.txt|/home/u/file.txt",
      "/home/u/|./file.txt|/home/u/file.txt",
      "/home/u/|../file.txt|/home/file.txt",
      "/home/u/|../../../../etc/passwd|/etc/passwd",
      "/home/u/|a//b///c|/home/u/a/b/c",
      "/home/u/|dir/|/home/u/dir",
      "/home/u/|dir/./sub/..|/home/u/dir",
      "/home/u/|.|/home/u",
      "/home/u/|..|/home",
      "/|..|/",
      "/|../|/",
      "/tmp/|/etc/passwd|/etc/passwd",
      "/tmp/|//etc//passwd|/etc/passwd",
      "/tmp/|/etc/./ssh/../passwd|/etc/passwd",
      "/tmp/|/../etc|/etc",
      "/tmp/|/|/",
      "/tmp/|/etc/|/etc",
      "/tmp/|.../x|/tmp/.../x",
      "/tmp/|..a/b|/tmp/..a/b",
  })
  void resolvesAsFalco(String base, String path, String expected) {
    assertThat(resolver.resolve(base, path)).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {"/a|/a/", "/a/|/a/", "''|/"})
  void directoriesKeepATrailingSlash(String in, String out) {
    assertThat(PathResolver.asDirectory(in)).isEqualTo(out);
  }

  @org.junit.jupiter.api.Test
  void emptyPathStaysEmpty() {
    assertThat(resolver.resolve("/x/", "")).isEmpty();
  }
}
