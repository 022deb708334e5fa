package dev.falco4j.core.scap;

import dev.falco4j.core.event.EventInfo;
import dev.falco4j.core.event.EventTable;
import dev.falco4j.core.event.EventView;
import dev.falco4j.core.event.spi.FdSnapshot;
import dev.falco4j.core.event.spi.FdType;
import dev.falco4j.core.event.spi.GroupSnapshot;
import dev.falco4j.core.event.spi.InitialState;
import dev.falco4j.core.event.spi.InterfaceSnapshot;
import dev.falco4j.core.event.spi.MachineInfo;
import dev.falco4j.core.event.spi.ThreadSnapshot;
import dev.falco4j.core.event.spi.UserSnapshot;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

/**
 * Writes {@code .scap} traces the way current libscap does (scap-format.md §13): a 28-byte section
 * header (version 1.2), machine info, interface list v2, user list v2, one process list v9 with
 * every thread, one fd list v2 per thread (also for threads without fds), then one event block
 * per event: EV_V2, or EVF_V2 when the event has dump flags, and the _LARGE variants for
 * large-payload types. Metadata block lengths are computed from what is written (libscap gets the
 * interface-list length wrong when its input had a v1 list; this writer does not).
 *
 * <p>Events: with {@link ScapCompatibility#CURRENT} they are copied as they are (legacy events get
 * the v2 header). With {@link ScapCompatibility#SYSDIG_0_29} every event is written in a layout
 * sysdig 0.29.3 knows (see {@code Sysdig029Layouts}): events already in such a layout are copied;
 * newer versions of a syscall's event are written as the older version, with the enter event the
 * older reader needs in front (then one event becomes two blocks); syscalls without an older event
 * become the generic {@code syscall} pair; the rest is left out and counted. {@link
 * #downConversion()} reports what was done, per event type. Metadata blocks are the same for both,
 * except that fd-list entries of kinds newer than sysdig 0.29.3 (bpf, userfaultfd, io_uring, memfd,
 * pidfd) are written as "unsupported" with their name: that sysdig refuses a whole file otherwise.
 * In both, strings of the process, fd and user lists longer than libscap reads (a command line over
 * 4 KB, say) are cut to that length ({@link #metadataStringsCut()}): libscap refuses the whole file
 * for one of them.
 *
 * <p>Usage: {@link #create}, {@link #writeHeader} once, {@link #writeEvent} per event, {@link
 * #close}. Not thread-safe. Writing an event allocates nothing.
 */
public final class ScapWriter implements AutoCloseable {

  /** The last fd-list entry type sysdig 0.29.3 (libs e5c53d64) knows. */
  private static final FdType SYSDIG_029_LAST_FD_TYPE = FdType.FILE_V2;

  /** Largest event block body of a non-large type (after the 8-byte block header). */
  static final int MAX_SMALL_BODY = 65536;

  private final OutputStream out;
  private final ScapCompatibility compatibility;
  /** The plans of the older reader written for; null for {@link ScapCompatibility#CURRENT}. */
  private final Sysdig029Layouts layouts;
  /** Per source event type: events rewritten, and events dropped (index = type id). */
  private final long[] rewrittenByType;
  private final long[] enterAddedByType;
  private final long[] droppedByType;
  private long droppedUnknownType;
  /** Per thread (direct-mapped), the last event type written: tells whether an enter is there. */
  private static final int RECENT_THREADS = 1 << 14;
  private static final int NOT_SEEN = -1;
  private final long[] recentTid = new long[RECENT_THREADS];
  private final int[] recentType = new int[RECENT_THREADS];
  private long eventsIn;
  private long enterEventsAdded;
  private ByteBuffer block = ByteBuffer.allocate(1 << 16).order(ByteOrder.LITTLE_ENDIAN);
  private boolean headerWritten;
  private boolean closed;
  private long events;
  private long skipped;
  private long bytes;
  /** Cuts metadata strings to what libscap reads, and counts the cuts. */
  private final MetadataLimits limits = new MetadataLimits();

