package dev.falco4j.core.state;

/**
 * Turns the path a syscall received into the absolute path Falco shows as {@code fd.name}: a
 * relative path is appended to the working directory (or the directory of a dirfd), then {@code .}
 * segments and repeated slashes are dropped, {@code ..} removes the previous segment (never above
 * the root), and a trailing slash is removed. Symbolic links are not followed: the kernel is not
 * asked, exactly as Falco does not.
 *
 * <p>The base directory is used as given (Falco keeps working directories with a trailing slash and
 * does not clean them up); a missing trailing slash is supplied.
 */
public final class PathResolver {

  private final StringBuilder scratch = new StringBuilder(256);

  /** Creates a resolver with its own scratch buffer (one per event loop). */
  public PathResolver() {}

  /**
   * Resolves {@code path} against {@code baseDir}.
   *
   * @param baseDir the working directory or the directory of the dirfd; ignored for absolute paths
   * @param path the path as passed to the syscall
   * @return the normalised absolute path; {@code path} itself when it is empty
   */
  public String resolve(String baseDir, String path) {
    if (path.isEmpty()) {
      return path;
    }
    StringBuilder out = scratch;
    out.setLength(0);
    int floor;
    if (path.charAt(0) == '/') {
      out.append('/');
      floor = 1;
    } else {
      out.append(baseDir);
      if (out.length() == 0 || out.charAt(out.length() - 1) != '/') {
        out.append('/');
      }
      // ".." may climb into the base directory, but not above its root.
      floor = out.length() > 0 && out.charAt(0) == '/' ? 1 : 0;
    }
    int n = path.length();
    int i = 0;
    while (i < n) {
      int end = path.indexOf('/', i);
      if (end < 0) {
        end = n;
      }
      int len = end - i;
      if (len == 0 || (len == 1 && path.charAt(i) == '.')) {
        // repeated slash or "."
      } else if (len == 2 && path.charAt(i) == '.' && path.charAt(i + 1) == '.') {
        climb(out, floor);
      } else {
        out.append(path, i, end).append('/');
      }
      i = end + 1;
    }
    if (out.length() > 1 && out.charAt(out.length() - 1) == '/') {
      out.setLength(out.length() - 1);
    }
    if (out.length() == 0) {
      return "/";
    }
    return out.toString();
  }

  /** Removes the last segment of {@code out}, which ends with a slash, keeping at least floor chars. */
  private static void climb(StringBuilder out, int floor) {
    int len = out.length();
    if (len <= floor) {
      return;
    }
    int j = len - 2;
    while (j >= 0 && out.charAt(j) != '/') {
      j--;
    }
    out.setLength(Math.max(j + 1, floor));
  }

  /** Adds the trailing slash Falco keeps on working directories. */
  public static String asDirectory(String dir) {
    if (dir.isEmpty()) {
      return "/";
    }
    return dir.charAt(dir.length() - 1) == '/' ? dir : dir + "/";
  }
}
