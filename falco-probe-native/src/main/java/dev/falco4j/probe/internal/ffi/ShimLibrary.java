package dev.falco4j.probe.internal.ffi;

import java.nio.ByteBuffer;
import jnr.ffi.LibraryLoader;
import jnr.ffi.Pointer;
import jnr.ffi.annotations.IgnoreError;
import jnr.ffi.annotations.In;
import jnr.ffi.annotations.Out;
import jnr.ffi.byref.PointerByReference;
import jnr.ffi.types.size_t;
import jnr.ffi.types.u_int32_t;

/**
 * The loader shim's C API ({@code src/main/c/shim/f4j_shim.h}) as JNR-FFI sees it. Public only because
 * JNR generates the implementation at run time; not part of the module's API. Every function returns 0
 * (or a count) or {@code -errno}; messages land in the caller's byte array, NUL-terminated.
 *
 * <p>{@link #f4j_poll_batch} takes direct buffers only, so no Java array is pinned while the call waits
 * for events (a pinned array would hold off the garbage collector for the whole timeout).
 */
@IgnoreError
public interface ShimLibrary {

  /** Loads the shim from an absolute path (as extracted from the jar). */
  static ShimLibrary load(String absolutePath) {
    return LibraryLoader.create(ShimLibrary.class).failImmediately().load(absolutePath);
  }

  int f4j_abi_version();

  int f4j_open(
      String objPath,
      @u_int32_t int ringBytes,
      @Out PointerByReference out,
      @Out byte[] msg,
      @size_t long msgLen);

  int f4j_set_interesting(Pointer probe, @In short[] eventTypes, @u_int32_t int count);

  int f4j_select_all(Pointer probe);

  int f4j_set_excluded_tgid(Pointer probe, @u_int32_t int tgid);

  int f4j_start(Pointer probe, @Out byte[] msg, @size_t long msgLen);

  /** {@code out} is a direct buffer of two u32: bytes written, events written. */
  int f4j_poll_batch(
      Pointer probe, ByteBuffer buf, @u_int32_t int cap, int timeoutMs, ByteBuffer out);

  int f4j_cpu_count(Pointer probe);

  int f4j_stats(Pointer probe, @Out long[] out, @u_int32_t int cap);

  int f4j_stop(Pointer probe);

  void f4j_close(Pointer probe);
}
