package dev.falco4j.core.engine;

import dev.falco4j.core.config.ConfigException;
import dev.falco4j.core.config.FalcoConfig;
import dev.falco4j.core.event.EventView;
import dev.falco4j.core.field.EvalContext;
import dev.falco4j.core.rules.ItemKind;
import dev.falco4j.core.rules.LoadedRules;
import dev.falco4j.core.rules.PositionedText;
import dev.falco4j.core.rules.ProblemCode;
import dev.falco4j.core.rules.ResolvedRule;
import dev.falco4j.core.rules.RuleDefinition;
import dev.falco4j.core.rules.RulesInput;
import dev.falco4j.core.rules.RulesLoadException;
import dev.falco4j.core.rules.RulesLoader;
import dev.falco4j.core.rules.RulesProblem;
import dev.falco4j.core.rules.RulesResolver;
import dev.falco4j.dsl.CompileResult;
import dev.falco4j.dsl.CompiledCondition;
import dev.falco4j.dsl.ConditionCompiler;
import dev.falco4j.dsl.Diagnostic;
import dev.falco4j.dsl.compile.FieldResolver;
import dev.falco4j.output.Alert;
import dev.falco4j.output.OutputDispatcher;
import dev.falco4j.output.Priority;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.ToIntFunction;

/**
 * Falco's rules engine: rules loaded from files or strings, compiled against a field catalog and
 * indexed by event type, evaluated on events, raising {@link Alert}s.
 *
 * <pre>{@code
 * Engine engine = Engine.builder()
 *     .rulesFile(Path.of("rules.yaml"))
 *     .fields(catalog)                      // the FieldResolver of falco-core's field catalog
 *     .onAlert(alert -> System.out.println(alert.output()))
 *     .build();                             // RulesLoadException lists every problem
 * EventLoop.replay(engine, Path.of("trace.scap"));   // or engine.process(ctx) per event
 * }</pre>
 *
 * <p>Per event, only the rules whose conditions can match the event's type run, in load order;
 * with {@link RuleMatching#FIRST} the first match raises the only alert. Rules below the priority
 * threshold, disabled in the files, or disabled by a {@link RuleSelection} do not run.
 *
 * <p><b>Thread-safety:</b> evaluation ({@link #process}) is single-threaded: one thread feeds an
 * engine its events (compiled conditions keep per-evaluation buffers). {@link #select} may be
 * called from any thread; the change is published atomically and applies from the next event.
 * Counters are read without locking. Two engines in one JVM share nothing.
 */
public final class Engine {
  private final List<EngineRule> rules;
  private final Map<String, EngineRule> byName;
  private final List<RulesProblem> warnings;
  private final LoadedRules loaded;
  private final RulesResolver.Result resolved;
  private final FieldResolver<EvalContext> fields;
  private final EngineSettings settings;
  private final String hostname;
  private final List<Consumer<Alert>> listeners;
  private final OutputDispatcher dispatcher;
  private final boolean measureTime;
  private final int eventTypeCount;
  private final ToIntFunction<EventView> eventTypeOf;
  private volatile EngineRule[][] index;
  private volatile EngineRule[] wildcardRules;
  private long alerts;
  private long events;

  private Engine(Builder b, LoadedRules loaded, RulesResolver.Result resolved, List<EngineRule> rules,
      List<RulesProblem> warnings) {
    this.loaded = loaded;
    this.resolved = resolved;
    this.rules = List.copyOf(rules);
    Map<String, EngineRule> names = new LinkedHashMap<>();
    for (EngineRule r : rules) {
      names.put(r.name(), r);
    }
    this.byName = Collections.unmodifiableMap(names);
    this.warnings = List.copyOf(warnings);
    this.fields = b.fields;
    this.settings = b.settings;
    this.hostname = b.hostname != null ? b.hostname : HostName.detect();
    this.listeners = List.copyOf(b.listeners);
    this.dispatcher = b.dispatcher;
    this.measureTime = b.measureTime;
    this.eventTypeCount = b.fields.eventTypeCount();
    this.eventTypeOf = b.eventTypeOf;
    for (RuleSelection s : b.settings.selections()) {
      applySelection(s);
    }
    rebuildIndex();
  }

  /** Starts building an engine. */
  public static Builder builder() {
    return new Builder();
  }

  // ------------------------------------------------------------------ evaluation

