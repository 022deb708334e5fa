package dev.falco4j.dsl.compile;

/**
 * The type of a field's values, which decides the operators allowed, how literal operands are
 * converted at compile time, and which part of {@link FieldValue} an extractor fills.
 */
public enum FieldType {
    /** Text (UTF-8 bytes, no terminator): {@link FieldValue#bytes()}. */
    STRING(Family.STRING),
    /** A file system path; behaves as {@link #STRING}. */
    FSPATH(Family.STRING),
    /** Raw bytes (I/O buffers): {@link FieldValue#bytes()}; supports bcontains/bstartswith. */
    BYTES(Family.BYTES),
    /** Signed 8-bit integer: {@link FieldValue#longValue()}. */
    INT8(Family.SIGNED),
    /** Signed 16-bit integer. */
    INT16(Family.SIGNED),
    /** Signed 32-bit integer. */
    INT32(Family.SIGNED),
    /** Signed 64-bit integer. */
    INT64(Family.SIGNED),
    /** Unsigned 8-bit integer: {@link FieldValue#longValue()}. */
    UINT8(Family.UNSIGNED),
    /** Unsigned 16-bit integer. */
    UINT16(Family.UNSIGNED),
    /** Unsigned 32-bit integer. */
    UINT32(Family.UNSIGNED),
    /** Unsigned 64-bit integer, compared unsigned. */
    UINT64(Family.UNSIGNED),
    /** A file descriptor number (signed 64). */
    FD(Family.SIGNED),
    /** A process or thread id (signed 64). */
    PID(Family.SIGNED),
    /** A user or group id (unsigned 32). */
    UID(Family.UNSIGNED),
    /** An errno-style return value (signed 64). */
    ERRNO(Family.SIGNED),
    /** TCP/UDP port (unsigned 16). */
    PORT(Family.UNSIGNED),
    /** Layer 4 protocol number. */
    L4PROTO(Family.UNSIGNED),
    /** File mode bits. */
    MODE(Family.UNSIGNED),
    /** Flag bits (numeric comparison). */
    FLAGS(Family.UNSIGNED),
    /** Absolute time, nanoseconds since the epoch (unsigned 64). */
    ABSTIME(Family.UNSIGNED),
    /** Relative time or duration, nanoseconds (unsigned 64). */
    RELTIME(Family.UNSIGNED),
    /** Boolean: {@link FieldValue#longValue()} is 0 or 1; literals {@code true}/{@code false}. */
    BOOL(Family.BOOL),
    /** IPv4 address: 4 bytes, network order, in {@link FieldValue#bytes()}. */
    IPV4ADDR(Family.IP),
    /** IPv6 address: 16 bytes, network order. */
    IPV6ADDR(Family.IP),
    /** IPv4 or IPv6 address: 4 or 16 bytes. */
    IPADDR(Family.IP),
    /** An IPv4 address compared with networks ({@code fd.net = 10.0.0.0/8}): 4 bytes. */
    IPV4NET(Family.IP),
    /** An IPv6 address compared with networks: 16 bytes. */
    IPV6NET(Family.IP),
    /** An IPv4 or IPv6 address compared with networks: 4 or 16 bytes. */
    IPNET(Family.IP),
    /**
     * The event type: {@link FieldValue#longValue()} is the host's event-type id; literal operands
     * are event names converted by {@link FieldResolver#eventTypeIds(String)}. Checks on such a field
     * narrow the set of event types a condition can match.
     */
    EVENT_TYPE(Family.EVENT_TYPE);

    /** Groups of types that share operators and literal conversion. */
    public enum Family {
        /** String operators; literals are text. */
        STRING,
        /** Byte operators; literals are text (or hex for bcontains/bstartswith). */
        BYTES,
        /** Signed numbers. */
        SIGNED,
        /** Unsigned numbers. */
        UNSIGNED,
        /** Booleans. */
        BOOL,
        /** IP addresses; literals are addresses or CIDR networks. */
        IP,
        /** Event types; literals are event names. */
        EVENT_TYPE
    }

    private final Family family;

    FieldType(Family family) {
        this.family = family;
    }

    /** The family this type belongs to. */
    public Family family() {
        return family;
    }

    /** Whether values live in {@link FieldValue#bytes()} (strings, bytes, addresses). */
    public boolean isByteValued() {
        return family == Family.STRING || family == Family.BYTES || family == Family.IP;
    }

    /** Whether values live in {@link FieldValue#longValue()}. */
    public boolean isNumeric() {
        return !isByteValued();
    }
}
