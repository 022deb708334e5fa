package dev.falco4j.core.field;

import dev.falco4j.core.event.EventInfo;
import dev.falco4j.core.event.EventTable;
import dev.falco4j.core.event.EventType;
import dev.falco4j.core.event.EventView;
import dev.falco4j.core.field.spi.FieldExtractorProvider;
import dev.falco4j.dsl.compile.FieldBinding;
import dev.falco4j.dsl.compile.FieldResolver;
import dev.falco4j.dsl.compile.FieldType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

/**
 * Every field a condition or output format can use, by name, and the binding of a field reference
 * to a zero-allocation accessor. Implements the condition compiler's {@link FieldResolver}: the
 * engine compiles conditions with {@code ConditionCompiler.create(catalog)} and evaluates them on an
 * {@link EvalContext}.
 *
 * <p>Event types: {@code evt.type} values are event-table ids; generic {@code syscall} events (the
 * syscalls without a dedicated event) get the id {@code table.size() + syscall code}, so that
 * {@code evt.type = mprotect} works on them too (and {@code evt.type = finit_module} on the generic
 * events older traces have for it). {@link #eventTypeId(EventView)} gives the id of an
 * event for indexing rules.
 *
 * <p>Field names are resolved at compile time only (maps are fine here); extraction switches on
 * small integer ids.
 */
public final class FieldCatalog implements FieldResolver<EvalContext> {

  /** Generic syscall events take the ids {@code table.size() + code} for codes below this. */
  static final int MAX_SYSCALL_CODES = 1024;

  private final EventTable table;
  private final List<FieldFamily> families;
  private final Map<String, FieldDef> byName = new HashMap<>();
  private final Map<String, FieldFamily> familyOf = new HashMap<>();
  private final Map<String, int[]> typeIds = new HashMap<>();
  private final List<String> warnings = new ArrayList<>();

  /** The built-in fields over the current event table, plus plugin fields on the class path. */
  public static FieldCatalog withPlugins() {
    return new FieldCatalog(EventTable.current(), true);
  }

  /** The built-in fields over the current event table. */
  public FieldCatalog() {
    this(EventTable.current(), false);
  }

  /** The built-in fields (and plugins when asked) over the given event table. */
  public FieldCatalog(EventTable table, boolean loadPlugins) {
    this.table = table;
    List<FieldFamily> fams = new ArrayList<>(List.of(new EvtFields(), new ProcFields(),
        new ThreadFields(), new UserFields(), new GroupFields(), new FdFields(),
        new FdListFields(), new FsPathFields(), new ContainerFields(), new K8sFields()));
    if (loadPlugins) {
      fams.addAll(loadPluginFamilies());
    }
    for (FieldFamily f : fams) {
      for (FieldDef d : f.fields()) {
        FieldDef clash = byName.putIfAbsent(d.name(), d);
        if (clash != null) {
          throw new IllegalStateException("field " + d.name() + " is defined by both "
              + familyOf.get(d.name()).getClass().getName() + " and " + f.getClass().getName());
        }
        familyOf.put(d.name(), f);
      }
    }
    this.families = List.copyOf(fams);
    indexEventTypes();
  }

  private List<FieldFamily> loadPluginFamilies() {
    List<FieldFamily> out = new ArrayList<>();
    ServiceLoader<FieldExtractorProvider> loader =
        ServiceLoader.load(FieldExtractorProvider.class);
    var it = loader.iterator();
    while (true) {
      FieldExtractorProvider p;
      try {
        if (!it.hasNext()) {
          break;
        }
        p = it.next();
      } catch (ServiceConfigurationError e) {
        warnings.add("skipped a broken field extractor provider: " + e.getMessage());
        continue;
      }
      if (p.apiVersion() != FieldExtractorProvider.API_VERSION) {
        warnings.add("skipped field extractor provider " + p.name() + ": it targets API version "
            + p.apiVersion() + ", this build has " + FieldExtractorProvider.API_VERSION);
        continue;
      }
      out.add(p.create());
    }
    return out;
  }

  private void indexEventTypes() {
    Map<String, List<Integer>> ids = new LinkedHashMap<>();
    for (int id = 0; id < table.size(); id++) {
      EventInfo info = table.event(id);
      if (info == null || info.name().equals("NA")) {
        continue;
      }
      if (id == EventType.GENERIC_E || id == EventType.GENERIC_X) {
        continue;
      }
      ids.computeIfAbsent(info.name(), k -> new ArrayList<>()).add(id);
    }
    // Also for syscalls with an event of their own today: traces of sysdig 0.29's time, and what
    // falco -w writes for it, report some of them (finit_module, prctl, chown...) as generic events,
    // which evt.type names alike.
    for (int sc = 0; sc < MAX_SYSCALL_CODES; sc++) {
      String n = table.syscallName(sc);
      if (n != null) {
        ids.computeIfAbsent(n, k -> new ArrayList<>()).add(table.size() + sc);
      }
    }
    for (Map.Entry<String, List<Integer>> e : ids.entrySet()) {
      typeIds.put(e.getKey(), e.getValue().stream().mapToInt(Integer::intValue).toArray());
    }
  }

