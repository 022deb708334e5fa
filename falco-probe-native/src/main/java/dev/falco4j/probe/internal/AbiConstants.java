package dev.falco4j.probe.internal;

/**
 * The values of {@code src/main/c/include/falco4j_abi.h} the Java side relies on. {@code
 * AbiConstantsTest} compiles the header's check program and compares.
 */
public final class AbiConstants {

  private AbiConstants() {}

  /** F4J_SCHEMA_VERSION: the shim must report the same. */
  public static final int SCHEMA_VERSION = 1;
  /** F4J_EVENT_HEADER_SIZE. */
  public static final int EVENT_HEADER_SIZE = 26;
  /** F4J_BATCH_RECORD_PREFIX: the u16 cpu before each event of a batch. */
  public static final int BATCH_RECORD_PREFIX = 2;
  /** F4J_MAX_EVENT_SIZE: a batch buffer must hold at least one event of this size. */
  public static final int MAX_EVENT_SIZE = 64 * 1024;
  /** Fields of struct f4j_counters, each a u64. */
  public static final int COUNTERS_FIELDS = 4;
}
