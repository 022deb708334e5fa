/**
 * The {@code .scap} trace format (shared/spec/scap-format.md).
 *
 * <h2>Reading</h2>
 *
 * {@link dev.falco4j.core.scap.ScapFileSource} is the {@link dev.falco4j.core.event.spi.EventSource}
 * for trace files: gzip or plain, concatenated sections ({@code NEW_SECTION}), every block type and
 * version (PL v1-v9, FDL v1/v2, IL v1/v2, UL v1/v2, EV/EVF with the legacy 22-byte header whose
 * parameter count is inferred, EV_V2/EVF_V2 and their _LARGE variants with 32-bit length arrays,
 * the pre-release {@code 0x80xxABCD} aliases). It streams through a window that grows only with
 * data actually read, so multi-GB files use constant memory and corrupt lengths cannot force large
 * allocations. Events are shown as stored (no conversion of old layouts into today's), numbered
 * like sysdig 0.29 numbers them. Malformed input: a {@link dev.falco4j.core.scap.ScapFormatException}
 * with file, offset, block type and expectation, or (single bad events, unknown types, unknown
 * metadata blocks) a counted skip in {@link dev.falco4j.core.event.spi.EventSourceStats}.
 *
 * <h2>Writing</h2>
 *
 * {@link dev.falco4j.core.scap.ScapWriter} writes what current libscap writes; Debian's sysdig
 * 0.29.3 reads the result and prints byte-identical output for a copy of every shared trace
 * ({@code ScapRoundTripIT}). Event versions: sysdig 0.29.3 is built from libs e5c53d64 (March 2022)
 * and knows type ids 0-335, i.e. every event version up to that date (the corpus's old enter/exit
 * pairs, {@code execve} up to version 19 ({@code PPME_SYSCALL_EXECVE_19_E/X}, ids 292/293), {@code
 * clone} up to {@code CLONE_20}, {@code container} JSON ids 272 and 324...). It skips ids 336 and up
 * silently (no event number): from {@code open_by_handle_at} (336) on, e.g. the later versions of
 * {@code dup*}, {@code accept4}, {@code prctl}, {@code memfd_create}, the {@code io_uring_*},
 * {@code useradded}/{@code groupadded}, {@code asyncevent} (402) and the kernel-iterator {@code
 * task*} events. Param
 * positions keep their meaning across versions but may change type (mmap's {@code res} is UINT64
 * for sysdig 0.29, ERRNO today); sysdig shows parameters past its table's count as absent. With
 * {@link dev.falco4j.core.scap.ScapCompatibility#SYSDIG_0_29} (what {@code falco -w} writes) every
 * event is written in a layout it knows: the enter events its state engine needs are added, newer
 * versions become older ones, other syscalls the generic event, and the rest is left out and
 * counted ({@link dev.falco4j.core.scap.DownConversionReport}).
 *
 * <h2>What sysdig hides</h2>
 *
 * With {@code -D}, sysdig 0.29.3 shows every event of the shared traces except the leading
 * {@code container} events (ts 0, tid 0) it consumes while opening a file: 3 in
 * open-multiple-files.scap (they keep numbers 1-3). Without {@code -D} it also hides {@code
 * EC_INTERNAL} events ({@code procinfo}), which is why visible numbers start at 131 in
 * cat_write.scap. {@code falco inspect} follows the same rules.
 */
package dev.falco4j.core.scap;
