package dev.falco4j.core.scap;

import dev.falco4j.core.event.EventInfo;
import dev.falco4j.core.event.EventTable;
import dev.falco4j.core.event.EventType;
import dev.falco4j.core.event.EventView;
import dev.falco4j.core.event.spi.EventSource;
import dev.falco4j.core.event.spi.EventSourceStats;
import dev.falco4j.core.event.spi.FdSnapshot;
import dev.falco4j.core.event.spi.GroupSnapshot;
import dev.falco4j.core.event.spi.InitialState;
import dev.falco4j.core.event.spi.InterfaceSnapshot;
import dev.falco4j.core.event.spi.MachineInfo;
import dev.falco4j.core.event.spi.ThreadSnapshot;
import dev.falco4j.core.event.spi.UserSnapshot;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.zip.GZIPInputStream;

/**
 * Reads {@code .scap} trace files as written by sysdig, Falco and libscap (scap-format.md): gzip
 * or plain, several concatenated sections, every block type and version, legacy event blocks
 * without a parameter count. Events are streamed through a fixed window, so memory stays constant
 * for files of any size; each event is shown through the caller's {@link EventView} in place.
 *
 * <p>Events whose type id is not in the event table are skipped and counted, like libscap does
 * (they take no event number). Malformed events are skipped and counted (or, with {@link
 * ScapReadOptions#strict()}, end the read); broken framing, a bad header or a truncated file end
 * the read with a {@link ScapFormatException} naming the file, offset and block.
 *
 * <p>Numbering follows sysdig 0.29: every delivered event gets the next number, starting at 1,
 * across sections.
 */
public final class ScapFileSource implements EventSource {

  private final String name;
  private final BlockInput input;
  private final ScapReadOptions options;
  private final EventTable table;
  private InitialState state;
  private boolean closed;
  private long number;
  private long skippedUnknown;
  private long skippedMalformed;
  private int sections;
  private String firstProblem;
  /** Rebuilds the rare legacy events whose stored length is off (notification, infra). */
  private ByteBuffer legacyScratch = ByteBuffer.allocate(1 << 12).order(ByteOrder.LITTLE_ENDIAN);

  private ScapFileSource(InputStream in, String name, ScapReadOptions options, EventTable table)
      throws IOException {
    this.name = name;
    this.options = options;
    this.table = table;
    this.input = new BlockInput(in, name, options.bufferBytes());
    try {
      readSectionStart(true);
    } catch (IOException | RuntimeException e) {
      input.close();
      throw e;
    }
  }

  /** Opens a trace file (gzip or plain) with default options. */
  public static ScapFileSource open(Path file) throws IOException {
    return open(file, ScapReadOptions.defaults());
  }

  /** Opens a trace file (gzip or plain). */
  public static ScapFileSource open(Path file, ScapReadOptions options) throws IOException {
    return open(file, options, EventTable.current());
  }

  /**
   * Opens a trace file decoding with {@code table} (which decides which type ids are known, the
   * length-array width and the inferred parameter counts of legacy events). Views passed to
   * {@link #next} should use the same table. {@link EventTable#sysdig029()} reproduces what sysdig
   * 0.29.3 reads.
   */
  public static ScapFileSource open(Path file, ScapReadOptions options, EventTable table)
      throws IOException {
    InputStream raw = Files.newInputStream(file);
    try {
      return open(raw, file.toString(), options, table);
    } catch (IOException | RuntimeException e) {
      raw.close();
      throw e;
    }
  }

  /**
   * Reads a trace from a stream (gzip is detected by its magic). The source closes the stream.
   *
   * @param name used in messages
   */
  public static ScapFileSource open(InputStream in, String name, ScapReadOptions options)
      throws IOException {
    return open(in, name, options, EventTable.current());
  }

  /** Reads a trace from a stream with the given table; the source closes the stream. */
  public static ScapFileSource open(
      InputStream in, String name, ScapReadOptions options, EventTable table) throws IOException {
    BufferedInputStream bin = new BufferedInputStream(in, 1 << 16);
    bin.mark(2);
    int b0 = bin.read();
    int b1 = bin.read();
    bin.reset();
    InputStream data = bin;
    if (b0 == 0x1f && b1 == 0x8b) {
      try {
        data = new GZIPInputStream(bin, 1 << 16);
      } catch (IOException e) {
        throw new ScapFormatException(name, 0, -1, "corrupt gzip header: " + e.getMessage(), e);
      }
    } else if (b0 < 0) {
      throw new ScapFormatException(name, 0, -1, "empty file: expected a section header block");
    }
    return new ScapFileSource(data, name, options, table);
  }

