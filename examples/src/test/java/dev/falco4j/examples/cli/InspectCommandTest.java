package dev.falco4j.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

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
    CommandLine cli = FalcoCommand.commandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    return cli.execute(args);
  }

  @Test
  void defaultLineLooksLikeSysdigs() {
    assertThat(run("inspect", trace("cat_write.scap").toString())).isEqualTo(ExitCodes.OK);
    String[] lines = out.toString().split("\n");
    // procinfo (internal) events are hidden without -D: the first shown event is 131
    assertThat(lines[0]).startsWith("131 ").contains(" 0 cat (20072) < execve res=0 exe=cat ");
    assertThat(lines[1]).endsWith(" 0 cat (20072) > brk addr=0 ");
    assertThat(out.toString()).contains("< open fd=3 name=/etc/ld.so.cache"
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
    assertThat(run("inspect", "-p", "%evt.num %evt.arg.fd", trace("cat_write.scap").toString()))
        .isEqualTo(ExitCodes.OK);
    assertThat(out.toString().split("\n")).hasSizeGreaterThan(345); // both runs appended
  }

  @Test
  void resAndRawArgs() {
    assertThat(run("inspect", "--sysdig-tables", "-p", "%evt.num %evt.res %evt.rawres %evt.arg.res",
        trace("cat_write.scap").toString())).isEqualTo(ExitCodes.OK);
    assertThat(out.toString()).contains("137 SUCCESS 140382221901824 7FAD48782000\n");
    assertThat(out.toString()).contains("135 ENOENT -2 ENOENT\n");
  }

  @Test
  void filtersReportThatTheFieldCatalogIsMissing() {
    assertThat(run("inspect", trace("cat_write.scap").toString(), "evt.type=open"))
        .isEqualTo(ExitCodes.USAGE);
    assertThat(err.toString()).contains("filters need the field catalog");
  }

  @Test
  void unknownFieldIsAUsageError() {
    assertThat(run("inspect", "-p", "%evt.num %no.such", trace("cat_write.scap").toString()))
        .isEqualTo(ExitCodes.USAGE);
    assertThat(err.toString()).contains("unknown field %no.such").contains("%evt.rawarg.NAME");
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
}
