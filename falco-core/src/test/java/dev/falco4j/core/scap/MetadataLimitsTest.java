package dev.falco4j.core.scap;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class MetadataLimitsTest {

  private final MetadataLimits limits = new MetadataLimits();

  @Test
  void textWithinTheLimitStaysWhole() {
    assertThat(limits.text("/usr/bin/bash", 13)).isEqualTo(bytes("/usr/bin/bash"));
    assertThat(limits.text(null, 13)).isEmpty();
    assertThat(limits.cuts()).isZero();
  }

  @Test
  void longTextIsCutAtACharacterBoundary() {
    assertThat(limits.text("abcdef", 4)).isEqualTo(bytes("abcd"));
    // 'é' takes two bytes: 4 bytes end right after it
    assertThat(limits.text("abéc", 4)).isEqualTo(bytes("abé"));
    // 3 bytes end inside 'é': cut before it
    assertThat(limits.text("abéc", 3)).isEqualTo(bytes("ab"));
    // a 4-byte character across the limit
    assertThat(limits.text("a\uD83D\uDE00b", 3)).isEqualTo(bytes("a"));
    assertThat(limits.cuts()).isEqualTo(4);
  }

  @Test
  void listsEndWithANulAndAreCutInsideTheirLastItem() {
    assertThat(limits.nulTerminatedList(bytes("a\0b"), 8)).isEqualTo(bytes("a\0b\0"));
    assertThat(limits.nulTerminatedList(bytes("a\0b\0"), 4)).isEqualTo(bytes("a\0b\0"));
    assertThat(limits.nulTerminatedList(new byte[0], 4)).isEmpty();
    assertThat(limits.cuts()).isZero();
    // "a\0b" needs 4 bytes with its NUL: 3 allowed
    assertThat(limits.nulTerminatedList(bytes("a\0b"), 3)).isEqualTo(bytes("a\0\0"));
    assertThat(limits.nulTerminatedList(bytes("one\0two\0three\0"), 10))
        .isEqualTo(bytes("one\0two\0t\0"));
    assertThat(limits.nulTerminatedList(bytes("é\0"), 2)).isEqualTo(bytes("\0"));
    assertThat(limits.cuts()).isEqualTo(3);
  }

  @Test
  void itemsThatOnlyMakeSenseWholeAreKeptWholeOrLeftOut() {
    byte[] cgroups = bytes("cpu=/a\0memory=/b/c\0");
    assertThat(limits.wholeItems(cgroups, cgroups.length)).isSameAs(cgroups);
    assertThat(limits.wholeItems(cgroups, cgroups.length - 1)).isEqualTo(bytes("cpu=/a\0"));
    assertThat(limits.wholeItems(cgroups, 3)).isEmpty();
    assertThat(limits.cuts()).isEqualTo(2);
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
