package dev.falco4j.probe;

import dev.falco4j.core.event.EventTable;
import dev.falco4j.core.event.EventView;
import dev.falco4j.core.event.spi.EventSource;
import dev.falco4j.core.event.spi.EventSourceStats;
import dev.falco4j.core.event.spi.InitialState;
import dev.falco4j.probe.internal.AbiConstants;
import dev.falco4j.probe.internal.HostSnapshot;
import dev.falco4j.probe.internal.NativeArtifacts;
import dev.falco4j.probe.internal.ffi.ShimLibrary;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import jnr.ffi.Pointer;
import jnr.ffi.byref.PointerByReference;

/**
 * Live system-call events from the CO-RE eBPF probe, in the scap event layout, as an {@link
 * EventSource}. Opening loads the probe (the kernel verifies it), selects the event types in the
 * kernel, and starts capture; {@link #next} then hands out events oldest first, merged across the
 * per-CPU ring buffers, from batches that one native call copies into a direct buffer.
 *
 * <pre>{@code
 * ProbeSupport.Status s = ProbeSupport.check();      // why not, before trying
 * try (LiveEventSource src = LiveEventSource.open(LiveOptions.defaults())) {
 *   EventView ev = new EventView();
 *   while (running) {
 *     if (src.next(ev) == EventSource.EVENT) { ... }  // ev valid until the next call
 *   }
 * }
 * }</pre>
 *
 * <p>Events of this JVM are dropped in the kernel unless {@link LiveOptions#excludeOwnProcess()} is
 * off. The state the source knows at start ({@link #initialState()}) holds the machine and the host's
 * users and groups; threads and fds come from a /proc scan the consumer runs after opening (see
 * {@code dev.falco4j.core.state.ProcScanner}). Not thread-safe: one consumer thread; {@link #close}
 * from the same thread.
 */
public final class LiveEventSource implements EventSource {

  private static final int MESSAGE_BYTES = 64 * 1024;

  private final NativeArtifacts artifacts;
  private final ShimLibrary shim;
  private final Pointer probe;
  private final int cpus;
  private final int timeoutMillis;
  private final ByteBuffer batch;
  private final ByteBuffer pollResult;
  private final long[] countersBuffer;
  private final InitialState initialState;

  private int position;
  private int limit;
  private long events;
  private long bytes;
  private long malformed;
  private String firstProblem;
  private boolean closed;

  private LiveEventSource(
      NativeArtifacts artifacts, ShimLibrary shim, Pointer probe, LiveOptions options, InitialState state) {
    this.artifacts = artifacts;
    this.shim = shim;
    this.probe = probe;
    this.cpus = shim.f4j_cpu_count(probe);
    this.timeoutMillis = options.pollTimeoutMillis();
    this.batch = ByteBuffer.allocateDirect(options.batchBytes()).order(ByteOrder.LITTLE_ENDIAN);
    this.pollResult = ByteBuffer.allocateDirect(8).order(ByteOrder.LITTLE_ENDIAN);
    this.countersBuffer = new long[Math.max(1, cpus) * AbiConstants.COUNTERS_FIELDS];
    this.initialState = state;
  }

