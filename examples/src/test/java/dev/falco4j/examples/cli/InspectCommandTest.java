package dev.falco4j.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InspectCommandTest {

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  static Path trace(String name) {
    String shared = System.getProperty("falco4j.shared.dir");
    assertThat(shared).as("falco4j.shared.dir (set by the parent POM)").isNotBlank();
    Path p = Path.of(shared, "traces", name);
    assertThat(p).exists();
    return p;
  }

  private int run(String... args) {
    return FalcoCommand.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
  }

  @Test
  void defaultLineLooksLikeSysdigs() {
    assertThat(run("inspect", trace("cat_write.scap").toString())).isEqualTo(ExitCodes.OK);
    String[] lines = out.toString().split("\n");
    // procinfo (internal) events are hidden without -D: the first shown event is 131
    assertThat(lines[0]).startsWith("131 ").contains(" 0 cat (20072) < execve res=0 exe=cat ");
    assertThat(lines[1]).endsWith(" 0 cat (20072) > brk addr=0 ");
    assertThat(out.toString()).contains("< open fd=3(<f>/etc/ld.so.cache) name=/etc/ld.so.cache"
        + " flags=4097(O_RDONLY|O_CLOEXEC) mode=0 ");
    assertThat(err.toString()).isEmpty();
  }

  @Test
  void printFormatWithStarShowsMissingFieldsAsNa() {
    assertThat(run("inspect", "-D", "-p", "*%evt.num %evt.rawtime %thread.tid %evt.type %evt.arg.fd",
        trace("cat_write.scap").toString())).isEqualTo(ExitCodes.OK);
    String[] lines = out.toString().split("\n");
    assertThat(lines).hasSize(345);
    assertThat(lines[0]).endsWith(" procinfo <NA>");
  }

  @Test
  void filterSelectsEvents() {
    assertThat(run("inspect", "-p", "%evt.num %proc.name %fd.name", trace("cat_write.scap").toString(),
        "evt.type=open", "and", "evt.dir=<")).isEqualTo(ExitCodes.OK);
    String[] lines = out.toString().split("\n");
    assertThat(lines).isNotEmpty().allMatch(l -> l.contains(" cat /"));
    assertThat(lines[0]).isEqualTo("141 cat /etc/ld.so.cache");
  }

  @Test
  void badFilterIsAUsageErrorWithACaret() {
    assertThat(run("inspect", trace("cat_write.scap").toString(), "evt.type=open and"))
        .isEqualTo(ExitCodes.USAGE);
    assertThat(err.toString()).contains("filter:1:").contains("^");
    assertThat(run("inspect", trace("cat_write.scap").toString(), "no.such.field=1"))
        .isEqualTo(ExitCodes.USAGE);
    assertThat(err.toString()).contains("no.such.field");
  }

  @Test
  void unknownFieldInFormatIsAUsageError() {
    assertThat(run("inspect", "-p", "%evt.num %no.such", trace("cat_write.scap").toString()))
        .isEqualTo(ExitCodes.USAGE);
    assertThat(err.toString()).startsWith("falco inspect: ").contains("no.such");
  }

  @Test
  void corruptTraceIsAPreciseErrorWithoutStackTrace(@TempDir Path tmp) throws Exception {
    Path bad = tmp.resolve("bad.scap");
    Files.write(bad, new byte[] {0x0A, 0x0D, 0x0D, 0x0A, 28, 0, 0, 0, 1, 2, 3, 4});
    assertThat(run("inspect", bad.toString())).isEqualTo(ExitCodes.FAILURE);
    assertThat(err.toString()).startsWith("falco inspect: " + bad + ": offset 0").doesNotContain("at dev.");
    assertThat(run("inspect", tmp.resolve("missing.scap").toString())).isEqualTo(ExitCodes.FAILURE);
    assertThat(err.toString()).contains("no such file");
  }

  @Test
  void atFdcwdDirfdIsNamedAsSysdigNamesIt() {
    Path recorded = Path.of("src/test/resources/traces/default-rules/sensitive-file-read.scap.gz");
    assertThat(run("inspect", recorded.toString(), "-p", "%evt.args",
        "evt.type = openat and fd.name = /etc/shadow")).isEqualTo(ExitCodes.OK);
    assertThat(out.toString()).contains("dirfd=-100(AT_FDCWD) name=/etc/shadow");
  }
}
