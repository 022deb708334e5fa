package dev.falco4j.core.event.spi;

/**
 * A thread alive at capture start (scap process-list entry, any version; scap-format.md §7).
 * Fields a version lacks hold the documented defaults (-1 for sid/vpgid/pgid/vtid/vpid, 0xFFFFFFFF
 * for loginuid, 0 or empty otherwise). Byte arrays hold NUL-separated lists as recorded.
 *
 * @param tid thread id
 * @param pid process id
 * @param ptid parent thread id
 * @param sid session id
 * @param vpgid process group id in its pid namespace
 * @param comm command name
 * @param exe argv[0]
 * @param exepath resolved executable path
 * @param args NUL-separated argv[1..]
 * @param cwd working directory
 * @param fdlimit fd limit
 * @param flags {@code PPM_CL_*} bits
 * @param uid user id
 * @param gid group id
 * @param vmsizeKb virtual memory size
 * @param vmrssKb resident set size
 * @param vmswapKb swapped size
 * @param pfmajor major page faults
 * @param pfminor minor page faults
 * @param env NUL-separated environment
 * @param vtid thread id in its pid namespace
 * @param vpid process id in its pid namespace
 * @param cgroups NUL-separated {@code subsys=path}
 * @param root root directory
 * @param pidnsInitStart start of the pid namespace's init
 * @param tty controlling terminal
 * @param loginuid login uid
 * @param exeWritable executable writable by the user
 * @param capInheritable inheritable capabilities
 * @param capPermitted permitted capabilities
 * @param capEffective effective capabilities
 * @param exeUpperLayer executable in an overlay upper layer
 * @param exeIno executable inode
 * @param exeInoCtime executable ctime
 * @param exeInoMtime executable mtime
 * @param exeFromMemfd executable from a memfd
 * @param exeLowerLayer executable in an overlay lower layer
 * @param pgid process group id
 * @param version process-list block version the entry came from (1-9)
 */
public record ThreadSnapshot(
    long tid,
    long pid,
    long ptid,
    long sid,
    long vpgid,
    String comm,
    String exe,
    String exepath,
    byte[] args,
    String cwd,
    long fdlimit,
    int flags,
    int uid,
    int gid,
    int vmsizeKb,
    int vmrssKb,
    int vmswapKb,
    long pfmajor,
    long pfminor,
    byte[] env,
    long vtid,
    long vpid,
    byte[] cgroups,
    String root,
    long pidnsInitStart,
    int tty,
    int loginuid,
    boolean exeWritable,
    long capInheritable,
    long capPermitted,
    long capEffective,
    boolean exeUpperLayer,
    long exeIno,
    long exeInoCtime,
    long exeInoMtime,
    boolean exeFromMemfd,
    boolean exeLowerLayer,
    long pgid,
    int version) {}
