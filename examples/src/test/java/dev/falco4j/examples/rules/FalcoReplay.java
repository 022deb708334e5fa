package dev.falco4j.examples.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.falco4j.examples.cli.FalcoCommand;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Runs {@code falco -e TRACE} in this JVM with the default + test rules; returns its alerts. */
final class FalcoReplay {
  private FalcoReplay() {}

  static List<AlertRecord> replay(Path trace, Path workDir) throws IOException {
    List<Path> rules = DefaultRulesSetup.writeRules(workDir);
    Path alerts = workDir.resolve("alerts-" + trace.getFileName() + ".json");
    Files.deleteIfExists(alerts);
    List<String> args = new ArrayList<>(DefaultRulesSetup.commonArgs(rules));
    args.addAll(List.of("-e", trace.toString(),
        "-o", "stdout_output.enabled=false",
        "-o", "file_output.enabled=true",
        "-o", "file_output.filename=" + alerts));
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int rc = FalcoCommand.execute(new PrintWriter(out, true),
        new PrintWriter(err, true), args.toArray(String[]::new));
    assertThat(rc).as("falco -e %s exit code; stderr:%n%s", trace, err).isZero();
    return Files.exists(alerts) ? AlertRecord.parseAll(Files.readString(alerts)) : List.of();
  }
}
