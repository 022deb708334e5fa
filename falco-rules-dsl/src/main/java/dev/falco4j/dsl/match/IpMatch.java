package dev.falco4j.dsl.match;

import dev.falco4j.dsl.compile.FieldValue;

/**
 * IP address checks: equality with any of a set of addresses and membership in any of a set of
 * networks ({@code fd.net = 10.0.0.0/8}, {@code fd.sip in (10.0.0.1, 192.168.0.0/16)}). Addresses
 * are 4 or 16 bytes in network order; a value only matches operands of its own family.
 */
public final class IpMatch implements ValueMatcher {

    private final byte[][] networks;
    private final int[] prefixLengths;

    /**
     * @param networks      addresses (4 or 16 bytes each)
     * @param prefixLengths bits of each address that must match (32/128 for a plain address)
     */
    public IpMatch(byte[][] networks, int[] prefixLengths) {
        if (networks.length != prefixLengths.length) {
            throw new IllegalArgumentException("one prefix length per network");
        }
        this.networks = networks.clone();
        this.prefixLengths = prefixLengths.clone();
    }

    @Override
    public boolean matches(FieldValue v) {
        byte[] a = v.bytes();
        int off = v.offset();
        int len = v.length();
        for (int n = 0; n < networks.length; n++) {
            byte[] net = networks[n];
            if (net.length == len && prefixMatches(a, off, net, prefixLengths[n])) {
                return true;
            }
        }
        return false;
    }

    private static boolean prefixMatches(byte[] a, int off, byte[] net, int bits) {
        int full = bits >>> 3;
        for (int i = 0; i < full; i++) {
            if (a[off + i] != net[i]) {
                return false;
            }
        }
        int rest = bits & 7;
        if (rest == 0) {
            return true;
        }
        int mask = (0xff << (8 - rest)) & 0xff;
        return ((a[off + full] ^ net[full]) & mask) == 0;
    }

    @Override
    public String toString() {
        return "IpMatch(" + networks.length + " networks)";
    }
}