  private ScapWriter(OutputStream out, ScapCompatibility compatibility) {
    this.out = out;
    this.compatibility = java.util.Objects.requireNonNull(compatibility, "compatibility");
    this.layouts = compatibility == ScapCompatibility.SYSDIG_0_29 ? Sysdig029Layouts.sysdig029()
        : null;
    int types = EventTable.current().size();
    this.rewrittenByType = new long[types];
    this.enterAddedByType = new long[types];
    this.droppedByType = new long[types];
    java.util.Arrays.fill(recentTid, Long.MIN_VALUE);
  }

  /**
   * Creates (or replaces) {@code file}.
   *
   * @param gzip true to compress (what sysdig and Falco write), false for a plain file
   */
  public static ScapWriter create(Path file, boolean gzip, ScapCompatibility compatibility)
      throws IOException {
    return create(Files.newOutputStream(file), gzip, compatibility);
  }

  /** Writes to a stream, which {@link #close()} closes. */
  public static ScapWriter create(OutputStream stream, boolean gzip,
      ScapCompatibility compatibility) throws IOException {
    OutputStream o = gzip ? new GZIPOutputStream(stream, 1 << 16) : stream;
    return new ScapWriter(new BufferedOutputStream(o, 1 << 16), compatibility);
  }

  /** Event blocks written (a rewritten event may take two: its enter event, then itself). */
  public long eventsWritten() {
    return events;
  }

  /** Events left out: unknown to the event table, or without an equivalent for the target. */
  public long skippedEvents() {
    return skipped;
  }

  /**
   * What was done to fit the events into the target's layouts so far: for {@link
   * ScapCompatibility#CURRENT} nothing is rewritten, only events of unknown types are left out.
   */
  public DownConversionReport downConversion() {
    Map<String, Long> withEnter = new LinkedHashMap<>();
    Map<String, Long> rewritten = new LinkedHashMap<>();
    Map<String, Long> generic = new LinkedHashMap<>();
    Map<String, Long> dropped = new LinkedHashMap<>();
    EventTable table = EventTable.current();
    for (int t = 0; t < rewrittenByType.length; t++) {
      String key = key(table.event(t));
      boolean asGeneric = layouts != null && layouts.plan(t).route() == LayoutPlan.Route.GENERIC;
      if (enterAddedByType[t] > 0 && !asGeneric) {
        withEnter.merge(key, enterAddedByType[t], Long::sum);
      }
      if (rewrittenByType[t] > 0) {
        (asGeneric ? generic : rewritten).merge(key, rewrittenByType[t], Long::sum);
      }
      if (droppedByType[t] > 0) {
        dropped.merge(key, droppedByType[t], Long::sum);
      }
    }
    if (droppedUnknownType > 0) {
      dropped.put("unknown type", droppedUnknownType);
    }
    String target = layouts != null ? "sysdig 0.29.3" : "current libscap";
    return new DownConversionReport(target, eventsIn, events, enterEventsAdded, withEnter,
        rewritten, generic, dropped);
  }

  private static String key(EventInfo info) {
    return info.name() + " " + info.directionSymbol();
  }

  /**
   * Strings of the metadata blocks (process, fd, user lists) cut to the length libscap reads: a
   * longer one makes libscap refuse the whole file.
   */
  public long metadataStringsCut() {
    return limits.cuts();
  }

  /** Uncompressed bytes written. */
  public long bytesWritten() {
    return bytes;
  }

  // ------------------------------------------------------------------ metadata

  /** Writes the section header and the metadata blocks. Must come first, once. */
  public void writeHeader(InitialState state) throws IOException {
    if (headerWritten) {
      throw new IllegalStateException("the header was already written");
    }
    writeSection(state);
  }

