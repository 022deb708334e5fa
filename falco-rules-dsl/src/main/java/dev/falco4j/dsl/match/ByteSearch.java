package dev.falco4j.dsl.match;

/** Allocation-free primitive operations on byte ranges, shared by the string matchers. */
public final class ByteSearch {

    private ByteSearch() {
    }

    /** ASCII lower case of one byte; other bytes (including UTF-8 continuation bytes) unchanged. */
    public static byte lower(byte b) {
        return b >= 'A' && b <= 'Z' ? (byte) (b + 32) : b;
    }

    /** ASCII upper case of one byte. */
    public static byte upper(byte b) {
        return b >= 'a' && b <= 'z' ? (byte) (b - 32) : b;
    }

    /** Whether {@code a[aOff..aOff+len)} equals {@code b[bOff..bOff+len)}. */
    public static boolean regionEquals(byte[] a, int aOff, byte[] b, int bOff, int len) {
        for (int i = 0; i < len; i++) {
            if (a[aOff + i] != b[bOff + i]) {
                return false;
            }
        }
        return true;
    }

    /** Index of {@code needle} in {@code hay[off..off+len)} relative to {@code off}, or -1. */
    public static int indexOf(byte[] hay, int off, int len, byte[] needle) {
        int n = needle.length;
        if (n == 0) {
            return 0;
        }
        byte first = needle[0];
        int last = off + len - n;
        for (int i = off; i <= last; i++) {
            if (hay[i] == first && regionEquals(hay, i + 1, needle, 1, n - 1)) {
                return i - off;
            }
        }
        return -1;
    }

    /** Like {@link #indexOf} with ASCII case folding; {@code lowerNeedle} is already lower case. */
    public static int indexOfIgnoreCase(byte[] hay, int off, int len, byte[] lowerNeedle) {
        int n = lowerNeedle.length;
        if (n == 0) {
            return 0;
        }
        int last = off + len - n;
        outer:
        for (int i = off; i <= last; i++) {
            for (int j = 0; j < n; j++) {
                if (lower(hay[i + j]) != lowerNeedle[j]) {
                    continue outer;
                }
            }
            return i - off;
        }
        return -1;
    }

    /** Unsigned lexicographic comparison of two ranges (like {@code strcmp} on bytes). */
    public static int compare(byte[] a, int aOff, int aLen, byte[] b, int bOff, int bLen) {
        int n = Math.min(aLen, bLen);
        for (int i = 0; i < n; i++) {
            int x = a[aOff + i] & 0xff;
            int y = b[bOff + i] & 0xff;
            if (x != y) {
                return x - y;
            }
        }
        return aLen - bLen;
    }

    /** A 32-bit hash of a range (FNV-1a followed by a finaliser), stable across runs. */
    public static int hash(byte[] a, int off, int len) {
        int h = 0x811c9dc5;
        for (int i = off; i < off + len; i++) {
            h ^= a[i];
            h *= 0x01000193;
        }
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        return h;
    }
}
