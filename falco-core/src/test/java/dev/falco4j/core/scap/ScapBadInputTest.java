package dev.falco4j.core.scap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.falco4j.core.event.EventView;
import dev.falco4j.core.event.spi.EventSource;
import dev.falco4j.core.event.spi.EventSourceStats;
import dev.falco4j.core.testing.SharedFiles;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every malformed input ends in a precise ScapFormatException or a counted skip. */
class ScapBadInputTest {

  static byte[] plain;
  static int firstEvent;

  @BeforeAll
  static void load() throws IOException {
    plain = TraceBytes.decompressed(SharedFiles.resolve("traces/syscall.scap"));
    firstEvent = TraceBytes.firstBlock(plain, BlockType.EV);
  }

  static EventSourceStats readAll(byte[] data, boolean strict) throws IOException {
    EventView v = new EventView();
    try (ScapFileSource src = ScapFileSource.open(new ByteArrayInputStream(data), "bad.scap",
        ScapReadOptions.defaults().withStrict(strict))) {
      while (src.next(v) != EventSource.END) {
        // drain
      }
      return src.stats();
    }
  }

  static ScapFormatException failure(byte[] data) {
    try {
      readAll(data, true);
    } catch (ScapFormatException e) {
      return e;
    } catch (IOException e) {
      throw new AssertionError("expected a ScapFormatException, got " + e, e);
    }
    throw new AssertionError("expected a ScapFormatException, the read succeeded");
  }

  @Test
  void emptyFile() {
    assertThat(failure(new byte[0]).getMessage()).isEqualTo("bad.scap: offset 0: empty file:"
        + " expected a section header block");
  }

  @Test
  void wrongMagicAndByteOrder() {
    byte[] d = plain.clone();
    TraceBytes.putInt(d, 8, 0x12345678);
    ScapFormatException e = failure(d);
    assertThat(e.offset()).isEqualTo(12);
    assertThat(e.blockType()).isEqualTo(BlockType.SHB);
    assertThat(e.getMessage()).contains("expected byte-order magic 0x1a2b3c4d, found 0x12345678");
    TraceBytes.putInt(d, 8, 0x4D3C2B1A);
    assertThat(failure(d).getMessage()).contains("big-endian");
  }

  @Test
  void fileNotStartingWithASectionHeader() {
    byte[] d = Arrays.copyOfRange(plain, firstEvent, plain.length);
    ScapFormatException e = failure(d);
    assertThat(e.offset()).isZero();
    assertThat(e.getMessage()).contains("expected a section header block");
  }

  @Test
  void truncatedInsideAnEventBlock() {
    int cut = firstEvent + 20;
    ScapFormatException e = failure(Arrays.copyOf(plain, cut));
    assertThat(e.offset()).isEqualTo(firstEvent);
    assertThat(e.blockType()).isEqualTo(BlockType.EV);
    assertThat(e.problem()).contains("truncated block").contains("ends after 20");
  }

  @Test
  void truncatedInsideABlockHeader() {
    int last = TraceBytes.blockOffsets(plain).get(TraceBytes.blockOffsets(plain).size() - 1);
    ScapFormatException e = failure(Arrays.copyOf(plain, last + 5));
    assertThat(e.offset()).isEqualTo(last);
    assertThat(e.problem()).contains("inside a block header (5 of 8 bytes)");
  }

  @Test
  void blockLengthRunningPastTheEndDoesNotAllocateIt() {
    byte[] d = plain.clone();
    TraceBytes.putInt(d, firstEvent + 4, 200 << 20); // 200 MiB claimed in a 260 KiB file
    ScapFormatException e = failure(d);
    assertThat(e.offset()).isEqualTo(firstEvent);
    assertThat(e.problem()).contains("declares 209715200 bytes");
    TraceBytes.putInt(d, firstEvent + 4, -8); // 4 GiB
    assertThat(failure(d).problem()).contains("4294967288 exceeds the limit");
    TraceBytes.putInt(d, firstEvent + 4, 4);
    assertThat(failure(d).problem()).contains("smaller than the 12-byte minimum");
    // the same on a later event block (read by the event loop)
    byte[] f = plain.clone();
    int third = TraceBytes.blockOffsets(f).get(TraceBytes.blockOffsets(f).indexOf(firstEvent) + 2);
    TraceBytes.putInt(f, third + 4, -8);
    ScapFormatException later = failure(f);
    assertThat(later.offset()).isEqualTo(third);
    assertThat(later.problem()).contains("outside 12..");
  }

