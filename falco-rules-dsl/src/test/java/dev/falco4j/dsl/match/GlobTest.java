package dev.falco4j.dsl.match;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class GlobTest {

    private static boolean glob(String pattern, String value) {
        byte[] b = value.getBytes(StandardCharsets.UTF_8);
        return new Glob(pattern, false).matches(b, 0, b.length);
    }

    @Test
    void wildcards() {
        assertThat(glob("*", "")).isTrue();
        assertThat(glob("*", "/any/path")).isTrue();
        assertThat(glob("/usr/bin/*", "/usr/bin/ls")).isTrue();
        assertThat(glob("/usr/bin/*", "/usr/bin/x/y")).isTrue(); // '*' crosses '/' (no FNM_PATHNAME)
        assertThat(glob("/usr/bin/*", "/usr/sbin/ls")).isFalse();
        assertThat(glob("*.so.?", "libc.so.6")).isTrue();
        assertThat(glob("*.so.?", "libc.so.16")).isFalse();
        assertThat(glob("a*b*c", "axxbyyc")).isTrue();
        assertThat(glob("a*b*c", "axxbyy")).isFalse();
        assertThat(glob("a**c", "ac")).isTrue();
        assertThat(glob("", "")).isTrue();
        assertThat(glob("", "x")).isFalse();
    }

    @Test
    void classesAndEscapes() {
        assertThat(glob("[abc]x", "bx")).isTrue();
        assertThat(glob("[a-c]x", "dx")).isFalse();
        assertThat(glob("[!a-c]x", "dx")).isTrue();
        assertThat(glob("[^a-c]x", "ax")).isFalse();
        assertThat(glob("[]]", "]")).isTrue();
        assertThat(glob("[", "[")).isTrue(); // unterminated class is a literal '['
        assertThat(glob("\\*", "*")).isTrue();
        assertThat(glob("\\*", "x")).isFalse();
        assertThat(glob("a\\?", "a?")).isTrue();
    }

    @Test
    void caseInsensitive() {
        byte[] v = "/ETC/Passwd".getBytes(StandardCharsets.UTF_8);
        assertThat(new Glob("/etc/pass*", true).matches(v, 0, v.length)).isTrue();
        assertThat(new Glob("/etc/[p]ASS*", true).matches(v, 0, v.length)).isTrue();
        assertThat(new Glob("/etc/pass*", false).matches(v, 0, v.length)).isFalse();
    }

    @Test
    void noExponentialBlowUp() {
        String value = "a".repeat(10_000);
        assertThat(glob("*a*a*a*a*a*a*a*a*b", value)).isFalse();
    }
}
