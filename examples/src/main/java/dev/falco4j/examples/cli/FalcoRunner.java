package dev.falco4j.examples.cli;

import dev.falco4j.core.config.ConfigException;
import dev.falco4j.core.config.ConfigLoader;
import dev.falco4j.core.config.FalcoConfig;
import dev.falco4j.core.engine.AppendOutput;
import dev.falco4j.core.engine.Engine;
import dev.falco4j.core.engine.EngineRule;
import dev.falco4j.core.engine.EngineSettings;
import dev.falco4j.core.engine.EvaluationPartition;
import dev.falco4j.core.engine.EventLoop;
import dev.falco4j.core.engine.ParallelReplay;
import dev.falco4j.core.engine.RuleSelection;
import dev.falco4j.core.event.spi.EventSource;
import dev.falco4j.core.event.spi.EventSourceProvider;
import dev.falco4j.core.event.spi.EventSourceStats;
import dev.falco4j.core.field.FieldCatalog;
import dev.falco4j.core.rules.LoadedRules;
import dev.falco4j.core.rules.RulesInput;
import dev.falco4j.core.rules.RulesLoadException;
import dev.falco4j.core.rules.RulesLoader;
import dev.falco4j.core.rules.RulesProblem;
import dev.falco4j.core.scap.ScapFileSource;
import dev.falco4j.core.state.ProcScanner;
import dev.falco4j.output.OutputDispatcher;
import dev.falco4j.output.OutputSink;
import dev.falco4j.output.OutputsConfig;
import dev.falco4j.output.SinkCatalog;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * What the {@code falco} command does with its options: configuration (defaults, {@code -c},
 * {@code -o}), rules ({@code -r}, {@code rules_files}, or the built-in rules), then one mode:
 * validate ({@code -V}), list ({@code -L}, {@code -l}, {@code --list}, {@code --list-events}),
 * dry run, or run (replay a trace, or capture live) with alerts to the configured outputs.
 * Never throws for bad input: every problem becomes a message and Falco's exit code.
 */
final class FalcoRunner {
  /** Class-path location of the built-in rules used when no rules file is given. */
  static final String DEFAULT_RULES_RESOURCE = "/rules/falco4j_rules.yaml";
  /** System property naming the directory of local rules loaded after the built-in ones. */
  static final String CONFIG_DIR_PROPERTY = "falco4j.config.dir";

  private final FalcoOptions o;
  private final PrintWriter out;
  private final PrintWriter err;

  FalcoRunner(FalcoOptions options, PrintWriter out, PrintWriter err) {
    this.o = options;
    this.out = out;
    this.err = err;
  }

  int run() {
    try {
      return dispatch();
    } catch (UsageException e) {
      err.println("falco: " + e.getMessage());
      return ExitCodes.USAGE;
    } catch (ConfigException e) {
      err.println("falco: configuration error: " + e.getMessage());
      return ExitCodes.FAILURE;
    } catch (IOException e) {
      err.println("falco: " + e.getMessage());
      return ExitCodes.FAILURE;
    } finally {
      out.flush();
      err.flush();
    }
  }

  private int dispatch() throws ConfigException, IOException, UsageException {
    ListingFormat format = ListingFormat.parse(o.markdown ? "markdown" : o.format);
    if (o.listEvents) {
      new EventsListing(out).print(format);
      return ExitCodes.OK;
    }
    if (o.listFields != null) {
      new FieldsListing(out).print(new FieldCatalog(), o.listFields, format, o.namesOnly);
      return ExitCodes.OK;
    }
    FalcoConfig config = loadConfig();
    if (!o.validate.isEmpty()) {
      return validate(o.validate, format);
    }
    List<RulesInput> inputs = rulesInputs(config);
    Engine engine;
    try {
      engine = buildEngine(config, inputs, null);
    } catch (RulesLoadException e) {
      printProblems(e.problems());
      err.println("falco: the rules have errors; nothing was started");
      return ExitCodes.FAILURE;
    }
    printProblems(engine.warnings());
    if (o.listRules) {
      new RulesListing(out).list(engine, format);
      return ExitCodes.OK;
    }
    if (o.describeRule != null) {
      EngineRule rule = engine.rule(o.describeRule);
      if (rule == null) {
        err.println("falco: no rule named '" + o.describeRule + "' is loaded");
        return ExitCodes.FAILURE;
      }
      new RulesListing(out).describe(engine, rule, format);
      return ExitCodes.OK;
    }
    if (o.dryRun) {
      err.println("falco: dry run: configuration and " + engine.rules().size()
          + " rules loaded; not opening any event source");
      return ExitCodes.OK;
    }
    return runEngine(config, inputs);
  }