  /**
   * Loads, configures and starts the probe.
   *
   * @throws ProbeException when live capture is unavailable here ({@link ProbeSupport} names what is
   *     missing), or the kernel refused the probe (errno and verifier log kept)
   * @throws IOException when the native files cannot be extracted or the host files not read
   */
  public static LiveEventSource open(LiveOptions options) throws ProbeException, IOException {
    ProbeSupport.Status status = ProbeSupport.check();
    if (!status.supported()) {
      throw new ProbeException("live capture is unavailable: " + status.reason(), 0, "");
    }
    NativeArtifacts artifacts = NativeArtifacts.obtain();
    Pointer probe = null;
    ShimLibrary shim = null;
    try {
      shim = loadShim(artifacts.shimLibrary());
      int abi = shim.f4j_abi_version();
      if (abi != AbiConstants.SCHEMA_VERSION) {
        throw new ProbeException(
            "the shim " + artifacts.shimLibrary() + " speaks ABI " + abi + ", this jar "
                + AbiConstants.SCHEMA_VERSION, 0, "");
      }
      byte[] msg = new byte[MESSAGE_BYTES];
      PointerByReference ref = new PointerByReference();
      int rc = shim.f4j_open(artifacts.probeObject().toString(), options.ringBytesPerCpu(), ref, msg, msg.length);
      if (rc < 0) {
        throw failure("loading the eBPF probe " + artifacts.probeObject() + " failed", rc, msg);
      }
      probe = ref.getValue();
      LiveEventSource source =
          new LiveEventSource(
              artifacts, shim, probe, options, HostSnapshot.read(Path.of("/"), shim.f4j_cpu_count(probe)));
      if (options.allSyscalls()) {
        source.selectAllSyscalls();
      } else {
        source.selectEventTypes(options.eventTypes());
      }
      source.excludeProcess(options.excludeOwnProcess() ? ProcessHandle.current().pid() : 0);
      rc = shim.f4j_start(probe, msg, msg.length);
      if (rc < 0) {
        source.close();
        throw failure("starting the eBPF probe failed", rc, msg);
      }
      return source;
    } catch (ProbeException | IOException | RuntimeException | LinkageError e) {
      if (probe != null && shim != null) {
        shim.f4j_close(probe);
      }
      artifacts.close();
      if (e instanceof LinkageError) {
        throw new ProbeException(
            "cannot load the shim " + artifacts.shimLibrary() + ": " + e.getMessage(), 0, "");
      }
      throw e;
    }
  }

  private static ShimLibrary loadShim(Path library) {
    return ShimLibrary.load(library.toString());
  }

  private static ProbeException failure(String what, int rc, byte[] msg) {
    int errno = -rc;
    String log = cString(msg);
    String name = EventTable.current().errnoName(errno);
    String sentence = what + ": " + (name == null ? "errno " + errno : name) + explain(errno);
    return new ProbeException(sentence, errno, log);
  }

  private static String explain(int errno) {
    switch (errno) {
      case 1: return " (not permitted: run as root or with CAP_BPF and CAP_PERFMON)";
      case 7: return " (a program exceeded the verifier's limits; see the verifier log)";
      case 13: return " (the verifier rejected a program; see the verifier log)";
      case 12: return " (out of memory for maps or ring buffers: try smaller rings)";
      default: return "";
    }
  }

  private static String cString(byte[] bytes) {
    int n = 0;
    while (n < bytes.length && bytes[n] != 0) {
      n++;
    }
    return new String(bytes, 0, n, StandardCharsets.UTF_8);
  }

  /**
   * Chooses the event types the probe sends; all others are dropped in the kernel. Takes effect at
   * once, also while capturing.
   *
   * @return how many of the listed types the probe can deliver
   */
  public int selectEventTypes(int... eventTypes) throws ProbeException {
    short[] types = new short[eventTypes.length];
    for (int i = 0; i < eventTypes.length; i++) {
      if (eventTypes[i] < 0 || eventTypes[i] > 0xFFFF) {
        throw new IllegalArgumentException("not an event type id: " + eventTypes[i]);
      }
      types[i] = (short) eventTypes[i];
    }
    int rc = shim.f4j_set_interesting(probe, types, types.length);
    if (rc < 0) {
      throw new ProbeException("updating the syscall selection failed", -rc, "");
    }
    return rc;
  }

  /**
   * Selects every system call, like Falco's {@code -A} ({@code base_syscalls.all}): calls with a
   * dedicated handler ({@link ProbeEventTypes}) arrive as their own event, all others as generic
   * {@code syscall} exit events ({@link dev.falco4j.core.event.EventType#GENERIC_X}) carrying the
   * syscall id. Expect far more events (every read and write).
   */
  public void selectAllSyscalls() throws ProbeException {
    int rc = shim.f4j_select_all(probe);
    if (rc < 0) {
      throw new ProbeException("selecting all syscalls failed", -rc, "");
    }
  }

