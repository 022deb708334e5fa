package dev.falco4j.examples.cli;

import dev.falco4j.examples.cli.CommandLineParser.Option;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code falco} command's Falco-compatible options: current Falco's way
 * ({@code -o engine.kind=replay -o replay.capture_file=T}, the {@code rules:} key) and the older
 * flags scripts still use ({@code -r}, {@code -e}, {@code -D}, {@code -t}, {@code -T}). Each field
 * sits below the {@link Option} that sets it; {@link #OPTIONS} lists them in help order and
 * {@link #from} fills the fields from parsed arguments.
 */
final class FalcoOptions {

  static final Option HELP = Option.flag("Show this help and exit.", "-h", "--help");
  boolean help;

  // Falco uses -V to validate rules, so --version has no short form.
  static final Option VERSION = Option.flag("Print the version and exit.", "--version");
  boolean version;

  static final Option RULES = Option.repeatable("PATH",
      "Rules file or directory to load (repeatable, loaded in order). "
          + "Default: rules_files from the configuration, else the built-in rules followed by "
          + "/etc/falco4j/falco4j_rules.local.yaml and /etc/falco4j/rules.d/ when present.", "-r");
  List<Path> rulesFiles = new ArrayList<>();

  static final Option TRACE = Option.value("TRACE",
      "Replay a .scap (or .scap.gz) trace instead of capturing live "
          + "(same as -o engine.kind=replay -o replay.capture_file=TRACE).", "-e");
  Path trace;

  static final Option WRITE = Option.value("FILE",
      "Also write every event seen (live or replayed) to this .scap trace "
          + "(.gz: compressed); replay it later with -e FILE.", "-w");
  Path writeTrace;

  static final Option CONFIG = Option.value("FILE",
      "Configuration file (falco.yaml); its keys replace the built-in defaults.", "-c");
  Path configFile;

  static final Option OVERRIDE = Option.repeatable("KEY=VALUE",
      "Set a configuration key (repeatable), dotted path: -o json_output=true, "
          + "-o rules_files[]=my.yaml, -o 'rules=[{disable: {tag: network}}]'.", "-o");
  List<String> overrides = new ArrayList<>();

  static final Option VALIDATE = Option.repeatable("PATH",
      "Validate rules files (repeatable, loaded together in order) and exit: "
          + "0 when they load without errors, 1 otherwise.", "-V");
  List<Path> validate = new ArrayList<>();

  static final Option LIST_RULES =
      Option.flag("List the loaded rules (name and description) and exit.", "-L");
  boolean listRules;

  static final Option DESCRIBE_RULE =
      Option.value("RULE", "Describe one loaded rule and exit.", "-l");
  String describeRule;

  static final Option LIST_FIELDS = Option.optionalValue("SOURCE", "",
      "List the fields usable in conditions and outputs (of SOURCE, e.g. syscall) and exit.",
      "--list");
  String listFields;

  static final Option LIST_EVENTS =
      Option.flag("List the events (system calls) Falco4J knows and exit.", "--list-events");
  boolean listEvents;

  static final Option FORMAT = Option.value("FORMAT",
      "Format of -L, -l, --list, --list-events and -V output: text (default), markdown, json.",
      "--format");
  String format = "text";

  static final Option MARKDOWN =
      Option.flag("With --list: markdown tables (same as --format markdown).", "--markdown");
  boolean markdown;

  static final Option NAMES_ONLY = Option.flag("With --list: field names only.", "-N");
  boolean namesOnly;

  static final Option ALL_EVENTS = Option.flag("Monitor all events, including those Falco ignores "
      + "by default (live capture; a replay always reads every event of the trace).", "-A");
  boolean allEvents;

  static final Option DISABLE_PATTERN = Option.repeatable("PATTERN",
      "Disable rules whose name contains PATTERN (repeatable; * wildcards allowed).", "-D");
  List<String> disablePatterns = new ArrayList<>();

  static final Option ONLY_TAG =
      Option.repeatable("TAG", "Only run rules with this tag (repeatable).", "-t");
  List<String> onlyTags = new ArrayList<>();

  static final Option DISABLE_TAG =
      Option.repeatable("TAG", "Disable rules with this tag (repeatable).", "-T");
  List<String> disableTags = new ArrayList<>();

  static final Option APPEND_FORMAT = Option.value("FORMAT",
      "Append FORMAT to every rule's output (-pc / -pk: container / Kubernetes fields).", "-p");
  String appendFormat;

  static final Option MAX_SECONDS = Option.value("SECONDS", "Stop after SECONDS seconds.", "-M");
  Long maxSeconds;

  static final Option UNBUFFERED =
      Option.flag("Unbuffered output: write each alert out immediately.", "-U");
  boolean unbuffered;

  static final Option DRY_RUN =
      Option.flag("Load configuration and rules, open nothing, exit.", "--dry-run");
  boolean dryRun;

  // Accepted for scripts written for Falco; not used.
  static final Option STATS_INTERVAL =
      Option.value("INTERVAL", "Reserved.", "--stats-interval").hide();
  String statsInterval;

  /** Every option, in the order {@code falco --help} lists them. */
  static final List<Option> OPTIONS = List.of(HELP, VERSION, RULES, TRACE, WRITE, CONFIG, OVERRIDE,
      VALIDATE, LIST_RULES, DESCRIBE_RULE, LIST_FIELDS, LIST_EVENTS, FORMAT, MARKDOWN, NAMES_ONLY,
      ALL_EVENTS, DISABLE_PATTERN, ONLY_TAG, DISABLE_TAG, APPEND_FORMAT, MAX_SECONDS, UNBUFFERED,
      DRY_RUN, STATS_INTERVAL);

  /**
   * The options of a parsed {@code falco} command line.
   *
   * @throws CommandLineException for a value of the wrong type (a path, a number)
   */
  static FalcoOptions from(ParsedCommandLine p) throws CommandLineException {
    FalcoOptions o = new FalcoOptions();
    o.help = p.flag(HELP);
    o.version = p.flag(VERSION);
    o.rulesFiles.addAll(p.paths(RULES));
    o.trace = p.path(TRACE);
    o.writeTrace = p.path(WRITE);
    o.configFile = p.path(CONFIG);
    o.overrides.addAll(p.values(OVERRIDE));
    o.validate.addAll(p.paths(VALIDATE));
    o.listRules = p.flag(LIST_RULES);
    o.describeRule = p.value(DESCRIBE_RULE);
    o.listFields = p.value(LIST_FIELDS);
    o.listEvents = p.flag(LIST_EVENTS);
    if (p.has(FORMAT)) {
      o.format = p.value(FORMAT);
    }
    o.markdown = p.flag(MARKDOWN);
    o.namesOnly = p.flag(NAMES_ONLY);
    o.allEvents = p.flag(ALL_EVENTS);
    o.disablePatterns.addAll(p.values(DISABLE_PATTERN));
    o.onlyTags.addAll(p.values(ONLY_TAG));
    o.disableTags.addAll(p.values(DISABLE_TAG));
    o.appendFormat = p.value(APPEND_FORMAT);
    o.maxSeconds = p.number(MAX_SECONDS);
    o.unbuffered = p.flag(UNBUFFERED);
    o.dryRun = p.flag(DRY_RUN);
    o.statsInterval = p.value(STATS_INTERVAL);
    return o;
  }
}
