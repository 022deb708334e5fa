package dev.falco4j.core.event.spi;

/**
 * An fd open at capture start (scap fd-list entry, scap-format.md §8). Socket fields are 0 for
 * other kinds; {@code name} is empty for IP sockets.
 *
 * @param tid thread owning the fd table
 * @param fd fd number
 * @param ino inode number
 * @param type kind; {@code rawType} keeps the stored value when it is not a known kind
 * @param rawType stored type byte
 * @param name path or name (files, directories, fifos, unix sockets, others)
 * @param openFlags open flags ({@code PPM_O_*}, FILE_V2 only)
 * @param dev device number (FILE_V2 in v2 lists only; 0 otherwise)
 * @param sourceIp source (or server) IP, network order, 4 or 16 bytes; null for non-IP kinds
 * @param destIp destination IP; null for non-IP kinds and server sockets
 * @param sourcePort source (or server) port
 * @param destPort destination port
 * @param l4proto layer-4 protocol (0 unknown, 1 none, 2 TCP, 3 UDP, 4 ICMP, 5 raw)
 * @param unixSource unix sockets: source endpoint (kernel address)
 * @param unixDest unix sockets: destination endpoint
 * @param devPresent true when {@code dev} was stored
 */
public record FdSnapshot(
    long tid,
    long fd,
    long ino,
    FdType type,
    int rawType,
    String name,
    int openFlags,
    int dev,
    byte[] sourceIp,
    byte[] destIp,
    int sourcePort,
    int destPort,
    int l4proto,
    long unixSource,
    long unixDest,
    boolean devPresent) {}