  /**
   * Starts a new section (a section header and metadata blocks) after events: what a
   * concatenated capture holds; readers reload the state from it and go on numbering events. The
   * first call may replace {@link #writeHeader}.
   */
  public void writeSection(InitialState state) throws IOException {
    headerWritten = true;
    begin(BlockType.SHB);
    block.putInt(MetadataDecoder.SHB_MAGIC).putShort((short) 1).putShort((short) 2).putLong(-1L);
    end();
    machine(state.machine());
    if (!state.interfaces().isEmpty()) {
      interfaces(state.interfaces());
    }
    if (!state.users().isEmpty() || !state.groups().isEmpty()) {
      users(state.users(), state.groups());
    }
    if (!state.threads().isEmpty()) {
      threads(state.threads());
      fdLists(state.threads(), state.fds());
    }
  }

  private void machine(MachineInfo m) throws IOException {
    MachineInfo mi = m != null ? m : new MachineInfo(0, 0, 0, "", 0, 0, 0, 0);
    begin(BlockType.MI);
    block.putInt(mi.cpus()).putLong(mi.memoryBytes()).putLong(mi.maxPid());
    byte[] host = mi.hostname().getBytes(StandardCharsets.UTF_8);
    int n = Math.min(host.length, 127);
    ensure(128);
    block.put(host, 0, n);
    for (int i = n; i < 128; i++) {
      block.put((byte) 0);
    }
    block.putLong(mi.bootTime()).putLong(mi.flags()).putLong(mi.reserved3()).putLong(mi.reserved4());
    end();
  }

  private void interfaces(List<InterfaceSnapshot> ifs) throws IOException {
    begin(BlockType.IL_V2);
    for (int pass = 0; pass < 2; pass++) { // IPv4 entries first, then IPv6, as libscap writes
      for (InterfaceSnapshot i : ifs) {
        if (i.isIpv6() != (pass == 1)) {
          continue;
        }
        byte[] name = limits.text(i.name(), MetadataLimits.PATH);
        int size = i.isIpv6() ? 16 : 4;
        int entry = 4 + 3 * size + 8 + name.length;
        ensure(4 + entry);
        block.putInt(entry); // IL v2: the length excludes itself
        block.putShort((short) i.type()).putShort((short) name.length);
        putFixed(i.address(), size);
        putFixed(i.netmask(), size);
        putFixed(i.broadcast(), size);
        block.putLong(i.linkSpeed()); // always the link-speed layout, also for types 3 and 4
        block.put(name);
      }
    }
    end();
  }

  private void users(List<UserSnapshot> users, List<GroupSnapshot> groups) throws IOException {
    begin(BlockType.UL_V2);
    for (UserSnapshot u : users) {
      byte[] name = limits.text(u.name(), MetadataLimits.CREDENTIAL);
      byte[] home = limits.text(u.home(), MetadataLimits.CREDENTIAL);
      byte[] shell = limits.text(u.shell(), MetadataLimits.CREDENTIAL);
      int entry = 4 + 1 + 8 + 6 + name.length + home.length + shell.length;
      ensure(entry);
      block.putInt(entry).put((byte) 0).putInt(u.uid()).putInt(u.gid());
      putStr16(name);
      putStr16(home);
      putStr16(shell);
    }
    for (GroupSnapshot g : groups) {
      byte[] name = limits.text(g.name(), MetadataLimits.CREDENTIAL);
      int entry = 4 + 1 + 4 + 2 + name.length;
      ensure(entry);
      block.putInt(entry).put((byte) 1).putInt(g.gid());
      putStr16(name);
    }
    end();
  }

