package dev.falco4j.examples.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * The {@code falco} command's Falco-compatible options, mixed into {@link FalcoCommand}. Current
 * Falco's way ({@code -o engine.kind=replay -o replay.capture_file=T}, the {@code rules:} key) and
 * the older flags scripts still use ({@code -r}, {@code -e}, {@code -D}, {@code -t}, {@code -T}).
 */
public final class FalcoOptions {

  // Falco uses -V to validate rules, so --version has no short form (unlike picocli's standard -V).
  @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
  boolean help;

  @Option(names = "--version", versionHelp = true, description = "Print the version and exit.")
  boolean version;

  @Option(names = "-r", paramLabel = "PATH",
      description = "Rules file or directory to load (repeatable, loaded in order). "
          + "Default: rules_files from the configuration, else the built-in rules followed by "
          + "/etc/falco4j/falco4j_rules.local.yaml and /etc/falco4j/rules.d/ when present.")
  List<Path> rulesFiles = new ArrayList<>();

  @Option(names = "-e", paramLabel = "TRACE",
      description = "Replay a .scap (or .scap.gz) trace instead of capturing live "
          + "(same as -o engine.kind=replay -o replay.capture_file=TRACE).")
  Path trace;

  @Option(names = "-w", paramLabel = "FILE",
      description = "Also write every event seen (live or replayed) to this .scap trace "
          + "(.gz: compressed); replay it later with -e FILE.")
  Path writeTrace;

  @Option(names = "-c", paramLabel = "FILE",
      description = "Configuration file (falco.yaml); its keys replace the built-in defaults.")
  Path configFile;

  @Option(names = "-o", paramLabel = "KEY=VALUE",
      description = "Set a configuration key (repeatable), dotted path: -o json_output=true, "
          + "-o rules_files[]=my.yaml, -o 'rules=[{disable: {tag: network}}]'.")
  List<String> overrides = new ArrayList<>();

  @Option(names = "-V", paramLabel = "PATH",
      description = "Validate rules files (repeatable, loaded together in order) and exit: "
          + "0 when they load without errors, 1 otherwise.")
  List<Path> validate = new ArrayList<>();

  @Option(names = "-L", description = "List the loaded rules (name and description) and exit.")
  boolean listRules;

  @Option(names = "-l", paramLabel = "RULE", description = "Describe one loaded rule and exit.")
  String describeRule;

  @Option(names = "--list", arity = "0..1", paramLabel = "SOURCE", fallbackValue = "",
      description = "List the fields usable in conditions and outputs (of SOURCE, e.g. syscall) and exit.")
  String listFields;

  @Option(names = "--list-events", description = "List the events (system calls) Falco4J knows and exit.")
  boolean listEvents;

  @Option(names = "--format", paramLabel = "FORMAT",
      description = "Format of -L, -l, --list, --list-events and -V output: text (default), markdown, json.")
  String format = "text";

  @Option(names = "--markdown", description = "With --list: markdown tables (same as --format markdown).")
  boolean markdown;

  @Option(names = "-N", description = "With --list: field names only.")
  boolean namesOnly;

  @Option(names = "-A", description = "Monitor all events, including those Falco ignores by default "
      + "(live capture; a replay always reads every event of the trace).")
  boolean allEvents;

  @Option(names = "-D", paramLabel = "PATTERN",
      description = "Disable rules whose name contains PATTERN (repeatable; * wildcards allowed).")
  List<String> disablePatterns = new ArrayList<>();

  @Option(names = "-t", paramLabel = "TAG",
      description = "Only run rules with this tag (repeatable).")
  List<String> onlyTags = new ArrayList<>();

  @Option(names = "-T", paramLabel = "TAG", description = "Disable rules with this tag (repeatable).")
  List<String> disableTags = new ArrayList<>();

  @Option(names = "-p", paramLabel = "FORMAT",
      description = "Append FORMAT to every rule's output (-pc / -pk: container / Kubernetes fields).")
  String appendFormat;

  @Option(names = "-M", paramLabel = "SECONDS", description = "Stop after SECONDS seconds.")
  Long maxSeconds;

  @Option(names = "-U", description = "Unbuffered output: write each alert out immediately.")
  boolean unbuffered;

  @Option(names = "--dry-run", description = "Load configuration and rules, open nothing, exit.")
  boolean dryRun;

  @Option(names = "--stats-interval", hidden = true, description = "Reserved.")
  String statsInterval;
}