  // ------------------------------------------------------------------ sections

  /**
   * Reads a section header and the metadata blocks after it, stopping before the first event
   * block (which stays unread).
   */
  private void readSectionStart(boolean first) throws IOException {
    long shbOffset = input.streamOffset();
    int[] header = readBlockHeader(true);
    if (header == null) {
      throw new ScapFormatException(name, shbOffset, -1, "empty file: expected a section header");
    }
    if (header[0] != BlockType.SHB) {
      throw new ScapFormatException(name, shbOffset, header[0] & 0xFFFFFFFFL,
          "expected a section header block (0x0a0d0d0a) at the start of a section");
    }
    int blockPos = input.position();
    int len = header[1];
    if (len < 28) {
      throw new ScapFormatException(name, shbOffset, BlockType.SHB,
          "section header block of " + len + " bytes, expected at least 28");
    }
    checkTrailer(blockPos, len, BlockType.SHB);
    MetadataDecoder.sectionHeader(cursor(blockPos, len, BlockType.SHB));
    input.skip(len);
    sections++;

    MachineInfo machine = null;
    List<ThreadSnapshot> threads = new ArrayList<>();
    List<FdSnapshot> fds = new ArrayList<>();
    List<UserSnapshot> users = new ArrayList<>();
    List<GroupSnapshot> groups = new ArrayList<>();
    List<InterfaceSnapshot> ifs = new ArrayList<>();
    while (true) {
      long off = input.streamOffset();
      int[] h = readBlockHeader(false);
      if (h == null) {
        throw new ScapFormatException(name, off, -1,
            "no events in file: the section ends inside its metadata (expected an event block)");
      }
      int type = h[0];
      if (BlockType.isEvent(type)) {
        break; // leave it for next()
      }
      int pos = input.position();
      int blen = h[1];
      long btype = type & 0xFFFFFFFFL;
      if (type == BlockType.SHB) {
        throw new ScapFormatException(name, off, btype,
            "section header inside the metadata of a section (expected metadata or events)");
      }
      int plVersion = BlockType.processListVersion(type);
      switch (type) {
        case BlockType.MI:
        case BlockType.MI_INT:
          checkTrailer(pos, blen, btype);
          machine = MetadataDecoder.machine(cursor(pos, blen, btype));
          break;
        case BlockType.FDL:
        case BlockType.FDL_INT:
        case BlockType.FDL_V2:
          checkTrailer(pos, blen, btype);
          MetadataDecoder.fdList(cursor(pos, blen, btype), type == BlockType.FDL_V2 ? 2 : 1, fds);
          break;
        case BlockType.IL:
        case BlockType.IL_INT:
        case BlockType.IL_V2:
          checkTrailer(pos, blen, btype);
          MetadataDecoder.interfaces(cursor(pos, blen, btype), type == BlockType.IL_V2 ? 2 : 1, ifs);
          break;
        case BlockType.UL:
        case BlockType.UL_INT:
        case BlockType.UL_V2:
          checkTrailer(pos, blen, btype);
          MetadataDecoder.users(cursor(pos, blen, btype), type == BlockType.UL_V2 ? 2 : 1,
              users, groups);
          break;
        default:
          if (plVersion > 0) {
            checkTrailer(pos, blen, btype);
            MetadataDecoder.processList(cursor(pos, blen, btype), plVersion, threads);
          } else {
            // unknown metadata block before the first event: skipped (forward compatibility)
            noteProblem(off, btype, "unknown block type skipped");
          }
      }
      input.skip(blen);
    }
    state = new InitialState(machine, threads, keepKnownThreads(fds, threads), users, groups, ifs);
  }

  /** Fds of threads missing from the process list are dropped, as libscap does. */
  private static List<FdSnapshot> keepKnownThreads(List<FdSnapshot> fds, List<ThreadSnapshot> ts) {
    Set<Long> tids = new HashSet<>();
    for (ThreadSnapshot t : ts) {
      tids.add(t.tid());
    }
    List<FdSnapshot> out = new ArrayList<>(fds.size());
    for (FdSnapshot f : fds) {
      if (tids.contains(f.tid())) {
        out.add(f);
      }
    }
    return out;
  }

  private BodyCursor cursor(int blockPos, int len, long btype) {
    return new BodyCursor(input.buffer(), blockPos + 8, blockPos + len - 4, name, btype,
        input.streamOffset(0));
  }

  private void checkTrailer(int blockPos, int len, long btype) throws ScapFormatException {
    int trailer = input.buffer().getInt(blockPos + len - 4);
    if (trailer != len) {
      throw new ScapFormatException(name, input.streamOffset(blockPos + len - 4), btype,
          "block trailer says " + (trailer & 0xFFFFFFFFL) + " bytes, header says " + len);
    }
  }