  /**
   * Evaluates the current event of {@code ctx} (the event already applied to the state) and
   * raises alerts for matching rules.
   *
   * @return the number of alerts raised
   */
  public int process(EvalContext ctx) {
    events++;
    int type = eventTypeOf.applyAsInt(ctx.event());
    EngineRule[][] idx = index;
    EngineRule[] candidates = type >= 0 && type < idx.length ? idx[type] : wildcardRules;
    int raised = 0;
    for (EngineRule rule : candidates) {
      boolean match;
      if (measureTime) {
        long t0 = System.nanoTime();
        match = rule.condition.test(ctx);
        rule.nanos += System.nanoTime() - t0;
      } else {
        match = rule.condition.test(ctx);
      }
      rule.evaluations++;
      if (match) {
        rule.matches++;
        emit(rule, ctx);
        raised++;
        if (settings.ruleMatching() == RuleMatching.FIRST) {
          break;
        }
      }
    }
    return raised;
  }

  private void emit(EngineRule rule, EvalContext ctx) {
    Map<String, Object> values = rule.output.values(ctx);
    for (Map.Entry<String, OutputFormat> e : rule.extraFields.entrySet()) {
      OutputFormat f = e.getValue();
      List<String> keys = f.fieldKeys();
      // A plain field keeps its typed value; a composite format gives its text.
      if (keys.size() == 1 && f.template().equals("%" + keys.get(0))) {
        values.put(e.getKey(), f.values(ctx).get(keys.get(0)));
      } else {
        values.put(e.getKey(), f.format(ctx));
      }
    }
    Alert alert = Alert.builder()
        .epochNanos(ctx.event().timestamp())
        .rule(rule.name())
        .priority(rule.priority())
        .source(rule.source())
        .output(rule.output.format(ctx))
        .outputFields(values)
        .tags(rule.tags())
        .hostname(hostname)
        .build();
    deliver(alert);
  }

  /** Counts an alert and hands it to the listeners and the dispatcher, on the calling thread. */
  void deliver(Alert alert) {
    alerts++;
    for (Consumer<Alert> l : listeners) {
      l.accept(alert);
    }
    if (dispatcher != null) {
      dispatcher.submit(alert);
    }
  }

  // ------------------------------------------------------------------ replicas (ParallelReplay)

  /**
   * A copy of this engine for another evaluating thread ({@link ParallelReplay}): the same resolved
   * rules compiled again (compiled conditions and outputs keep per-evaluation buffers, so threads
   * cannot share them), the same fields, settings, host name, timing and rule enablement; its
   * alerts go to {@code alertSink} only, on the replica's thread. The field resolver must hand out a
   * new accessor per resolution, as {@link dev.falco4j.core.field.FieldCatalog} does.
   */
  Engine replica(Consumer<Alert> alertSink) {
    Builder b = new Builder();
    b.fields = fields;
    b.settings = settings;
    b.hostname = hostname;
    b.measureTime = measureTime;
    b.eventTypeOf = eventTypeOf;
    b.listeners.add(alertSink);
    List<RulesProblem> problems = new ArrayList<>();
    RuleCompiler compiler = new RuleCompiler(fields, settings, resolved, problems);
    List<EngineRule> compiled = new ArrayList<>(rules.size());
    for (ResolvedRule r : resolved.rules()) {
      EngineRule e = compiler.compile(r, compiled.size());
      if (e != null) {
        compiled.add(e);
      }
    }
    if (compiled.size() != rules.size()) {
      throw new IllegalStateException("the rules compiled to " + compiled.size()
          + " rules for another thread, " + rules.size() + " the first time");
    }
    Engine copy = new Engine(b, loaded, resolved, compiled, warnings);
    synchronized (this) {
      // Selections made on this engine since it was built (select()) apply to the copy too.
      for (int i = 0; i < rules.size(); i++) {
        copy.rules.get(i).enabled = rules.get(i).enabled;
      }
    }
    copy.rebuildIndex();
    return copy;
  }

  /**
   * Adds the counters of a replica (events, and per rule evaluations, matches and time) to this
   * engine's, so that a run split over replicas reports what one engine would have counted.
   * Alerts are not added: they are counted when {@link #deliver delivered} through this engine.
   */
  void addCounters(Engine replica) {
    events += replica.events;
    for (int i = 0; i < rules.size(); i++) {
      EngineRule mine = rules.get(i);
      EngineRule theirs = replica.rules.get(i);
      mine.evaluations += theirs.evaluations;
      mine.matches += theirs.matches;
      mine.nanos += theirs.nanos;
    }
  }

  // ------------------------------------------------------------------ rules

  /** Every loaded rule in load order (enabled or not). */
  public List<EngineRule> rules() {
    return rules;
  }

  /** A rule by name, or null. */
  public EngineRule rule(String name) {
    return byName.get(name);
  }

  /** The rules definitions as loaded (lists, macros, rules, required versions). */
  public LoadedRules loadedRules() {
    return loaded;
  }

