package dev.falco4j.core.scap;

/** Block type ids of the scap format (scap-format.md §4), including pre-release aliases. */
public final class BlockType {
  /** Section header. */
  public static final int SHB = 0x0A0D0D0A;
  /** Machine info. */
  public static final int MI = 0x201;
  /** Machine info, pre-release alias. */
  public static final int MI_INT = 0x8002ABCD;
  /** Process list v1..v9. */
  public static final int PL_V1 = 0x202;
  public static final int PL_V1_INT = 0x8000ABCD;
  public static final int PL_V2 = 0x207;
  public static final int PL_V2_INT = 0x8013ABCD;
  public static final int PL_V3 = 0x209;
  public static final int PL_V3_INT = 0x8014ABCD;
  public static final int PL_V4 = 0x210;
  public static final int PL_V5 = 0x211;
  public static final int PL_V6 = 0x212;
  public static final int PL_V7 = 0x213;
  public static final int PL_V8 = 0x214;
  public static final int PL_V9 = 0x215;
  /** Fd list v1 and v2. */
  public static final int FDL = 0x203;
  public static final int FDL_INT = 0x8001ABCD;
  public static final int FDL_V2 = 0x218;
  /** Event blocks. */
  public static final int EV = 0x204;
  public static final int EV_INT = 0x8010ABCD;
  public static final int EVF = 0x208;
  public static final int EV_V2 = 0x216;
  public static final int EVF_V2 = 0x217;
  public static final int EV_V2_LARGE = 0x221;
  public static final int EVF_V2_LARGE = 0x222;
  /** Interface list v1 and v2. */
  public static final int IL = 0x205;
  public static final int IL_INT = 0x8011ABCD;
  public static final int IL_V2 = 0x219;
  /** User list v1 and v2. */
  public static final int UL = 0x206;
  public static final int UL_INT = 0x8012ABCD;
  public static final int UL_V2 = 0x220;

  private BlockType() {}

  /** Process-list version of a block type (1-9), or 0 when it is not a process list. */
  public static int processListVersion(int type) {
    switch (type) {
      case PL_V1: case PL_V1_INT: return 1;
      case PL_V2: case PL_V2_INT: return 2;
      case PL_V3: case PL_V3_INT: return 3;
      case PL_V4: return 4;
      case PL_V5: return 5;
      case PL_V6: return 6;
      case PL_V7: return 7;
      case PL_V8: return 8;
      case PL_V9: return 9;
      default: return 0;
    }
  }

  /** True for the event block types. */
  public static boolean isEvent(int type) {
    switch (type) {
      case EV: case EV_INT: case EVF: case EV_V2: case EVF_V2: case EV_V2_LARGE: case EVF_V2_LARGE:
        return true;
      default:
        return false;
    }
  }

  /** True for event blocks carrying a 32-bit dump-flags word. */
  public static boolean hasDumpFlags(int type) {
    return type == EVF || type == EVF_V2 || type == EVF_V2_LARGE;
  }

  /** True for event blocks whose event has the v2 (26-byte) header. */
  public static boolean hasV2Header(int type) {
    return type == EV_V2 || type == EVF_V2 || type == EV_V2_LARGE || type == EVF_V2_LARGE;
  }

  /** Short name of a block type ({@code EV_V2}), or {@code unknown}. */
  public static String name(long type) {
    switch ((int) type) {
      case SHB: return "SHB";
      case MI: case MI_INT: return "MI";
      case FDL: case FDL_INT: return "FDL";
      case FDL_V2: return "FDL_V2";
      case EV: case EV_INT: return "EV";
      case EVF: return "EVF";
      case EV_V2: return "EV_V2";
      case EVF_V2: return "EVF_V2";
      case EV_V2_LARGE: return "EV_V2_LARGE";
      case EVF_V2_LARGE: return "EVF_V2_LARGE";
      case IL: case IL_INT: return "IL";
      case IL_V2: return "IL_V2";
      case UL: case UL_INT: return "UL";
      case UL_V2: return "UL_V2";
      default:
        int v = processListVersion((int) type);
        return v > 0 ? "PL_V" + v : "unknown";
    }
  }
}
