package dev.falco4j.core.state;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the host's {@code /etc/passwd} and {@code /etc/group} formats into {@link UserTable}
 * entries, for live capture (traces carry their own user list). Comment lines, blank lines and NIS
 * compat lines ({@code +}/{@code -}) are skipped; a malformed line is reported with its number and
 * skipped, the rest is still read.
 */
public final class PasswdParser {

  /** What a parse produced besides the entries: one message per skipped malformed line. */
  private final List<String> problems = new ArrayList<>();

  /** Creates a parser. */
  public PasswdParser() {}

  /** Messages ({@code source:line: why}) for the malformed lines skipped so far. */
  public List<String> problems() {
    return List.copyOf(problems);
  }

  /**
   * Adds every user of a passwd-format text ({@code name:pw:uid:gid:gecos:home:shell}).
   *
   * @return the number of users added
   */
  public int readPasswd(Reader in, String source, UserTable into) throws IOException {
    int added = 0;
    BufferedReader reader = new BufferedReader(in);
    String line;
    int lineNo = 0;
    while ((line = reader.readLine()) != null) {
      lineNo++;
      if (skippable(line)) {
        continue;
      }
      String[] f = line.split(":", -1);
      if (f.length < 7) {
        problems.add(source + ":" + lineNo + ": expected 7 ':'-separated fields, found " + f.length);
        continue;
      }
      Integer uid = parseId(f[2]);
      Integer gid = parseId(f[3]);
      if (uid == null || gid == null) {
        problems.add(source + ":" + lineNo + ": uid/gid is not a number: " + f[2] + ":" + f[3]);
        continue;
      }
      into.addUser(new UserInfo(uid, gid, f[0], f[5], f[6]));
      added++;
    }
    return added;
  }

  /**
   * Adds every group of a group-format text ({@code name:pw:gid:members}).
   *
   * @return the number of groups added
   */
  public int readGroup(Reader in, String source, UserTable into) throws IOException {
    int added = 0;
    BufferedReader reader = new BufferedReader(in);
    String line;
    int lineNo = 0;
    while ((line = reader.readLine()) != null) {
      lineNo++;
      if (skippable(line)) {
        continue;
      }
      String[] f = line.split(":", -1);
      if (f.length < 3) {
        problems.add(source + ":" + lineNo + ": expected at least 3 ':'-separated fields, found "
            + f.length);
        continue;
      }
      Integer gid = parseId(f[2]);
      if (gid == null) {
        problems.add(source + ":" + lineNo + ": gid is not a number: " + f[2]);
        continue;
      }
      into.addGroup(new GroupInfo(gid, f[0]));
      added++;
    }
    return added;
  }

  private static boolean skippable(String line) {
    String t = line.strip();
    return t.isEmpty() || t.charAt(0) == '#' || t.charAt(0) == '+' || t.charAt(0) == '-';
  }

  /** Parses an unsigned 32-bit id; null when it is not one. */
  private static Integer parseId(String text) {
    if (text.isEmpty() || text.length() > 10) {
      return null;
    }
    long v = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return null;
      }
      v = v * 10 + (c - '0');
    }
    return v > 0xFFFF_FFFFL ? null : (int) v;
  }
}
