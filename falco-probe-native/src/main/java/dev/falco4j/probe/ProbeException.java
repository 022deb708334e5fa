package dev.falco4j.probe;

/**
 * The probe could not be loaded, started or read. Keeps the kernel's error number and, when the
 * verifier rejected a program, the end of its log (the part that names the reason).
 */
public final class ProbeException extends Exception {

  private static final long serialVersionUID = 1L;

  private final int errno;
  private final String nativeLog;

  /**
   * @param message what was being done and why it failed
   * @param errno positive error number, 0 when none applies
   * @param nativeLog messages from libbpf and the verifier (may be empty, never null)
   */
  public ProbeException(String message, int errno, String nativeLog) {
    super(message);
    this.errno = errno;
    this.nativeLog = nativeLog == null ? "" : nativeLog;
  }

  /** The error number (positive, e.g. 1 = EPERM, 7 = E2BIG, 13 = EACCES), 0 when none applies. */
  public int errno() {
    return errno;
  }

  /** Messages from libbpf, including the end of the verifier log when a program was rejected. */
  public String nativeLog() {
    return nativeLog;
  }

  /** True when the log looks like a verifier rejection. */
  public boolean isVerifierRejection() {
    return nativeLog.contains("BEGIN PROG LOAD LOG") || nativeLog.contains("processed ");
  }
}
