package dev.falco4j.probe;

/**
 * How {@link LiveEventSource#open} sets up the probe. Start from {@link #defaults()} and change what
 * you need with the {@code with...} methods.
 *
 * @param ringBytesPerCpu ring buffer bytes per CPU (rounded up to a power of two)
 * @param batchBytes bytes of the buffer each native call fills (at least 128 KiB: two maximal events)
 * @param pollTimeoutMillis how long {@link LiveEventSource#next} waits before it reports a timeout
 * @param excludeOwnProcess drop this JVM's own events in the kernel (it would otherwise watch itself)
 * @param eventTypes event type ids to capture (see {@link ProbeEventTypes}); the probe drops all
 *     others in the kernel
 * @param allSyscalls capture every syscall, those without a handler as generic events (Falco's
 *     {@code -A}); {@code eventTypes} is then ignored
 */
public record LiveOptions(
    int ringBytesPerCpu,
    int batchBytes,
    int pollTimeoutMillis,
    boolean excludeOwnProcess,
    int[] eventTypes,
    boolean allSyscalls) {

  /** Smallest accepted batch buffer. */
  public static final int MIN_BATCH_BYTES = 128 * 1024;

  /** Validates and copies. */
  public LiveOptions {
    if (ringBytesPerCpu < 4096) {
      throw new IllegalArgumentException("ringBytesPerCpu must be at least 4096: " + ringBytesPerCpu);
    }
    if (batchBytes < MIN_BATCH_BYTES) {
      throw new IllegalArgumentException(
          "batchBytes must be at least " + MIN_BATCH_BYTES + ": " + batchBytes);
    }
    if (pollTimeoutMillis < 0) {
      throw new IllegalArgumentException("pollTimeoutMillis must be >= 0: " + pollTimeoutMillis);
    }
    eventTypes = eventTypes.clone();
  }

  /**
   * 8 MiB of ring per CPU, 1 MiB batches, 100 ms poll timeout, own process excluded, every event type
   * the probe has a handler for.
   */
  public static LiveOptions defaults() {
    return new LiveOptions(8 << 20, 1 << 20, 100, true, ProbeEventTypes.dedicated(), false);
  }

  @Override
  public int[] eventTypes() {
    return eventTypes.clone();
  }

  /** These options with another ring size. */
  public LiveOptions withRingBytesPerCpu(int bytes) {
    return new LiveOptions(bytes, batchBytes, pollTimeoutMillis, excludeOwnProcess, eventTypes, allSyscalls);
  }

  /** These options with another batch buffer size. */
  public LiveOptions withBatchBytes(int bytes) {
    return new LiveOptions(ringBytesPerCpu, bytes, pollTimeoutMillis, excludeOwnProcess, eventTypes, allSyscalls);
  }

  /** These options with another poll timeout. */
  public LiveOptions withPollTimeoutMillis(int millis) {
    return new LiveOptions(ringBytesPerCpu, batchBytes, millis, excludeOwnProcess, eventTypes, allSyscalls);
  }

  /** These options with (or without) the own-process filter. */
  public LiveOptions withExcludeOwnProcess(boolean exclude) {
    return new LiveOptions(ringBytesPerCpu, batchBytes, pollTimeoutMillis, exclude, eventTypes, allSyscalls);
  }

  /** These options capturing every syscall (or not). */
  public LiveOptions withAllSyscalls(boolean all) {
    return new LiveOptions(ringBytesPerCpu, batchBytes, pollTimeoutMillis, excludeOwnProcess, eventTypes, all);
  }

  /** These options with another event selection. */
  public LiveOptions withEventTypes(int... types) {
    return new LiveOptions(
        ringBytesPerCpu, batchBytes, pollTimeoutMillis, excludeOwnProcess, types, allSyscalls);
  }
}