  /**
   * Reads a block header and makes the whole block available at {@link BlockInput#position()}.
   * Returns {type, length}, or null at a clean end of stream.
   */
  private int[] readBlockHeader(boolean atSectionStart) throws IOException {
    long off = input.streamOffset();
    if (!input.ensure(8)) {
      if (input.available() == 0) {
        return null;
      }
      throw new ScapFormatException(name, off, -1, "file ends inside a block header ("
          + input.available() + " of 8 bytes)");
    }
    ByteBuffer b = input.buffer();
    int p = input.position();
    int type = b.getInt(p);
    long len = b.getInt(p + 4) & 0xFFFFFFFFL;
    long btype = type & 0xFFFFFFFFL;
    if (len < 12) {
      throw new ScapFormatException(name, off, btype,
          "block length " + len + " is smaller than the 12-byte minimum");
    }
    if ((len & 3) != 0 && !BlockType.isEvent(type)) {
      throw new ScapFormatException(name, off, btype,
          "block length " + len + " is not a multiple of 4");
    }
    if (len > options.maxBlockBytes()) {
      throw new ScapFormatException(name, off, btype, "block length " + len
          + " exceeds the limit of " + options.maxBlockBytes() + " bytes");
    }
    if (!input.ensure((int) len)) {
      throw new ScapFormatException(name, off, btype, "truncated block: it declares " + len
          + " bytes, the file ends after " + input.available());
    }
    return new int[] {type, (int) len};
  }

  private void noteProblem(long offset, long blockType, String problem) {
    if (firstProblem == null) {
      firstProblem = new ScapFormatException(name, offset, blockType, problem).getMessage();
    }
  }

  // ------------------------------------------------------------------ events

  @Override
  public String name() {
    return name;
  }

  @Override
  public InitialState initialState() {
    return state;
  }

  @Override
  public int next(EventView into) throws IOException {
    if (closed) {
      return END;
    }
    while (true) {
      // hot path: inline header read without allocating
      if (!input.ensure(8)) {
        if (input.available() == 0) {
          return END;
        }
        throw new ScapFormatException(name, input.streamOffset(), -1,
            "file ends inside a block header (" + input.available() + " of 8 bytes)");
      }
      ByteBuffer b = input.buffer();
      int p = input.position();
      int type = b.getInt(p);
      long len = b.getInt(p + 4) & 0xFFFFFFFFL;
      if (!BlockType.isEvent(type)) {
        if (type == BlockType.SHB) {
          readSectionStart(false);
          return NEW_SECTION;
        }
        throw new ScapFormatException(name, input.streamOffset(), type & 0xFFFFFFFFL,
            "expected an event block or a new section header after the first event block");
      }
      if (len < 12 || len > options.maxBlockBytes()) {
        throw new ScapFormatException(name, input.streamOffset(), type & 0xFFFFFFFFL,
            "event block length " + len + " outside 12.." + options.maxBlockBytes());
      }
      if (!input.ensure((int) len)) {
        throw new ScapFormatException(name, input.streamOffset(), type & 0xFFFFFFFFL,
            "truncated block: it declares " + len + " bytes, the file ends after "
                + input.available());
      }
      b = input.buffer();
      p = input.position();
      int r = decodeEvent(b, p, type, (int) len, into);
      input.skip((int) len);
      if (r == EVENT) {
        return EVENT;
      }
    }
  }

  /** Returns EVENT, or TIMEOUT meaning "skipped, go on". */
  private int decodeEvent(ByteBuffer b, int p, int type, int len, EventView into)
      throws ScapFormatException {
    int limit = p + len - 4;
    int evOff = p + 10;
    int cpu = b.getShort(p + 8) & 0xFFFF;
    int dumpFlags = 0;
    if (BlockType.hasDumpFlags(type)) {
      dumpFlags = b.getInt(p + 10);
      evOff += 4;
    }
    boolean v2 = BlockType.hasV2Header(type);
    int hdr = v2 ? EventView.HEADER_SIZE : EventView.LEGACY_HEADER_SIZE;
    if (evOff + hdr > limit) {
      return malformed(p, type, "event header does not fit in its block");
    }
    int evType = b.getShort(evOff + 20) & 0xFFFF;
    if (evType >= table.size()) {
      skippedUnknown++;
      return TIMEOUT;
    }
    if (v2) {
      into.reset(b, evOff, cpu, dumpFlags, number + 1);
      int problem = into.checkLayout(limit);
      if (problem != EventView.LAYOUT_OK) {
        return malformed(p, type, EventView.layoutProblem(problem));
      }
    } else {
      if (table.event(evType) == null) {
        return malformed(p, type, EventView.layoutProblem(EventView.LAYOUT_UNKNOWN_TYPE));
      }
      int n = inferParamCount(b, evOff, evType, limit);
      if (n < 0) {
        return malformed(p, type, "legacy event: no parameter count fits its lengths");
      }
      if (isLengthQuirk(evType)) {
        return legacyQuirk(b, evOff, n, cpu, dumpFlags, into, p, type);
      }
      into.resetLegacy(b, evOff, n, cpu, dumpFlags, number + 1);
      // The inference checked every length against the event's end: nothing left to validate.
      into.deferLayout();
    }
    number++;
    return EVENT;
  }

