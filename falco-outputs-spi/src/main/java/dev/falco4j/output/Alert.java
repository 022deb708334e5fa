package dev.falco4j.output;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One alert raised by a rule: the unit every output sink receives. Immutable and safe to hand to
 * other threads (the dispatcher keeps alerts after the event that raised them is gone).
 *
 * <p>The fields follow Falco's JSON alert: {@code time}, {@code rule}, {@code priority}, {@code
 * source}, {@code output} (the rule's output template, formatted), {@code output_fields} (each field
 * of the template with its typed value), {@code tags} and {@code hostname}. {@code count} is a
 * Falco4J addition: 1 for a plain alert, more when the optional flood guard folded repeats of the
 * same alert into one.
 *
 * @param epochNanos event time in nanoseconds since the Unix epoch (UTC), as Falco's {@code
 *     evt.rawtime}
 * @param rule the rule name
 * @param priority the rule priority
 * @param source the event source ("syscall", or a plugin source)
 * @param output the formatted output line, as event data made it (sinks neutralise it for text)
 * @param outputFields field name to value, in template order; values are {@code null}, {@link
 *     String}, {@link Boolean}, {@link Long}, {@link Integer}, {@link Double} or a {@link List} of
 *     those
 * @param tags the rule tags, in rule order, without duplicates
 * @param hostname the host the event happened on
 * @param count how many identical alerts this one stands for (at least 1)
 */
public record Alert(
    long epochNanos,
    String rule,
    Priority priority,
    String source,
    String output,
    Map<String, Object> outputFields,
    List<String> tags,
    String hostname,
    int count) {

  /** Validates and copies the collections, keeping their order. */
  public Alert {
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(priority, "priority");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(output, "output");
    Objects.requireNonNull(hostname, "hostname");
    if (count < 1) {
      throw new IllegalArgumentException("count must be at least 1, got " + count);
    }
    outputFields = copyFields(outputFields);
    tags = copyTags(tags);
  }

  /** Starts an alert; rule, priority and output are required, the rest has Falco's defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** The event time as an {@link Instant} with nanosecond precision. */
  public Instant time() {
    return Instant.ofEpochSecond(
        Math.floorDiv(epochNanos, 1_000_000_000L), Math.floorMod(epochNanos, 1_000_000_000L));
  }

  /** This alert standing for {@code newCount} identical alerts. */
  public Alert withCount(int newCount) {
    return new Alert(
        epochNanos, rule, priority, source, output, outputFields, tags, hostname, newCount);
  }

  private static Map<String, Object> copyFields(Map<String, Object> fields) {
    if (fields == null || fields.isEmpty()) {
      return Map.of();
    }
    // LinkedHashMap: template order is what users read; Map.copyOf would lose it and reject nulls.
    Map<String, Object> copy = new LinkedHashMap<>(fields.size() * 2);
    for (Map.Entry<String, Object> e : fields.entrySet()) {
      String name = Objects.requireNonNull(e.getKey(), "output field name");
      copy.put(name, checkValue(name, e.getValue()));
    }
    return Collections.unmodifiableMap(copy);
  }

  private static Object checkValue(String name, Object value) {
    if (value == null
        || value instanceof String
        || value instanceof Boolean
        || value instanceof Long
        || value instanceof Integer
        || value instanceof Double) {
      return value;
    }
    if (value instanceof Short || value instanceof Byte) {
      return ((Number) value).intValue();
    }
    if (value instanceof Float) {
      return ((Float) value).doubleValue();
    }
    if (value instanceof CharSequence) {
      return value.toString();
    }
    if (value instanceof List<?> list) {
      List<Object> copy = new ArrayList<>(list.size());
      for (Object item : list) {
        if (item instanceof List<?>) {
          throw new IllegalArgumentException("output field '" + name + "': nested lists");
        }
        copy.add(checkValue(name, item));
      }
      return Collections.unmodifiableList(copy);
    }
    throw new IllegalArgumentException(
        "output field '"
            + name
            + "' has unsupported type "
            + value.getClass().getName()
            + " (use String, Boolean, Long, Integer, Double, a List of those, or null)");
  }

  private static List<String> copyTags(List<String> tags) {
    if (tags == null || tags.isEmpty()) {
      return List.of();
    }
    List<String> copy = new ArrayList<>(tags.size());
    for (String tag : tags) {
      Objects.requireNonNull(tag, "tag");
      if (!copy.contains(tag)) {
        copy.add(tag);
      }
    }
    return List.copyOf(copy);
  }

  /** Builds an {@link Alert}; not thread-safe, one per alert. */
  public static final class Builder {
    private long epochNanos;
    private String rule;
    private Priority priority;
    private String source = "syscall";
    private String output;
    private Map<String, Object> outputFields = Map.of();
    private List<String> tags = List.of();
    private String hostname = "";
    private int count = 1;

    private Builder() {}

    /** Event time in nanoseconds since the epoch. */
    public Builder epochNanos(long value) {
      this.epochNanos = value;
      return this;
    }

    /** Event time. */
    public Builder time(Instant value) {
      this.epochNanos = Math.addExact(
          Math.multiplyExact(value.getEpochSecond(), 1_000_000_000L), value.getNano());
      return this;
    }

    /** Rule name. */
    public Builder rule(String value) {
      this.rule = value;
      return this;
    }

    /** Rule priority. */
    public Builder priority(Priority value) {
      this.priority = value;
      return this;
    }

    /** Event source, "syscall" by default. */
    public Builder source(String value) {
      this.source = value;
      return this;
    }

    /** Formatted output. */
    public Builder output(String value) {
      this.output = value;
      return this;
    }

    /** Output fields with typed values, in template order. */
    public Builder outputFields(Map<String, Object> value) {
      this.outputFields = value;
      return this;
    }

    /** Rule tags. */
    public Builder tags(List<String> value) {
      this.tags = value;
      return this;
    }

    /** Host name, empty by default. */
    public Builder hostname(String value) {
      this.hostname = value;
      return this;
    }

    /** Number of identical alerts this one stands for, 1 by default. */
    public Builder count(int value) {
      this.count = value;
      return this;
    }

    /** The alert. */
    public Alert build() {
      return new Alert(
          epochNanos, rule, priority, source, output, outputFields, tags, hostname, count);
    }
  }
}
