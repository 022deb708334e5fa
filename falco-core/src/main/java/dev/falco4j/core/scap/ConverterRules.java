package dev.falco4j.core.scap;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Current libscap's converter table (scap-format.md §12, conversion-table.tsv): how an event of an
 * older layout, keyed by its type id and parameter count, becomes today's layout. Falco4J's reader
 * shows events as stored and does not run the converter; the writer reads these rules backwards to
 * write today's events in the layouts sysdig 0.29.3 knows ({@link Sysdig029Layouts}).
 *
 * <p>Immutable; {@link #libscap()} is parsed once from the generated {@link LibscapConverterData}.
 */
final class ConverterRules {

  /** What a rule does with the event. */
  enum Action {
    /** Deliver as is. */
    PASS,
    /** Keep as the thread's pending enter event and drop it. */
    STORE,
    /** Keep as the pending enter event and deliver it. */
    STORE_AND_PASS,
    /** Keep the parameters and append one per instruction. */
    ADD_PARAMS,
    /** Switch to {@link Rule#desiredId()}; the parameters are built from the instructions only. */
    CHANGE_TYPE
  }

  /** Where an instruction takes its value from. */
  enum Source {
    /** Parameter {@code index} of the event being converted. */
    OLD,
    /** Parameter {@code index} of the thread's pending enter event. */
    ENTER,
    /** A zero-length parameter. */
    EMPTY,
    /** The zero value of the target parameter type. */
    DEFAULT,
    /** Computed by a callback (only the old 4-parameter container event uses one). */
    CALLBACK
  }

  /** One parameter-building step. */
  record Instruction(Source source, int index, boolean emptyFallback) {}

  /** One row of the table. {@code desiredId} is -1 unless the action is CHANGE_TYPE. */
  record Rule(int eventId, int nparams, Action action, int desiredId, List<Instruction> instructions) {
    Rule {
      instructions = List.copyOf(instructions);
    }
  }

  private static final class Holder {
    static final ConverterRules INSTANCE = load();
  }

  private final Map<Long, Rule> byKey;
  private final List<Rule> rules;

  private ConverterRules(List<Rule> rules) {
    this.rules = Collections.unmodifiableList(rules);
    Map<Long, Rule> m = new HashMap<>();
    for (Rule r : rules) {
      if (m.put(key(r.eventId(), r.nparams()), r) != null) {
        throw new IllegalStateException("converter table: two rules for event " + r.eventId()
            + " with " + r.nparams() + " params");
      }
    }
    this.byKey = m;
  }

  /**
   * A table of the given rules.
   *
   * @throws IllegalStateException when two rules have the same event id and parameter count
   */
  static ConverterRules of(List<Rule> rules) {
    return new ConverterRules(new ArrayList<>(rules));
  }

  /** The table of current libscap (falcosecurity/libs 48dfd53c). */
  static ConverterRules libscap() {
    return Holder.INSTANCE;
  }

  /** The rule for an event of type {@code eventId} stored with {@code nparams} params, or null. */
  Rule find(int eventId, int nparams) {
    return byKey.get(key(eventId, nparams));
  }

  /** Every rule, in table order. */
  List<Rule> rules() {
    return rules;
  }

  private static long key(int eventId, int nparams) {
    return ((long) eventId << 32) | (nparams & 0xFFFFFFFFL);
  }

  private static ConverterRules load() {
    Loader l = new Loader();
    LibscapConverterData.load(l);
    return of(l.rules);
  }

  /** Receives the generated rows. */
  static final class Loader {
    final List<Rule> rules = new ArrayList<>();

    void rule(int eventId, int nparams, String action, int desiredId, String instructions) {
      rules.add(new Rule(eventId, nparams, Action.valueOf(action), desiredId,
          parseInstructions(instructions)));
    }
  }

  /**
   * Parses {@code SOURCE:index[:fallback[:callback]]} entries separated by {@code ;} (the
   * conversion-table.tsv notation).
   *
   * @throws IllegalArgumentException naming the entry that does not parse
   */
  static List<Instruction> parseInstructions(String text) {
    List<Instruction> out = new ArrayList<>();
    if (text.isEmpty()) {
      return out;
    }
    for (String entry : text.split(";")) {
      String[] parts = entry.split(":");
      if (parts.length < 2) {
        throw new IllegalArgumentException("converter instruction '" + entry
            + "': expected SOURCE:index");
      }
      Source source;
      int index;
      try {
        source = Source.valueOf(parts[0]);
        index = Integer.parseInt(parts[1]);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("converter instruction '" + entry + "': " + e.getMessage(),
            e);
      }
      if (index < 0) {
        throw new IllegalArgumentException("converter instruction '" + entry
            + "': negative index");
      }
      out.add(new Instruction(source, index, parts.length > 2 && parts[2].equals("EMPTY_FALLBACK")));
    }
    return out;
  }
}