  /** Drops the events of process {@code pid} (a thread group id) in the kernel; 0 = drop none. */
  public void excludeProcess(long pid) throws ProbeException {
    int rc = shim.f4j_set_excluded_tgid(probe, (int) pid);
    if (rc < 0) {
      throw new ProbeException("updating the excluded process failed", -rc, "");
    }
  }

  @Override
  public String name() {
    return "live probe";
  }

  @Override
  public InitialState initialState() {
    return initialState;
  }

  @Override
  public int next(EventView into) throws IOException {
    if (closed) {
      return END;
    }
    for (;;) {
      if (position < limit) {
        int cpu = batch.getShort(position) & 0xFFFF;
        int eventOffset = position + AbiConstants.BATCH_RECORD_PREFIX;
        long len = batch.getInt(eventOffset + 16) & 0xFFFFFFFFL;
        if (len < AbiConstants.EVENT_HEADER_SIZE || eventOffset + len > limit) {
          // The framing of the rest of this batch cannot be trusted.
          noteMalformed("event at batch offset " + eventOffset + " has length " + len);
          position = limit;
          continue;
        }
        int end = (int) (eventOffset + len);
        position = end;
        into.reset(batch, eventOffset, cpu, 0, events + 1);
        int problem = into.checkLayout(end);
        if (problem != EventView.LAYOUT_OK) {
          noteMalformed("event type " + into.type() + ": " + EventView.layoutProblem(problem));
          continue;
        }
        events++;
        return EVENT;
      }
      int rc = shim.f4j_poll_batch(probe, batch, batch.capacity(), timeoutMillis, pollResult);
      if (rc < 0) {
        throw new IOException(
            "live probe: reading the ring buffers failed: errno " + (-rc),
            new ProbeException("f4j_poll_batch failed", -rc, ""));
      }
      int n = pollResult.getInt(4);
      if (n == 0) {
        return TIMEOUT;
      }
      position = 0;
      limit = pollResult.getInt(0);
      bytes += limit;
    }
  }

  private void noteMalformed(String what) {
    malformed++;
    if (firstProblem == null) {
      firstProblem = what;
    }
  }

  /** Kernel-side counters per CPU (events written, drops). */
  public ProbeCounters counters() throws ProbeException {
    if (closed) {
      throw new ProbeException("the live source is closed", 0, "");
    }
    int n = shim.f4j_stats(probe, countersBuffer, countersBuffer.length);
    if (n < 0) {
      throw new ProbeException("reading the probe counters failed", -n, "");
    }
    long[] ev = new long[n];
    long[] full = new long[n];
    long[] large = new long[n];
    for (int i = 0; i < n; i++) {
      ev[i] = countersBuffer[i * AbiConstants.COUNTERS_FIELDS];
      full[i] = countersBuffer[i * AbiConstants.COUNTERS_FIELDS + 1];
      large[i] = countersBuffer[i * AbiConstants.COUNTERS_FIELDS + 2];
    }
    return new ProbeCounters(ev, full, large);
  }

  @Override
  public EventSourceStats stats() {
    long dropped = 0;
    if (!closed) {
      try {
        dropped = counters().totalDrops();
      } catch (ProbeException e) {
        dropped = -1;
      }
    }
    return new EventSourceStats(events, bytes, 0, malformed, dropped, 1, firstProblem);
  }

  /** Stops capture, unloads the probe and deletes the extracted native files. Idempotent. */
  @Override
  public void close() throws IOException {
    if (closed) {
      return;
    }
    closed = true;
    shim.f4j_stop(probe);
    shim.f4j_close(probe);
    artifacts.close();
  }
}