  private void threads(List<ThreadSnapshot> threads) throws IOException {
    begin(BlockType.PL_V9);
    for (ThreadSnapshot t : threads) {
      byte[] comm = limits.text(t.comm(), MetadataLimits.PATH);
      byte[] exe = limits.text(t.exe(), MetadataLimits.PATH);
      byte[] exepath = limits.text(t.exepath(), MetadataLimits.PATH);
      byte[] args = limits.nulTerminatedList(t.args(), MetadataLimits.LIST);
      byte[] cwd = limits.text(t.cwd(), MetadataLimits.PATH);
      byte[] env = limits.nulTerminatedList(t.env(), MetadataLimits.LIST);
      byte[] cgroups = limits.wholeItems(t.cgroups(), MetadataLimits.LIST);
      byte[] root = limits.text(t.root(), MetadataLimits.PATH);
      int entry = 4 + 8 * 5 + 2 + comm.length + 2 + exe.length + 2 + exepath.length + 2
          + args.length + 2 + cwd.length + 8 + 4 * 3 + 4 * 3 + 8 * 2 + 2 + env.length + 8 * 2 + 2
          + cgroups.length + 2 + root.length + 8 + 4 + 4 + 1 + 8 * 3 + 1 + 8 * 3 + 1 + 1 + 8;
      ensure(entry);
      int start = block.position();
      block.putInt(entry).putLong(t.tid()).putLong(t.pid()).putLong(t.ptid()).putLong(t.sid())
          .putLong(t.vpgid());
      putStr16(comm);
      putStr16(exe);
      putStr16(exepath);
      putStr16(args);
      putStr16(cwd);
      block.putLong(t.fdlimit()).putInt(t.flags()).putInt(t.uid()).putInt(t.gid())
          .putInt(t.vmsizeKb()).putInt(t.vmrssKb()).putInt(t.vmswapKb()).putLong(t.pfmajor())
          .putLong(t.pfminor());
      putStr16(env);
      block.putLong(t.vtid()).putLong(t.vpid());
      putStr16(cgroups);
      putStr16(root);
      block.putLong(t.pidnsInitStart()).putInt(t.tty()).putInt(t.loginuid())
          .put((byte) (t.exeWritable() ? 1 : 0)).putLong(t.capInheritable())
          .putLong(t.capPermitted()).putLong(t.capEffective())
          .put((byte) (t.exeUpperLayer() ? 1 : 0)).putLong(t.exeIno()).putLong(t.exeInoCtime())
          .putLong(t.exeInoMtime()).put((byte) (t.exeFromMemfd() ? 1 : 0))
          .put((byte) (t.exeLowerLayer() ? 1 : 0)).putLong(t.pgid());
      if (block.position() - start != entry) {
        throw new IllegalStateException("process entry size mismatch");
      }
    }
    end();
  }

  private void fdLists(List<ThreadSnapshot> threads, List<FdSnapshot> fds) throws IOException {
    // per thread, in recorded order; a repeated fd number replaces the earlier entry
    Map<Long, Map<Long, FdSnapshot>> byTid = new LinkedHashMap<>();
    for (FdSnapshot f : fds) {
      if (f.type() == FdType.UNKNOWN) {
        continue; // never written
      }
      Map<Long, FdSnapshot> m = byTid.computeIfAbsent(f.tid(), k -> new LinkedHashMap<>());
      m.remove(f.fd());
      m.put(f.fd(), f);
    }
    for (ThreadSnapshot t : threads) {
      begin(BlockType.FDL_V2);
      block.putLong(t.tid());
      Map<Long, FdSnapshot> m = byTid.get(t.tid());
      for (FdSnapshot f : m == null ? new ArrayList<FdSnapshot>() : m.values()) {
        fdEntry(f);
      }
      end();
    }
  }

