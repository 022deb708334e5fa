package dev.falco4j.dsl.compile;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;

/**
 * Conversion of literal text to typed constants at compile time. Failures throw
 * {@link IllegalArgumentException} with a user-facing message; this happens while compiling,
 * never per event.
 */
final class Literals {

    private Literals() {
    }

    /** An integer for a numeric field type, range-checked against the type's width. */
    static long integer(String text, FieldType type) {
        String t = text.trim();
        boolean unsigned = type.family() == FieldType.Family.UNSIGNED;
        long value;
        try {
            if (t.startsWith("0x") || t.startsWith("0X")) {
                value = Long.parseUnsignedLong(t.substring(2), 16);
            } else if (type == FieldType.MODE && t.length() > 1 && t.startsWith("0")) {
                value = Long.parseLong(t, 8);
            } else if (unsigned && !t.startsWith("-")) {
                value = Long.parseUnsignedLong(t.startsWith("+") ? t.substring(1) : t);
            } else {
                value = Long.parseLong(t);
            }
        } catch (NumberFormatException e) {
            if (type == FieldType.PORT && !t.isEmpty() && Character.isLetter(t.charAt(0))) {
                int port = ServiceNames.port(t);
                if (port >= 0) {
                    return port;
                }
                throw new IllegalArgumentException("'" + text + "' is neither a port number nor a known service name");
            }
            throw new IllegalArgumentException("'" + text + "' is not a valid " + typeName(type) + " value");
        }
        checkRange(text, value, type);
        return value;
    }

    private static void checkRange(String text, long v, FieldType type) {
        long min;
        long max;
        switch (type) {
            case INT8 -> { min = Byte.MIN_VALUE; max = Byte.MAX_VALUE; }
            case INT16 -> { min = Short.MIN_VALUE; max = Short.MAX_VALUE; }
            case INT32 -> { min = Integer.MIN_VALUE; max = Integer.MAX_VALUE; }
            case UINT8, L4PROTO -> { min = 0; max = 0xffL; }
            case UINT16, PORT -> { min = 0; max = 0xffffL; }
            case UINT32, UID, MODE, FLAGS -> { min = 0; max = 0xffffffffL; }
            case UINT64, ABSTIME, RELTIME -> {
                if (text.trim().startsWith("-")) {
                    throw new IllegalArgumentException("'" + text + "' is negative but " + typeName(type) + " is unsigned");
                }
                return;
            }
            default -> {
                return;
            }
        }
        if (v < min || v > max) {
            throw new IllegalArgumentException("'" + text + "' is out of range for " + typeName(type)
                    + " (" + min + ".." + max + ")");
        }
    }

    /** {@code true}/{@code false} (any case) or 1/0, as 1 or 0. */
    static long bool(String text) {
        String t = text.trim().toLowerCase(java.util.Locale.ROOT);
        if (t.equals("true") || t.equals("1")) {
            return 1;
        }
        if (t.equals("false") || t.equals("0")) {
            return 0;
        }
        throw new IllegalArgumentException("'" + text + "' is not a boolean (true or false)");
    }

    /** Hex text to bytes ({@code bcontains}, {@code bstartswith}). */
    static byte[] hex(String text, String operator) {
        String t = text.trim();
        if (t.isEmpty() || t.length() % 2 != 0) {
            throw new IllegalArgumentException("'" + operator + "' expects an even number of hex digits, found '" + text + "'");
        }
        byte[] out = new byte[t.length() / 2];
        for (int i = 0; i < out.length; i++) {
            int hi = Character.digit(t.charAt(2 * i), 16);
            int lo = Character.digit(t.charAt(2 * i + 1), 16);
            if (hi < 0 || lo < 0) {
                throw new IllegalArgumentException("'" + operator + "' expects hex bytes (e.g. 2f657463), found '" + text + "'");
            }
            out[i] = (byte) (hi << 4 | lo);
        }
        return out;
    }

    /** UTF-8 bytes of a literal string. */
    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * An address or network for an IP field: {@code out[0]} receives the address bytes, the return
     * value is the prefix length in bits.
     */
    static int network(String text, FieldType type, byte[][] out) {
        String t = text.trim();
        boolean networksAllowed = type == FieldType.IPV4NET || type == FieldType.IPV6NET || type == FieldType.IPNET;
        int slash = t.indexOf('/');
        String addr = slash < 0 ? t : t.substring(0, slash);
        byte[] bytes = address(addr);
        if (bytes == null) {
            throw new IllegalArgumentException("'" + text + "' is not an IP address" + (networksAllowed ? " or network" : ""));
        }
        boolean v4 = bytes.length == 4;
        if ((type == FieldType.IPV4ADDR || type == FieldType.IPV4NET) && !v4) {
            throw new IllegalArgumentException("'" + text + "' is an IPv6 address but the field is IPv4");
        }
        if ((type == FieldType.IPV6ADDR || type == FieldType.IPV6NET) && v4) {
            throw new IllegalArgumentException("'" + text + "' is an IPv4 address but the field is IPv6");
        }
        int bits = bytes.length * 8;
        if (slash >= 0) {
            if (!networksAllowed) {
                throw new IllegalArgumentException("'" + text + "' is a network but the field holds a single address;"
                        + " compare a network field (e.g. fd.net) with a network");
            }
            try {
                bits = Integer.parseInt(t.substring(slash + 1));
            } catch (NumberFormatException e) {
                bits = -1;
            }
            if (bits < 0 || bits > bytes.length * 8) {
                throw new IllegalArgumentException("'" + text + "' has an invalid prefix length");
            }
        }
        out[0] = bytes;
        return bits;
    }

    /** IPv4 dotted quad or IPv6 literal to bytes, or null; never does a DNS lookup. */
    static byte[] address(String s) {
        if (s.indexOf(':') < 0) {
            String[] parts = s.split("\\.", -1);
            if (parts.length != 4) {
                return null;
            }
            byte[] out = new byte[4];
            for (int i = 0; i < 4; i++) {
                String p = parts[i];
                if (p.isEmpty() || p.length() > 3) {
                    return null;
                }
                int v = 0;
                for (int j = 0; j < p.length(); j++) {
                    char c = p.charAt(j);
                    if (c < '0' || c > '9') {
                        return null;
                    }
                    v = v * 10 + (c - '0');
                }
                if (v > 255) {
                    return null;
                }
                out[i] = (byte) v;
            }
            return out;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.digit(c, 16) < 0 && c != ':' && c != '.') {
                return null;
            }
        }
        try {
            // only hex digits, ':' and '.' reach here: a literal, so no name lookup happens
            byte[] b = InetAddress.getByName(s).getAddress();
            if (b.length == 4) {
                // ::ffff:a.b.c.d is folded to IPv4 by the JDK; keep the 16-byte form the user wrote
                byte[] mapped = new byte[16];
                mapped[10] = (byte) 0xff;
                mapped[11] = (byte) 0xff;
                System.arraycopy(b, 0, mapped, 12, 4);
                return mapped;
            }
            return b;
        } catch (UnknownHostException e) {
            return null;
        }
    }

    /** A short type name for messages. */
    static String typeName(FieldType type) {
        return type.name().toLowerCase(java.util.Locale.ROOT);
    }
}
