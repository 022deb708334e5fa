package dev.falco4j.core.event.spi;

/**
 * One address of a network interface (scap-format.md §6.1).
 *
 * @param type entry type: 1 IPv4, 2 IPv6, 3 IPv4 without link speed, 4 IPv6 without link speed
 * @param name interface name
 * @param address address bytes, network order (4 or 16)
 * @param netmask netmask bytes
 * @param broadcast broadcast bytes
 * @param linkSpeed link speed (0 when not recorded)
 */
public record InterfaceSnapshot(
    int type, String name, byte[] address, byte[] netmask, byte[] broadcast, long linkSpeed) {

  /** True for IPv6 entries (types 2 and 4). */
  public boolean isIpv6() {
    return type == 2 || type == 4;
  }
}
