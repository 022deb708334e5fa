package dev.falco4j.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The comparison {@link RecordingSysdigLiveIT} makes between sysdig's and falco's lines: each
 * allowance accepts its one sysdig 0.29 behaviour and nothing near it.
 */
class RecordingSysdigComparisonTest {

  // num|type|dir|tid|pid|ppid|proc.name|proc.pname|fd.name|args
  private static final String CLOSE_X = "7|close|<|10|10|1|sh|init|/etc/passwd|res=0 ";

  @Test
  void paramsPastSysdigsTableMayFollowInFalcosLine() {
    assertThat(RecordingSysdigLiveIT.explained(CLOSE_X, CLOSE_X + "param1=. ...... ", Set.of()))
        .isTrue();
    assertThat(RecordingSysdigLiveIT.explained(CLOSE_X, CLOSE_X.replace("res=0", "res=1")
        + "param1=........ ", Set.of())).isFalse();
    assertThat(RecordingSysdigLiveIT.explained(CLOSE_X, CLOSE_X + "fd=3 ", Set.of())).isFalse();
    // a value that merely contains the text is not cut
    assertThat(RecordingSysdigLiveIT.withoutUndeclaredParams("1|open|<|1|1|0|a|b|x param1=|"
        + "name=x")).endsWith("name=x");
  }

  @Test
  void anUnknownFdOfAnFdCreatingExitMayBeEmptyForSysdig() {
    String sysdig = "9|dup|<|10|10|1|sh|init||res=2(<p>) ";
    String falco = "9|dup|<|10|10|1|sh|init|<NA>|res=2(<p>) ";
    assertThat(RecordingSysdigLiveIT.explained(sysdig, falco, Set.of())).isTrue();
    // not on enter events, not on other syscalls, not with another difference
    assertThat(RecordingSysdigLiveIT.explained(sysdig.replace("<|", ">|"),
        falco.replace("<|", ">|"), Set.of())).isFalse();
    assertThat(RecordingSysdigLiveIT.explained(sysdig.replace("dup", "read"),
        falco.replace("dup", "read"), Set.of())).isFalse();
    assertThat(RecordingSysdigLiveIT.explained(sysdig, falco.replace("res=2", "res=3"), Set.of()))
        .isFalse();
  }

  @Test
  void aUnixSocketNamedByAFailedConnectIsAllowedForThatPathOnly() {
    Set<String> paths = Set.of("/var/run/nscd/socket");
    String enterS = "5|connect|>|10|10|1|id|sh|/var/run/nscd/socket|fd=3(<u>/var/run/nscd/socket)"
        + " addr=/var/run/nscd/socket ";
    String enterF = "5|connect|>|10|10|1|id|sh||fd=3(<u>) addr=/var/run/nscd/socket ";
    assertThat(RecordingSysdigLiveIT.explained(enterS, enterF, paths)).isTrue();
    assertThat(RecordingSysdigLiveIT.explained(enterS, enterF, Set.of())).isFalse();
    String exitS = "6|connect|<|10|10|1|id|sh|NULL|res=-2(ENOENT) tuple=NULL ";
    String exitF = "6|connect|<|10|10|1|id|sh||res=-2(ENOENT) tuple=NULL ";
    assertThat(RecordingSysdigLiveIT.explained(exitS, exitF, paths)).isTrue();
    // a successful connect must agree
    assertThat(RecordingSysdigLiveIT.explained(exitS.replace("res=-2(ENOENT)", "res=0"),
        exitF.replace("res=-2(ENOENT)", "res=0"), paths)).isFalse();
  }

  @Test
  void eventFieldsAreComparedForAllWorkloadFieldsForItsTree() {
    List<String> theirs = List.of(
        "1|clone|<|50|50|10|bash|java||res=0 ",
        "2|openat|<|50|50|10|bash|java|/tmp/x|fd=3(<f>/tmp/x) ",
        "3|openat|<|60|60|1|other|init|/a|fd=3(<f>/a) ",
        "4|close|<|61|61|1|other|init||res=0 ");
    List<String> ours = List.of(
        "1|clone|<|50|50|10|bash|java||res=0 ",
        "2|openat|<|50|50|10|bash|sh|/tmp/x|fd=3(<f>/tmp/x) ",
        "3|openat|<|60|60|1|other|<NA>|/a|fd=3(<f>/a) ",
        "4|close|>|61|61|1|other|init||res=0 ");
    RecordingSysdigLiveIT.Comparison c = RecordingSysdigLiveIT.compare(theirs, ours, 50);
    assertThat(c.workloadEvents).isEqualTo(2);
    assertThat(c.workloadDifferences).hasSize(1).allMatch(d -> d.contains("|bash|sh|"));
    assertThat(c.otherDifferences).isEqualTo(1);
    assertThat(c.eventDifferences).hasSize(1).allMatch(d -> d.contains("4|close|>"));
  }
}
