package dev.falco4j.output.testing;

import dev.falco4j.output.Alert;
import dev.falco4j.output.Priority;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Sample alerts for tests. */
public final class Alerts {
  private Alerts() {}

  /** 2026-11-28T01:02:03.000000042Z. */
  public static final long TIME = 1_795_827_723_000_000_042L;

  /** A typical "Terminal shell in container"-like alert numbered {@code n}. */
  public static Alert sample(int n) {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("proc.name", "bash");
    fields.put("proc.pid", (long) (1000 + n));
    fields.put("fd.name", null);
    return Alert.builder()
        .epochNanos(TIME + n)
        .rule("Terminal shell")
        .priority(Priority.WARNING)
        .source("syscall")
        .output("A shell was spawned (proc.name=bash proc.pid=" + (1000 + n) + " n=" + n + ")")
        .outputFields(fields)
        .tags(List.of("shell", "mitre_execution"))
        .hostname("host1")
        .build();
  }
}