  // ------------------------------------------------------------------ configuration and rules

  private FalcoConfig loadConfig() throws ConfigException {
    List<String> overrides = new ArrayList<>(o.overrides);
    if (o.unbuffered) {
      overrides.add("buffered_outputs=false");
    }
    return ConfigLoader.create().load(o.configFile, overrides);
  }

  private List<RulesInput> rulesInputs(FalcoConfig config) throws ConfigException, IOException {
    List<RulesInput> inputs = new ArrayList<>();
    if (!o.rulesFiles.isEmpty()) {
      for (Path p : o.rulesFiles) {
        inputs.add(RulesInput.path(p));
      }
      return inputs;
    }
    for (String f : config.stringList("rules_files")) {
      inputs.add(RulesInput.path(Path.of(f)));
    }
    if (inputs.isEmpty()) {
      inputs.add(defaultRules());
      inputs.addAll(localRules());
    }
    return inputs;
  }

  /**
   * Falco's falco_rules.local.yaml pattern for the built-in rules: {@code falco4j_rules.local.yaml}
   * and then the files of {@code rules.d/} in the configuration directory ({@code /etc/falco4j}, or
   * the {@code falco4j.config.dir} system property) are loaded after them when present, so lists,
   * macros and rules can be appended to, overridden or disabled without editing the shipped file.
   */
  static List<RulesInput> localRules() {
    Path dir = Path.of(System.getProperty(CONFIG_DIR_PROPERTY, "/etc/falco4j"));
    List<RulesInput> local = new ArrayList<>();
    Path file = dir.resolve("falco4j_rules.local.yaml");
    if (Files.isRegularFile(file)) {
      local.add(RulesInput.path(file));
    }
    Path rulesDir = dir.resolve("rules.d");
    if (Files.isDirectory(rulesDir)) {
      local.add(RulesInput.path(rulesDir));
    }
    return local;
  }