  private void fdEntry(FdSnapshot f) {
    FdType type = f.type();
    if (layouts != null && type.id() > SYSDIG_029_LAST_FD_TYPE.id()) {
      // sysdig 0.29.3 refuses the whole file on an fd type it does not know ("wrong fd type 17");
      // the newer kinds (bpf, userfaultfd, io_uring, memfd, pidfd) carry just a name, as
      // "unsupported" entries do.
      type = FdType.UNSUPPORTED;
    }
    byte[] name = limits.text(f.name(), MetadataLimits.PATH);
    ensure(64 + name.length);
    int start = block.position();
    block.putInt(0).putLong(f.fd()).putLong(f.ino()).put((byte) type.id());
    switch (type) {
      case IPV4_SOCK:
      case IPV6_SOCK: {
        int size = type == FdType.IPV4_SOCK ? 4 : 16;
        putFixed(f.sourceIp(), size);
        putFixed(f.destIp(), size);
        block.putShort((short) f.sourcePort()).putShort((short) f.destPort())
            .put((byte) f.l4proto());
        break;
      }
      case IPV4_SERVSOCK:
      case IPV6_SERVSOCK:
        putFixed(f.sourceIp(), type == FdType.IPV4_SERVSOCK ? 4 : 16);
        block.putShort((short) f.sourcePort()).put((byte) f.l4proto());
        break;
      case UNIX_SOCK:
        block.putLong(f.unixSource()).putLong(f.unixDest());
        putStr16(name);
        break;
      case FILE_V2:
        block.putInt(f.openFlags());
        putStr16(name);
        block.putInt(f.dev()); // current writers always append dev
        break;
      default:
        putStr16(name);
    }
    block.putInt(start, block.position() - start); // FDL v2: the length includes itself
  }

  // ------------------------------------------------------------------ events

  /**
   * Writes one event: one block, two blocks when an older layout needs the enter event in front,
   * or nothing (returns false, counted in {@link #skippedEvents()}) when the target has no
   * equivalent. Events are decoded with the current table unless their view uses the target's
   * own table ({@link EventTable#sysdig029()}), in which case they are taken as already fitting.
   *
   * @throws IllegalArgumentException for an event of a non-large type bigger than a block allows
   *     (nothing is written for it)
   */
  public boolean writeEvent(EventView ev) throws IOException {
    if (!headerWritten) {
      throw new IllegalStateException("writeHeader() must come first");
    }
    eventsIn++;
    int type = ev.type();
    if (layouts == null || ev.table() == layouts.older()) {
      if (!compatibility.accepts(type)) {
        return skip(type);
      }
      return writeAsStored(ev);
    }
    LayoutPlan plan = layouts.plan(type);
    if (plan == null) {
      return skip(type);
    }
    int sid = plan.syscallIdParam();
    if (sid >= 0 && sid < ev.paramCount() && ev.paramLength(sid) == 2
        && layouts.older().syscallName((int) ev.paramAsLong(sid)) == null) {
      return skip(type); // a syscall newer than the target: it would show a bogus name
    }
    if (plan.copiesAsIs(ev.paramCount())) {
      return writeAsStored(ev);
    }
    if (plan.drops()) {
      return skip(type);
    }
    boolean flags = ev.dumpFlags() != 0;
    TargetLayout enter = plan.enter();
    if (enter != null) {
      int last = lastWrittenType(ev.threadId());
      // Not added when the source had it (an old trace: written just before, as it is), nor for
      // a thread's first event of a layout unchanged since 2022: that syscall may have begun
      // before the capture, as old traces show (a first select exit without its enter).
      if (last == enter.type() || (last == NOT_SEEN && plan.unchangedLayout())
          || (plan.forkLike() && ev.paramCount() > 0 && ev.paramLength(0) == 8
              && ev.paramAsLong(0) == 0)) {
        enter = null; // ...nor for the child side of a fork: the new task never entered it
      }
    }
    TargetLayout older = plan.olderEvent();
    // check sizes first: a pair is written whole or not at all
    checkFits(ev, enter, flags);
    checkFits(ev, older, flags);
    if (older == null) {
      checkFits(ev, ev.lengthWidth() == 4, ev.encodedLength(), ev.type(), flags);
    }
    if (enter != null) {
      writeLayout(ev, enter, flags);
      enterEventsAdded++;
      enterAddedByType[type]++;
    }
    if (older != null) {
      writeLayout(ev, older, flags);
      rewrittenByType[type]++;
    } else {
      writeAsStored(ev);
    }
    return true;
  }

  private void checkFits(EventView ev, TargetLayout layout, boolean flags) {
    if (layout != null) {
      checkFits(ev, layout.isLarge(), layout.encodedSize(ev), layout.type(), flags);
    }
  }