  /** The stored length of these two legacy events is 3 too large (scap-format.md §9.4). */
  private int legacyQuirk(ByteBuffer b, int evOff, int n, int cpu, int dumpFlags, EventView into,
      int blockPos, int type) throws ScapFormatException {
    int len = (b.getInt(evOff + 16)) - 3;
    int needed = len + 4;
    if (legacyScratch.capacity() < needed) {
      legacyScratch = ByteBuffer.allocate(needed).order(ByteOrder.LITTLE_ENDIAN);
    }
    ByteBuffer s = legacyScratch;
    s.clear();
    s.putLong(b.getLong(evOff)).putLong(b.getLong(evOff + 8)).putInt(len + 4)
        .putShort(b.getShort(evOff + 20)).putInt(n);
    s.put(EventView.HEADER_SIZE, b, evOff + EventView.LEGACY_HEADER_SIZE,
        len - EventView.LEGACY_HEADER_SIZE);
    into.reset(s, 0, cpu, dumpFlags, number + 1);
    int problem = into.checkLayout(needed);
    if (problem != EventView.LAYOUT_OK) {
      return malformed(blockPos, type, EventView.layoutProblem(problem));
    }
    number++;
    return EVENT;
  }

  /** notification and infra events (same ids in every table version). */
  private boolean isLengthQuirk(int evType) {
    return evType == EventType.NOTIFICATION_E || evType == EventType.INFRASTRUCTURE_EVENT_E;
  }

  /**
   * Legacy events carry no parameter count: the count whose lengths exactly cover the rest of the
   * event, at most the table's count; -1 when none does (corrupt). Where the values end grows
   * strictly with the count (each parameter adds its length entry and its bytes), so at most one
   * count fits and one upward walk finds it. Old traces often carry fewer parameters than the
   * table declares; trying counts downwards re-summed the lengths for each and cost most of the
   * decoding time.
   */
  private int inferParamCount(ByteBuffer b, int evOff, int evType, int limit) {
    long evLen = b.getInt(evOff + 16) & 0xFFFFFFFFL;
    if (isLengthQuirk(evType)) {
      evLen -= 3;
    }
    if (evLen < EventView.LEGACY_HEADER_SIZE || evOff + evLen > limit) {
      return -1;
    }
    long end = evOff + evLen;
    int lensOff = evOff + EventView.LEGACY_HEADER_SIZE;
    EventInfo info = table.event(evType);
    int width = info.isLargePayload() ? 4 : 2;
    int max = info.paramCount();
    long valuesEnd = lensOff;
    for (int n = 0; ; n++) {
      if (valuesEnd == end) {
        return n;
      }
      if (valuesEnd > end || n == max || lensOff + (long) width * (n + 1) > end) {
        return -1;
      }
      long length = width == 2 ? b.getShort(lensOff + 2 * n) & 0xFFFF
          : b.getInt(lensOff + 4 * n) & 0xFFFFFFFFL;
      valuesEnd += width + length;
    }
  }

  private int malformed(int blockPos, int type, String problem) throws ScapFormatException {
    long off = input.streamOffset(blockPos);
    if (options.strict()) {
      throw new ScapFormatException(name, off, type & 0xFFFFFFFFL, problem);
    }
    skippedMalformed++;
    noteProblem(off, type & 0xFFFFFFFFL, problem);
    return TIMEOUT;
  }

  @Override
  public EventSourceStats stats() {
    return new EventSourceStats(number, input.streamOffset(), skippedUnknown, skippedMalformed, 0,
        sections, firstProblem);
  }

  /** Number of events delivered so far (cheap, no allocation). */
  public long eventCount() {
    return number;
  }

  /** Bytes of the (decompressed) stream consumed so far. */
  public long bytesRead() {
    return input.streamOffset();
  }

  @Override
  public void close() throws IOException {
    if (!closed) {
      closed = true;
      input.close();
    }
  }
}