  /** Warnings found while loading and compiling (errors make {@link Builder#build} fail). */
  public List<RulesProblem> warnings() {
    return warnings;
  }

  /** The settings in effect. */
  public EngineSettings settings() {
    return settings;
  }

  /** The host name put in alerts. */
  public String hostname() {
    return hostname;
  }

  /**
   * Enables or disables the rules a selection matches; takes effect from the next event. Safe to
   * call from any thread.
   *
   * @return the number of rules the selection matched
   */
  public synchronized int select(RuleSelection selection) {
    int n = applySelection(selection);
    rebuildIndex();
    return n;
  }

  /** Whether a rule runs: enabled and at or above the priority threshold. */
  public boolean isActive(EngineRule rule) {
    return rule.enabled && rule.priority().isAtLeast(settings.minimumPriority());
  }

  /** The rules that run, in load order. */
  public List<EngineRule> activeRules() {
    List<EngineRule> out = new ArrayList<>();
    for (EngineRule r : rules) {
      if (isActive(r)) {
        out.add(r);
      }
    }
    return out;
  }

  /**
   * The event types the active rules can match, numbered as the field resolver numbers them (event
   * table ids, then generic system calls): what a live source must deliver for the rules, to which
   * the state tracker's own needs are added for kernel-side selection. Every type when some rule
   * can match any event.
   */
  public BitSet ruleEventTypes() {
    BitSet types = new BitSet(eventTypeCount);
    for (EngineRule r : activeRules()) {
      if (r.condition.matchesAllEventTypes()) {
        types.set(0, eventTypeCount);
        return types;
      }
      types.or(r.condition.eventTypes());
    }
    return types;
  }

  /** Counters of every rule, in load order. */
  public List<RuleStats> stats() {
    List<RuleStats> out = new ArrayList<>(rules.size());
    for (EngineRule r : rules) {
      out.add(r.stats());
    }
    return out;
  }

  /** Events evaluated so far. */
  public long eventsProcessed() {
    return events;
  }

  /** Alerts raised so far. */
  public long alertsRaised() {
    return alerts;
  }

  /**
   * Compiles one condition, with the loaded macros and lists, against the engine's fields: for
   * tests and tools ("does this condition match this event?").
   *
   * @throws RulesLoadException with positioned problems when it does not parse or compile
   */
  public CompiledCondition<EvalContext> compileCondition(String condition) throws RulesLoadException {
    RuleDefinition probe = new RuleDefinition("<condition>", "", PositionedText.of(condition, "<condition>"),
        PositionedText.of("", "<output>"), Priority.DEBUG, "syscall", true, List.of(), List.of(),
        false, false, false, 0, PositionedText.of(condition, "<condition>").span());
    Map<String, RuleDefinition> only = Map.of(probe.name(), probe);
    LoadedRules single = new LoadedRules(loaded.lists(), loaded.macros(), only,
        loaded.requiredEngineVersion(), loaded.requiredPluginVersions(), loaded.files(), List.of());
    RulesResolver.Result resolved = new RulesResolver().resolve(single);
    List<RulesProblem> errors = new ArrayList<>();
    for (RulesProblem p : resolved.problems()) {
      if (p.isError()) {
        errors.add(p);
      }
    }
    if (!errors.isEmpty() || resolved.rules().isEmpty()) {
      throw new RulesLoadException(errors);
    }
    ResolvedRule r = resolved.rules().get(0);
    CompileResult<EvalContext> c = ConditionCompiler.create(fields).compile(r.expr());
    if (!c.ok()) {
      for (Diagnostic d : c.errors()) {
        errors.add(resolved.problem(ProblemCode.COMPILE_CONDITION, d.span(), ItemKind.RULE,
            "<condition>", d.message()));
      }
      throw new RulesLoadException(errors);
    }
    return c.condition();
  }

  private int applySelection(RuleSelection s) {
    int n = 0;
    for (EngineRule r : rules) {
      if (s.selects(r.name(), r.tags())) {
        r.enabled = s.enable();
        n++;
      }
    }
    return n;
  }

  private void rebuildIndex() {
    List<EngineRule> active = activeRules();
    EngineRule[][] idx = new EngineRule[eventTypeCount][];
    List<EngineRule> bucket = new ArrayList<>();
    for (int t = 0; t < eventTypeCount; t++) {
      bucket.clear();
      for (EngineRule r : active) {
        if (r.condition.canMatchEventType(t)) {
          bucket.add(r);
        }
      }
      idx[t] = bucket.toArray(new EngineRule[0]);
    }
    List<EngineRule> wild = new ArrayList<>();
    for (EngineRule r : active) {
      if (r.condition.matchesAllEventTypes()) {
        wild.add(r);
      }
    }
    wildcardRules = wild.toArray(new EngineRule[0]);
    index = idx;
  }