  private static void checkFits(EventView ev, boolean large, int size, int writtenType,
      boolean flags) {
    int body = 2 + (flags ? 4 : 0) + size;
    if (!large && body > MAX_SMALL_BODY) {
      EventInfo info = EventTable.sysdig029().event(writtenType);
      throw new IllegalArgumentException("event " + ev.number() + " of type " + ev.type()
          + " needs " + body + " bytes as " + (info != null ? info.symbol() : "type " + writtenType)
          + ", more than a non-large event block holds");
    }
  }

  /** The type last written for thread {@code tid}, {@link #NOT_SEEN} when none (or evicted). */
  private int lastWrittenType(long tid) {
    int slot = (int) (tid & (RECENT_THREADS - 1));
    return recentTid[slot] == tid ? recentType[slot] : NOT_SEEN;
  }

  private void noteWritten(long tid, int type) {
    int slot = (int) (tid & (RECENT_THREADS - 1));
    recentTid[slot] = tid;
    recentType[slot] = type;
  }

  private void writeLayout(EventView ev, TargetLayout layout, boolean flags) throws IOException {
    begin(blockType(layout.isLarge(), flags));
    ensure(2 + (flags ? 4 : 0) + layout.encodedSize(ev));
    block.putShort((short) Math.max(0, ev.cpu()));
    if (flags) {
      block.putInt(ev.dumpFlags());
    }
    layout.write(ev, block);
    end();
    events++;
    noteWritten(ev.threadId(), layout.type());
  }

  private boolean skip(int type) {
    skipped++;
    if (type >= 0 && type < droppedByType.length) {
      droppedByType[type]++;
    } else {
      droppedUnknownType++;
    }
    return false;
  }

  private boolean writeAsStored(EventView ev) throws IOException {
    boolean large = ev.lengthWidth() == 4;
    boolean flags = ev.dumpFlags() != 0;
    int body = 2 + (flags ? 4 : 0) + ev.encodedLength();
    if (!large && body > MAX_SMALL_BODY) {
      throw new IllegalArgumentException("event " + ev.number() + " of type " + ev.type()
          + " needs " + body + " bytes, more than a non-large event block holds");
    }
    begin(blockType(large, flags));
    ensure(body);
    block.putShort((short) Math.max(0, ev.cpu()));
    if (flags) {
      block.putInt(ev.dumpFlags());
    }
    ev.writeV2(block);
    end();
    events++;
    noteWritten(ev.threadId(), ev.type());
    return true;
  }

  private static int blockType(boolean large, boolean flags) {
    return large ? (flags ? BlockType.EVF_V2_LARGE : BlockType.EV_V2_LARGE)
        : (flags ? BlockType.EVF_V2 : BlockType.EV_V2);
  }

  // ------------------------------------------------------------------ framing

  private void begin(int type) {
    block.clear();
    block.putInt(type).putInt(0);
  }

  private void end() throws IOException {
    int body = block.position() - 8;
    int pad = (4 - (body & 3)) & 3;
    ensure(pad + 4);
    for (int i = 0; i < pad; i++) {
      block.put((byte) 0);
    }
    int total = block.position() + 4;
    block.putInt(total);
    block.putInt(4, total);
    out.write(block.array(), 0, total);
    bytes += total;
  }

  private void ensure(int more) {
    if (block.remaining() < more + 8) {
      int cap = Math.max(block.capacity() * 2, block.position() + more + 8);
      ByteBuffer bigger = ByteBuffer.allocate(cap).order(ByteOrder.LITTLE_ENDIAN);
      block.flip();
      bigger.put(block);
      block = bigger;
    }
  }

  private void putFixed(byte[] b, int size) {
    for (int i = 0; i < size; i++) {
      block.put(b != null && i < b.length ? b[i] : 0);
    }
  }

  private void putStr16(byte[] b) {
    block.putShort((short) b.length).put(b);
  }

  /** Flushes and closes the file. */
  @Override
  public void close() throws IOException {
    if (!closed) {
      closed = true;
      out.close();
    }
  }
}
