package dev.falco4j.core.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

class PasswdParserTest {

  @Test
  void readsUsersAndReportsMalformedLinesWithTheirNumber() throws IOException {
    String passwd = String.join("\n",
        "root:x:0:0:root:/root:/bin/bash",
        "# a comment",
        "",
        "daemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin",
        "broken:x:notanumber:1:gecos:/home:/bin/sh",
        "short:x:5",
        "+nisuser::::::",
        "nobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin",
        "big:x:4294967294:4294967294::/:/bin/false",
        "toobig:x:4294967296:1::/:/bin/false");
    UserTable table = new UserTable();
    PasswdParser parser = new PasswdParser();
    int added = parser.readPasswd(new StringReader(passwd), "/etc/passwd", table);
    assertThat(added).isEqualTo(4);
    assertThat(table.user(0)).isEqualTo(new UserInfo(0, 0, "root", "/root", "/bin/bash"));
    assertThat(table.user(65534).name()).isEqualTo("nobody");
    assertThat(table.user(-2).name()).isEqualTo("big");
    assertThat(table.user(1234)).isNull();
    assertThat(parser.problems()).containsExactly(
        "/etc/passwd:5: uid/gid is not a number: notanumber:1",
        "/etc/passwd:6: expected 7 ':'-separated fields, found 3",
        "/etc/passwd:10: uid/gid is not a number: 4294967296:1");
  }

  @Test
  void readsGroups() throws IOException {
    String group = "root:x:0:\nadm:x:4:syslog,alice\nbad\nwheel:x:w:\n";
    UserTable table = new UserTable();
    PasswdParser parser = new PasswdParser();
    assertThat(parser.readGroup(new StringReader(group), "/etc/group", table)).isEqualTo(2);
    assertThat(table.group(4)).isEqualTo(new GroupInfo(4, "adm"));
    assertThat(table.groupCount()).isEqualTo(2);
    assertThat(parser.problems()).containsExactly(
        "/etc/group:3: expected at least 3 ':'-separated fields, found 1",
        "/etc/group:4: gid is not a number: w");
  }
}