  static RulesInput defaultRules() throws IOException {
    try (InputStream in = FalcoRunner.class.getResourceAsStream(DEFAULT_RULES_RESOURCE)) {
      if (in == null) {
        throw new IOException("the built-in rules " + DEFAULT_RULES_RESOURCE
            + " are missing from the class path; give rules with -r");
      }
      return RulesInput.string("<built-in rules>/falco4j_rules.yaml",
          new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
  }

  private Engine buildEngine(FalcoConfig config, List<RulesInput> inputs, OutputDispatcher dispatcher)
      throws ConfigException, RulesLoadException {
    EngineSettings settings = EngineSettings.from(config);
    List<RuleSelection> legacy = new ArrayList<>();
    if (!o.onlyTags.isEmpty()) {
      legacy.add(RuleSelection.disableRule("*"));
      for (String tag : o.onlyTags) {
        legacy.add(RuleSelection.enableTag(tag));
      }
    }
    for (String tag : o.disableTags) {
      legacy.add(RuleSelection.disableTag(tag));
    }
    for (String pattern : o.disablePatterns) {
      // Falco's -D disables rules whose name contains the text; wildcards work as in rules: keys.
      legacy.add(RuleSelection.disableRule(pattern.contains("*") ? pattern : "*" + pattern + "*"));
    }
    settings = settings.withSelections(legacy);
    if (o.appendFormat != null) {
      List<AppendOutput> appends = new ArrayList<>(settings.appendOutputs());
      appends.add(AppendOutput.everywhere(expandAppendFormat(o.appendFormat)));
      settings = new EngineSettings(settings.minimumPriority(), settings.ruleMatching(),
          settings.selections(), appends);
    }
    FieldCatalog catalog = new FieldCatalog();
    LoadedRules loaded = RulesLoader.create().load(inputs);
    Engine.Builder b = Engine.builder().rules(loaded).fields(catalog)
        .eventTypeOf(catalog::eventTypeId).settings(settings);
    if (dispatcher != null) {
      b.dispatcher(dispatcher);
    }
    return b.build();
  }

  /** {@code -pc}/{@code -pk} are Falco's shorthands for container and Kubernetes fields. */
  static String expandAppendFormat(String format) {
    return switch (format) {
      case "c", "container" -> "container_id=%container.id container_name=%container.name";
      case "k", "kubernetes" -> "k8s_ns=%k8s.ns.name k8s_pod=%k8s.pod.name"
          + " container_id=%container.id";
      default -> format;
    };
  }

  // ------------------------------------------------------------------ -V

  private int validate(List<Path> paths, ListingFormat format) {
    List<RulesInput> inputs = new ArrayList<>();
    for (Path p : paths) {
      inputs.add(RulesInput.path(p));
    }
    LoadedRules loaded = RulesLoader.create().load(inputs);
    List<RulesProblem> problems = new ArrayList<>(loaded.problems());
    if (!loaded.hasErrors()) {
      // Resolve and compile too: undefined macros, type errors and unknown fields are errors.
      try {
        FieldCatalog catalog = new FieldCatalog();
        Engine engine = Engine.builder().rules(loaded).fields(catalog)
            .eventTypeOf(catalog::eventTypeId).build();
        problems = new ArrayList<>(engine.warnings());
      } catch (RulesLoadException e) {
        problems = new ArrayList<>(e.problems());
      }
    }
    boolean ok = problems.stream().noneMatch(RulesProblem::isError);
    if (format == ListingFormat.JSON) {
      out.println(ValidationJson.render(loaded.files(), problems, ok));
    } else {
      out.println("Validating rules file(s):");
      for (String f : loaded.files()) {
        out.println("   " + f);
      }
      for (RulesProblem p : problems) {
        out.println(p.render());
      }
      long errors = problems.stream().filter(RulesProblem::isError).count();
      long warnings = problems.size() - errors;
      out.println((ok ? String.join(", ", loaded.files()) + ": Ok" : "Invalid")
          + (errors + warnings > 0 ? " (" + errors + " errors, " + warnings + " warnings)" : ""));
    }
    return ok ? ExitCodes.OK : ExitCodes.FAILURE;
  }

  // ------------------------------------------------------------------ run

  private int runEngine(FalcoConfig config, List<RulesInput> inputs)
      throws ConfigException, IOException {
    String captureFile = o.trace != null ? o.trace.toString() : null;
    String kind = config.string("engine.kind", "modern_ebpf").toLowerCase(Locale.ROOT);
    if (captureFile == null && kind.equals("replay")) {
      captureFile = config.string("replay.capture_file", "");
      if (captureFile.isBlank()) {
        throw new ConfigException("engine.kind is replay but replay.capture_file is not set");
      }
    }
    List<OutputSink> sinks;
    try {
      sinks = SinkCatalog.discover(FalcoRunner.class.getClassLoader()).createEnabled(config.root());
    } catch (RuntimeException e) {
      throw new ConfigException("outputs: " + e.getMessage(), e);
    }
    OutputDispatcher dispatcher = OutputDispatcher.builder().sinks(sinks)
        .config(OutputsConfig.fromConfig(config.root())).build();
    Engine engine;
    try {
      engine = buildEngine(config, inputs, dispatcher);
    } catch (RulesLoadException e) {
      dispatcher.close();
      printProblems(e.problems());
      return ExitCodes.FAILURE;
    }
    // The engine comes first so that live capture can be narrowed to the event types it needs.
    EventSource opened = captureFile != null ? openTrace(Path.of(captureFile)) : openLive(engine, config);
    if (opened == null) {
      dispatcher.close();
      return ExitCodes.FAILURE;
    }
    EventSource source = opened;
    RecordingEventSource recorder = null;
    if (o.writeTrace != null) {
      try {
        source = recorder = RecordingEventSource.record(opened, o.writeTrace);
      } catch (IOException e) {
        opened.close();
        dispatcher.close();
        throw e;
      }
    }
    EventLoop loop = new EventLoop(engine);
    if (captureFile == null) {
      // The probe's initial state holds no processes: scan /proc (after capture started, so that
      // nothing falls between the scan and the first event) to know parents that already ran.
      // A recording gets the scanned processes and fds as its process and fd lists.
      RecordingEventSource seededRecorder = recorder;
      loop.afterSeeding(state -> {
        new ProcScanner(Path.of("/proc")).scanInto(state, state.bootTimeNs());
        if (seededRecorder != null) {
          seededRecorder.seeded(state);
        }
      });
      // Like Falco's start-up lines: say that capture runs, or an alert-free host looks like a hang.
      err.println("falco: watching this host live (eBPF probe) with " + engine.rules().size()
          + " rules" + (o.writeTrace != null ? ", recording to " + o.writeTrace : "")
          + "; Ctrl-C stops and prints a summary");
      err.flush();
    }
    ParallelReplay parallel = parallelReplay(config, engine, captureFile);
    if (o.maxSeconds != null) {
      loop.maxDuration(Duration.ofSeconds(o.maxSeconds));
      if (parallel != null) {
        parallel.maxDuration(Duration.ofSeconds(o.maxSeconds));
      }
    }
    // Ctrl-C / SIGTERM: stop the loop, then let this thread close the source, drain the outputs
    // and print the summary before the JVM halts (it halts as soon as the hooks return).
    CountDownLatch finished = new CountDownLatch(1);
    Thread stopper = new Thread(() -> {
      loop.stop();
      if (parallel != null) {
        parallel.stop();
      }
      try {
        finished.await(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "falco-shutdown");
    Runtime.getRuntime().addShutdownHook(stopper);
    stopOnSigint();
    try {
      EventLoop.Result result;
      EventSourceStats stats;
      try (EventSource running = source) {
        if (parallel != null) {
          Path trace = Path.of(captureFile);
          result = parallel.run(running, () -> ScapFileSource.open(trace));
        } else {
          result = loop.run(running);
        }
        stats = running.stats();
      } finally {
        dispatcher.close(Duration.ofSeconds(5));
      }
      printSummary(engine, result, stats);
      if (recorder != null) {
        err.println("falco: " + recorder.report().summary());
        if (recorder.metadataStringsCut() > 0) {
          err.println("falco: " + recorder.metadataStringsCut() + " strings of the trace's process,"
              + " fd and user lists cut to the lengths libscap reads (a longer one makes sysdig"
              + " refuse the whole trace)");
        }
      }
      return ExitCodes.OK;
    } finally {
      out.flush();
      err.flush();
      finished.countDown();
      try {
        Runtime.getRuntime().removeShutdownHook(stopper);
      } catch (IllegalStateException e) {
        // the JVM is already shutting down: the hook runs anyway
      }
    }
  }

  /**
   * {@code engine.eval_threads} (default 1: the single-threaded loop) and {@code
   * engine.eval_partition} ({@code process} or {@code event}): rule evaluation of a trace replay
   * spread over threads, with the alerts of one thread (see {@link ParallelReplay}); null when one
   * thread evaluates. Live capture and recording ({@code -w}) stay on one thread: the probe cannot be
   * read twice, and a recording is written by the one reader.
   */
  private ParallelReplay parallelReplay(FalcoConfig config, Engine engine, String captureFile)
      throws ConfigException {
    long threads = config.integer("engine.eval_threads", 1);
    if (threads < 1 || threads > 256) {
      throw new ConfigException("configuration key 'engine.eval_threads' must be 1 to 256, got "
          + threads);
    }
    EvaluationPartition partition;
    try {
      partition = EvaluationPartition.parse(config.string("engine.eval_partition", "process"));
    } catch (IllegalArgumentException e) {
      throw new ConfigException("configuration key 'engine.eval_partition': " + e.getMessage());
    }
    if (threads == 1) {
      return null;
    }
    if (captureFile == null || o.writeTrace != null) {
      err.println("falco: engine.eval_threads=" + threads + " applies to trace replay only"
          + (captureFile == null ? "; live capture evaluates on one thread" : "; not with -w"));
      return null;
    }
    return new ParallelReplay(engine, (int) threads).partition(partition);
  }

  private EventSource openTrace(Path trace) {
    if (!Files.isRegularFile(trace)) {
      err.println("falco: cannot open trace " + trace + ": no such file");
      return null;
    }
    try {
      return ScapFileSource.open(trace);
    } catch (IOException e) {
      err.println("falco: cannot open trace " + trace + ": " + e.getMessage());
      return null;
    }
  }

  private EventSource openLive(Engine engine, FalcoConfig config) throws ConfigException {
    Map<String, String> options = new HashMap<>(LiveSelection.options(engine, o.allEvents));
    options.put("ring_bytes_per_cpu", Integer.toString(ProbeBufferPreset.ringBytesPerCpu(config)));
    for (EventSourceProvider p : ServiceLoader.load(EventSourceProvider.class)) {
      if (p.name().equals("live")) {
        try {
          return p.open("live", options);
        } catch (IOException | RuntimeException e) {
          err.println("falco: live capture is not available: " + e.getMessage());
          err.println("  instead: replay a recorded trace with  falco -e TRACE.scap");
          return null;
        }
      }
    }
    err.println("falco: live capture is not available in this build.");
    err.println("  missing: the eBPF probe and its loader (module falco-probe-native).");
    err.println("  instead: replay a recorded trace with  falco -e TRACE.scap");
    return null;
  }

  /**
   * Ctrl-C (SIGINT) must stop the monitor even when it was started with SIGINT ignored, as a
   * background job of a non-interactive shell is: the JVM keeps an inherited "ignore" and then never
   * runs its shutdown hooks. Like Falco, which installs its own handler, reset the disposition with
   * libc's signal(2) and take the signal explicitly: it starts the JVM's orderly shutdown, whose hook
   * stops the loop and waits for the summary (exit status 130, as for the default action).
   */
  private static void stopOnSigint() {
    if (!sigintIgnored()) {
      // The usual case: the JVM's own SIGINT handling already runs the shutdown hooks. Loading
      // the native binding costs ~0.2 s of start-up, so it is only paid when needed.
      return;
    }
    try {
      LibC libc = jnr.ffi.LibraryLoader.create(LibC.class).load("c");
      libc.signal(SIGINT, SIG_DFL);
      sun.misc.Signal.handle(new sun.misc.Signal("INT"), signal -> System.exit(128 + signal.getNumber()));
    } catch (UnsatisfiedLinkError | IllegalArgumentException e) {
      // no libc to call or the JVM reserves SIGINT (-Xrs): the inherited disposition remains
    }
  }

  /** Whether this process inherited "ignore" for SIGINT (bit 1 of SigIgn in /proc/self/status). */
  static boolean sigintIgnored() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("SigIgn:")) {
          long mask = Long.parseUnsignedLong(line.substring(7).trim(), 16);
          return (mask & (1L << (SIGINT - 1))) != 0;
        }
      }
    } catch (IOException | RuntimeException e) {
      // no /proc: assume the worst and reset the disposition
    }
    return true;
  }

  private static final int SIGINT = 2;
  private static final long SIG_DFL = 0;

  /** The one libc call needed to undo an inherited SIG_IGN. */
  public interface LibC {
    /** signal(2); the handler is a pointer-sized value (SIG_DFL is 0). */
    long signal(int signum, long handler);
  }

  /** Falco's end-of-run summary. */
  private void printSummary(Engine engine, EventLoop.Result result, EventSourceStats stats) {
    out.println("Events detected: " + result.alerts());
    out.println("Rule counts by severity:");
    TreeMap<Integer, Long> bySeverity = new TreeMap<>();
    Map<String, Long> byRule = new java.util.LinkedHashMap<>();
    for (EngineRule r : engine.rules()) {
      long m = r.stats().matches();
      if (m > 0) {
        bySeverity.merge(r.priority().ordinal(), m, Long::sum);
        byRule.put(r.name(), m);
      }
    }
    for (Map.Entry<Integer, Long> e : bySeverity.entrySet()) {
      out.println("   " + dev.falco4j.output.Priority.values()[e.getKey()].name() + ": " + e.getValue());
    }
    out.println("Triggered rules by rule name:");
    for (Map.Entry<String, Long> e : byRule.entrySet()) {
      out.println("   " + e.getKey() + ": " + e.getValue());
    }
    err.println("falco: " + result.events() + " events processed" + (result.stopped() ? " (stopped)" : "")
        + ", " + (stats.dropped() < 0 ? "drops unknown" : stats.dropped() + " dropped")
        + (stats.skipped() > 0 ? ", " + stats.skipped() + " skipped" : "")
        + (o.writeTrace != null ? ", written to " + o.writeTrace : ""));
  }

  private void printProblems(List<RulesProblem> problems) {
    LinkedHashSet<String> seen = new LinkedHashSet<>();
    for (RulesProblem p : problems) {
      String r = p.render();
      if (seen.add(r)) {
        err.println(r);
      }
    }
  }

  /** A usage problem detected after the command line was parsed (e.g. an unknown --format). */
  static final class UsageException extends Exception {
    private static final long serialVersionUID = 1L;

    UsageException(String message) {
      super(message);
    }
  }
}
