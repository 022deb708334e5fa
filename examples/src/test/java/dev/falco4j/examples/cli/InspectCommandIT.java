package dev.falco4j.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code falco inspect --sysdig-tables [-p FORMAT] [FILTER]} prints exactly what {@code sysdig -r
 * [-p FORMAT] [FILTER]} prints, for every shared trace: the default line and a format over event,
 * process and fd fields, with and without a filter.
 */
class InspectCommandIT {

  static final String FORMAT = "*%evt.num %evt.time %evt.rawtime %evt.cpu %proc.name %thread.tid"
      + " %evt.dir %evt.type %evt.rawarg.res %evt.arg.flags %evt.arg.name %evt.arg.res %evt.arg.prot"
      + " %evt.arg.size %evt.arg.data %evt.arg.tuple %evt.arg.addr";

  static Stream<Path> traces() throws Exception {
    String shared = System.getProperty("falco4j.shared.dir");
    try (Stream<Path> s = Files.list(Path.of(shared, "traces"))) {
      return s.filter(p -> p.toString().endsWith(".scap")).sorted().toList().stream();
    }
  }

  static String sysdig(List<String> args) throws Exception {
    Path bin = Path.of("/usr/bin/sysdig");
    boolean ci = "true".equalsIgnoreCase(System.getenv("CI"))
        || "true".equalsIgnoreCase(System.getProperty("falco4j.ci"));
    if (!Files.isExecutable(bin)) {
      if (ci) {
        throw new AssertionError("sysdig is required under CI=true");
      }
      Assumptions.abort("sysdig is not installed");
    }
    List<String> cmd = new ArrayList<>();
    cmd.add(bin.toString());
    cmd.addAll(args);
    Path errors = Files.createTempFile("sysdig", ".stderr");
    try {
      Process p = new ProcessBuilder(cmd).redirectError(errors.toFile()).start();
      ByteArrayOutputStream o = new ByteArrayOutputStream();
      try (InputStream in = p.getInputStream()) {
        in.transferTo(o);
      }
      assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("sysdig finished: %s", cmd).isTrue();
      // a trace sysdig refuses must fail here with its reason, not as an empty output later
      assertThat(p.exitValue()).as("sysdig's exit code for %s; its stderr: %s", cmd,
          Files.readString(errors)).isZero();
      return o.toString(StandardCharsets.UTF_8);
    } finally {
      Files.deleteIfExists(errors);
    }
  }

  @ParameterizedTest
  @MethodSource("traces")
  void sameOutputAsSysdig(Path trace) throws Exception {
    assertSame(trace, List.of());
    assertSame(trace, List.of("-p", FORMAT));
    assertSame(trace, List.of("-p", "%evt.num %fd.name %evt.arg.res", "evt.type in (open,"
        + " openat, read, connect, sendto) and evt.dir=<"));
  }

  private static void assertSame(Path trace, List<String> args) throws Exception {
    List<String> theirArgs = new ArrayList<>(List.of("-r", trace.toString()));
    theirArgs.addAll(args);
    String theirs = sysdig(theirArgs);
    StringWriter out = new StringWriter();
    List<String> ours = new ArrayList<>(List.of("inspect", "--sysdig-tables", trace.toString()));
    ours.addAll(args);
    assertThat(FalcoCommand.execute(new PrintWriter(out, true),
        new PrintWriter(new StringWriter(), true), ours.toArray(new String[0]))).isZero();
    assertThat(out.toString()).as("falco %s", ours).isEqualTo(theirs);
  }
}
