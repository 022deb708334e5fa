package dev.falco4j.dsl.match;

import static org.assertj.core.api.Assertions.assertThat;

import dev.falco4j.dsl.compile.FieldValue;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PrefixSetTest {

    private static List<byte[]> bytes(String... s) {
        List<byte[]> out = new ArrayList<>();
        for (String x : s) {
            out.add(x.getBytes(StandardCharsets.UTF_8));
        }
        return out;
    }

    private static boolean test(ValueMatcher m, String value) {
        FieldValue v = new FieldValue();
        byte[] b = value.getBytes(StandardCharsets.UTF_8);
        v.setBytes(b, 0, b.length);
        return m.matches(v);
    }

    @Test
    void pathPrefixesMatchWholeComponents() {
        PrefixSet p = new PrefixSet(bytes("/var/lib", "/etc/", "/opt/app/bin"), true);
        assertThat(test(p, "/var/lib")).isTrue();
        assertThat(test(p, "/var/lib/dpkg/status")).isTrue();
        assertThat(test(p, "/var/library")).isFalse();
        assertThat(test(p, "/var")).isFalse();
        assertThat(test(p, "/etc")).isTrue();
        assertThat(test(p, "/etc/passwd")).isTrue();
        assertThat(test(p, "/etcx")).isFalse();
        assertThat(test(p, "/opt/app/bin/x")).isTrue();
        assertThat(test(p, "/opt/app")).isFalse();
        assertThat(test(p, "")).isFalse();
        PrefixSet root = new PrefixSet(bytes("/"), true);
        assertThat(test(root, "/anything")).isTrue();
        assertThat(test(root, "relative")).isFalse();
    }

    @Test
    void plainPrefixes() {
        PrefixSet p = new PrefixSet(bytes("/usr", "/bin/b", "x"), false);
        assertThat(test(p, "/usrx")).isTrue();
        assertThat(test(p, "/bin/bash")).isTrue();
        assertThat(test(p, "/bin/sh")).isFalse();
        assertThat(test(p, "xy")).isTrue();
        assertThat(test(p, "")).isFalse();
    }

    @Test
    void stringSetMembership() {
        List<byte[]> many = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            many.add(("name" + i).getBytes(StandardCharsets.UTF_8));
        }
        ByteStringSet set = new ByteStringSet(many);
        assertThat(set.size()).isEqualTo(500);
        assertThat(test(set, "name0")).isTrue();
        assertThat(test(set, "name499")).isTrue();
        assertThat(test(set, "name500")).isFalse();
        assertThat(test(set, "")).isFalse();
        assertThat(test(new ByteStringSet(bytes("", "a")), "")).isTrue();
        LongSet longs = new LongSet(new long[] {0, -1, Long.MIN_VALUE, 42, 42});
        FieldValue v = new FieldValue();
        for (long x : new long[] {0, -1, Long.MIN_VALUE, 42}) {
            v.setLong(x);
            assertThat(longs.matches(v)).isTrue();
        }
        v.setLong(43);
        assertThat(longs.matches(v)).isFalse();
    }
}
