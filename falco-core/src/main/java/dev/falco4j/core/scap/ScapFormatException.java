package dev.falco4j.core.scap;

import java.io.IOException;

/**
 * A trace file that cannot be read on: names the file, the byte offset (in the decompressed
 * stream for gzip files), the block type when known, and what was expected. The message reads
 * {@code FILE: offset N, block 0x216 (EV_V2): expected ..., found ...}.
 */
public final class ScapFormatException extends IOException {

  private static final long serialVersionUID = 1L;

  private final String file;
  private final long offset;
  private final long blockType;
  private final String problem;

  /**
   * @param file file name or path
   * @param offset byte offset of the problem (decompressed stream), -1 if unknown
   * @param blockType type of the block being read, -1 if none
   * @param problem what was expected and what was found
   */
  public ScapFormatException(String file, long offset, long blockType, String problem) {
    this(file, offset, blockType, problem, null);
  }

  /** Same, with the underlying cause (an I/O or decompression error). */
  public ScapFormatException(
      String file, long offset, long blockType, String problem, Throwable cause) {
    super(format(file, offset, blockType, problem), cause);
    this.file = file;
    this.offset = offset;
    this.blockType = blockType;
    this.problem = problem;
  }

  private static String format(String file, long offset, long blockType, String problem) {
    StringBuilder sb = new StringBuilder(file).append(": ");
    if (offset >= 0) {
      sb.append("offset ").append(offset);
    }
    if (blockType >= 0) {
      sb.append(offset >= 0 ? ", " : "").append("block 0x").append(Long.toHexString(blockType))
          .append(" (").append(BlockType.name(blockType)).append(')');
    }
    return sb.append(offset >= 0 || blockType >= 0 ? ": " : "").append(problem).toString();
  }

  /** The file. */
  public String file() {
    return file;
  }

  /** Byte offset in the (decompressed) stream, -1 if unknown. */
  public long offset() {
    return offset;
  }

  /** Block type, -1 if none. */
  public long blockType() {
    return blockType;
  }

  /** The problem without file and position. */
  public String problem() {
    return problem;
  }
}