  // ------------------------------------------------------------------ building

  /** Builds an {@link Engine}; not thread-safe. */
  public static final class Builder {
    private final List<RulesInput> inputs = new ArrayList<>();
    private LoadedRules loaded;
    private FieldResolver<EvalContext> fields;
    private EngineSettings settings = EngineSettings.DEFAULTS;
    private final List<RuleSelection> extraSelections = new ArrayList<>();
    private String hostname;
    private final List<Consumer<Alert>> listeners = new ArrayList<>();
    private OutputDispatcher dispatcher;
    private boolean measureTime;
    private ToIntFunction<EventView> eventTypeOf = EventView::type;

    private Builder() {}

    /**
     * How to get an event's type id in the field catalog's id space (the ids its {@code
     * eventTypeIds} returns), used to pick candidate rules; by default the event header's type.
     * Falco4J's catalog maps generic syscall events to ids of their own: pass {@code
     * catalog::eventTypeId}.
     */
    public Builder eventTypeOf(ToIntFunction<EventView> function) {
      this.eventTypeOf = Objects.requireNonNull(function, "function");
      return this;
    }

    /** Adds a rules file or directory (loaded in the order added). */
    public Builder rulesFile(Path path) {
      inputs.add(RulesInput.path(path));
      return this;
    }

    /** Adds rules text; {@code name} stands for the file name in messages. */
    public Builder rulesString(String name, String yaml) {
      inputs.add(RulesInput.string(name, yaml));
      return this;
    }

    /** Uses rules already loaded (instead of files and strings). */
    public Builder rules(LoadedRules rules) {
      this.loaded = rules;
      return this;
    }

    /** The field catalog conditions and outputs are compiled against (required). */
    public Builder fields(FieldResolver<EvalContext> resolver) {
      this.fields = resolver;
      return this;
    }

    /** Engine settings (priority threshold, rule matching, selections, append_output). */
    public Builder settings(EngineSettings value) {
      this.settings = Objects.requireNonNull(value, "settings");
      return this;
    }

    /** Reads the engine settings from a configuration ({@code priority}, {@code rules}, ...). */
    public Builder config(FalcoConfig config) throws ConfigException {
      this.settings = EngineSettings.from(config);
      return this;
    }

    /** Adds a selection applied after those of the settings. */
    public Builder select(RuleSelection selection) {
      extraSelections.add(Objects.requireNonNull(selection, "selection"));
      return this;
    }

    /** The host name put in alerts (default: FALCO_HOSTNAME, else this host's name). */
    public Builder hostname(String value) {
      this.hostname = value;
      return this;
    }

    /** Calls {@code listener} on the evaluating thread for every alert. */
    public Builder onAlert(Consumer<Alert> listener) {
      listeners.add(Objects.requireNonNull(listener, "listener"));
      return this;
    }

    /** Submits every alert to an output dispatcher (sinks). */
    public Builder dispatcher(OutputDispatcher value) {
      this.dispatcher = value;
      return this;
    }

    /** Whether to measure time spent per rule (two clock reads per evaluation). */
    public Builder measureTime(boolean value) {
      this.measureTime = value;
      return this;
    }

    /**
     * Loads, resolves and compiles the rules.
     *
     * @throws RulesLoadException carrying every error (and warning) found
     */
    public Engine build() throws RulesLoadException {
      if (fields == null) {
        throw new IllegalStateException("Engine.builder().fields(...) is required");
      }
      if (!extraSelections.isEmpty()) {
        settings = settings.withSelections(extraSelections);
        extraSelections.clear();
      }
      LoadedRules rules = loaded != null ? loaded : RulesLoader.create().load(inputs);
      List<RulesProblem> problems = new ArrayList<>(rules.problems());
      if (rules.hasErrors()) {
        throw new RulesLoadException(problems);
      }
      RulesResolver.Result resolved = new RulesResolver().resolve(rules);
      problems.addAll(resolved.problems());
      List<EngineRule> compiled = new ArrayList<>();
      RuleCompiler compiler = new RuleCompiler(fields, settings, resolved, problems);
      for (ResolvedRule r : resolved.rules()) {
        EngineRule e = compiler.compile(r, compiled.size());
        if (e != null) {
          compiled.add(e);
        }
      }
      for (RulesProblem p : problems) {
        if (p.isError()) {
          throw new RulesLoadException(problems);
        }
      }
      return new Engine(this, rules, resolved, compiled, problems);
    }
  }
}