  /** Messages about plugins skipped while loading. */
  public List<String> warnings() {
    return List.copyOf(warnings);
  }

  /** The event table the catalog names event types with. */
  public EventTable eventTable() {
    return table;
  }

  /** The field classes, in {@code --list} order. */
  public List<FieldFamily> families() {
    return families;
  }

  /** The definition of a field by exact name, or null. */
  public FieldDef field(String name) {
    return byName.get(name);
  }

  @Override
  public int eventTypeCount() {
    return table.size() + MAX_SYSCALL_CODES;
  }

  @Override
  public int[] eventTypeIds(String eventName) {
    int[] ids = typeIds.get(eventName);
    return ids == null ? new int[0] : ids.clone();
  }

  /**
   * The {@code evt.type} id of an event, consistent with {@link #eventTypeIds(String)}: the table
   * id, or for generic syscall events {@code table.size() + syscall code}.
   */
  public int eventTypeId(EventView ev) {
    int type = ev.type();
    if ((type == EventType.GENERIC_E || type == EventType.GENERIC_X) && ev.paramCount() > 0
        && ev.paramLength(0) > 0) {
      long sc = ev.paramAsLong(0, -1);
      if (sc >= 0 && sc < MAX_SYSCALL_CODES) {
        return table.size() + (int) sc;
      }
    }
    return type;
  }

  @Override
  public FieldBinding<EvalContext> resolve(String name, String argument) {
    FieldAccessor a;
    try {
      a = accessor(name, argument);
    } catch (IllegalArgumentException e) {
      return FieldBinding.error(e.getMessage());
    }
    if (a.isMultiValued()) {
      return a.matchesAnyValue() ? FieldBinding.anyOf(a.def().type(), a)
          : FieldBinding.multiValued(a.def().type(), a);
    }
    return FieldBinding.of(a.def().type() == FieldType.EVENT_TYPE ? FieldType.EVENT_TYPE
        : boundType(a), a);
  }

  private static FieldType boundType(FieldAccessor a) {
    if (a instanceof EvtFields.Accessor && a.def().id() == EvtFields.RAWARG) {
      return ((EvtFields.Accessor) a).rawTypeOrString();
    }
    return a.def().type();
  }

  /**
   * A new accessor for a field reference, for output formats and {@code inspect -p}. Accepts
   * {@code evt.arg.NAME}-style dotted arguments as well as brackets.
   *
   * @throws IllegalArgumentException naming the problem (unknown field, bad argument)
   */
  public FieldAccessor accessor(String name, String argument) {
    FieldDef def = byName.get(name);
    String arg = argument;
    if (def == null) {
      // evt.arg.name, evt.rawarg.res, k8s.pod.label.app, container.label.x: the dotted form.
      int dot = name.lastIndexOf('.');
      while (dot > 0 && def == null) {
        FieldDef candidate = byName.get(name.substring(0, dot));
        if (candidate != null && (candidate.argMode() == ArgMode.REQUIRED_KEY
            || candidate.argMode() == ArgMode.OPTIONAL_KEY) && argument == null) {
          def = candidate;
          arg = name.substring(dot + 1);
        }
        dot = name.lastIndexOf('.', dot - 1);
      }
    }
    if (def == null) {
      throw new IllegalArgumentException("unknown field '" + name + "'");
    }
    FieldFamily family = familyOf.get(def.name());
    switch (def.argMode()) {
      case NONE:
        if (arg != null) {
          throw new IllegalArgumentException(def.name() + " takes no argument");
        }
        return family.accessor(def, null, -1, false);
      case OPTIONAL_INDEX:
      case REQUIRED_INDEX: {
        if (arg == null) {
          if (def.argMode() == ArgMode.REQUIRED_INDEX) {
            throw new IllegalArgumentException(def.name() + " needs a numeric argument");
          }
          return family.accessor(def, null, -1, true);
        }
        int index = parseIndex(def, arg);
        return family.accessor(def, arg, index, false);
      }
      case REQUIRED_KEY:
        if (arg == null || arg.isEmpty()) {
          throw new IllegalArgumentException(def.name() + " needs an argument, e.g. "
              + def.name() + "[name]");
        }
        if (def == byName.get("evt.rawarg")) {
          FieldType t = EvtFields.rawArgType(table, arg);
          if (t == null) {
            throw new IllegalArgumentException("no event has an argument named '" + arg + "'");
          }
          return new EvtFields.Accessor(def, arg, t);
        }
        return family.accessor(def, arg, -1, false);
      default:
        return family.accessor(def, arg, -1, false);
    }
  }

  private static int parseIndex(FieldDef def, String arg) {
    if (arg.isEmpty() || arg.length() > 9) {
      throw new IllegalArgumentException(def.name() + " needs a numeric argument, got '" + arg
          + "'");
    }
    for (int i = 0; i < arg.length(); i++) {
      if (arg.charAt(i) < '0' || arg.charAt(i) > '9') {
        throw new IllegalArgumentException(def.name() + " needs a numeric argument, got '" + arg
            + "'");
      }
    }
    return Integer.parseInt(arg);
  }
}