  @Test
  void metadataTrailerMismatchAndWrongMachineInfoSize() {
    byte[] d = plain.clone();
    int mi = TraceBytes.firstBlock(d, BlockType.MI);
    TraceBytes.putInt(d, mi + 192 - 4, 196);
    ScapFormatException e = failure(d);
    assertThat(e.blockType()).isEqualTo(BlockType.MI);
    assertThat(e.problem()).contains("trailer says 196 bytes, header says 192");
  }

  @Test
  void unknownBlockBeforeEventsIsSkippedAfterEventsIsAnError() throws IOException {
    byte[] d = plain.clone();
    int il = TraceBytes.firstBlock(d, BlockType.IL);
    TraceBytes.putInt(d, il, 0x7777);
    EventSourceStats s = readAll(d, true);
    assertThat(s.events()).isEqualTo(368);
    assertThat(s.firstProblem()).contains("unknown block type skipped").contains("0x7777");
    byte[] e = plain.clone();
    int secondEvent = TraceBytes.blockOffsets(e).get(TraceBytes.blockOffsets(e).indexOf(firstEvent) + 1);
    TraceBytes.putInt(e, secondEvent, 0x7777);
    ScapFormatException ex = failure(e);
    assertThat(ex.offset()).isEqualTo(secondEvent);
    assertThat(ex.problem()).contains("expected an event block");
  }

  @Test
  void unknownEventTypeIsSkippedAndCounted() throws IOException {
    byte[] d = plain.clone();
    TraceBytes.putShort(d, firstEvent + 8 + 2 + 20, 9999);
    EventSourceStats s = readAll(d, true);
    assertThat(s.events()).isEqualTo(367);
    assertThat(s.skippedUnknownType()).isEqualTo(1);
  }

  @Test
  void parameterLengthsOverflowingTheirEvent() throws IOException {
    byte[] d = plain.clone();
    int ev = TraceBytes.firstBlock(d, BlockType.EV);
    // first length of the legacy event: make it far larger than the event
    TraceBytes.putShort(d, ev + 8 + 2 + 22, 60000);
    EventSourceStats lenient = readAll(d, false);
    assertThat(lenient.events()).isEqualTo(367);
    assertThat(lenient.skippedMalformed()).isEqualTo(1);
    assertThat(lenient.firstProblem()).contains("offset " + ev).contains("legacy event");
    ScapFormatException e = failure(d);
    assertThat(e.offset()).isEqualTo(ev);
    assertThat(e.problem()).contains("no parameter count fits");
  }

  @Test
  void v2EventWithBadParamCount() throws IOException {
    byte[] d = TraceBytes.decompressed(SharedFiles.resolve("traces/empty.scap"));
    int ev = TraceBytes.firstBlock(d, BlockType.EV_V2);
    TraceBytes.putInt(d, ev + 8 + 2 + 22, 100_000);
    EventSourceStats s = readAll(d, false);
    assertThat(s.skippedMalformed()).isEqualTo(1);
    assertThat(s.firstProblem()).contains("length array does not fit");
  }

  @Test
  void sectionWithoutEvents() {
    ScapFormatException e = failure(Arrays.copyOf(plain, firstEvent));
    assertThat(e.offset()).isEqualTo(firstEvent);
    assertThat(e.problem()).contains("no events in file");
  }

  @Test
  void gzipCutShortAndCorrupt() throws IOException {
    byte[] gz = TraceBytes.gzip(plain);
    ScapFormatException e = failure(Arrays.copyOf(gz, gz.length / 2));
    assertThat(e.problem()).contains("gzip");
    byte[] bad = gz.clone();
    for (int i = 20; i < 60; i++) {
      bad[i] ^= 0x5A;
    }
    assertThatThrownBy(() -> readAll(bad, true)).isInstanceOf(ScapFormatException.class);
  }

  @Test
  void newerMajorVersionIsRefused() {
    byte[] d = plain.clone();
    TraceBytes.putShort(d, 12, 2);
    assertThat(failure(d).problem()).contains("unsupported major version 2");
  }
}
