package dev.falco4j.dsl.match;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.re2j.Pattern;
import dev.falco4j.dsl.compile.FieldValue;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class RegexMatchTest {

    private static boolean matches(String pattern, String input) {
        FieldValue v = new FieldValue();
        byte[] b = input.getBytes(StandardCharsets.UTF_8);
        // an offset inside a bigger array, as extractors hand out
        byte[] padded = new byte[b.length + 6];
        System.arraycopy(b, 0, padded, 3, b.length);
        v.setBytes(padded, 3, b.length);
        return RegexMatch.compile(pattern).matches(v);
    }

    @Test
    void literalPrefilterNeverChangesTheAnswer() {
        String[] patterns = {"abc", "^abc", "abc$", "^abc$", "", "^$", "a.c", "ab*c", "ab+c", "ab?c", "a{2}b",
            "a{0,2}b", "(ab|cd)e", "x|abc", "a\\.b", "a\\|b", "[ab]c", "a[^x]c", "\\d+x", "(?i)ABC", "a(b(c))d",
            "curl .*\\|\\s*(ba)?sh", "^/etc/(passwd|shadow)$", "foo\\s+bar", "a*", "a+?b", "é+x", "[]a]b", "\\$HOME",
            "a{,3}", "ab{1,}c", "(a)+b", "nc (-e|-c)", "^é+x", "^.$", "[é]x", "^\\p{L}+$", "😀+", "\\x41+b", "\\pL\\pL", "\\x{42}c", "\\Qa.b\\E", "\\101"};
        String[] inputs = {"abc", "xabcx", "ab", "abbc", "ac", "aabc", "aab", "b", "cde", "abe", "x", "a.b", "a|b",
            "axb", "bc", "ac", "12x", "ABC", "abcd", "curl -s http://x | sh", "curl x|bash", "/etc/passwd",
            "/etc/shadowx", "foo   bar", "", "aaab", "éééx", "]b", "$HOME", "a{,3}", "abbbc", "aaab", "nc -e /bin/sh", "ééx", "é", "éx", "héllo", "😀😀", "AAb", "Bc", "a.b", "A"};
        for (String p : patterns) {
            Pattern reference = Pattern.compile(p);
            for (String in : inputs) {
                assertThat(matches(p, in)).as("/%s/ on '%s'", p, in).isEqualTo(reference.matcher(in).find());
            }
        }
    }

    @Test
    void analysisFindsRequiredLiterals() {
        RegexLiterals r = RegexLiterals.analyse("curl .*\\|\\s*(ba)?sh");
        assertThat(r.required).extracting(b -> new String(b, StandardCharsets.UTF_8)).containsExactly("curl ", "|", "sh");
        assertThat(RegexLiterals.analyse("ab+c").required).extracting(String::new).containsExactly("a", "b", "c");
        assertThat(RegexLiterals.analyse("x|y").required).isEmpty();
        assertThat(RegexLiterals.analyse("(?i)abc").required).isEmpty();
        RegexLiterals pure = RegexLiterals.analyse("^/etc/shadow$");
        assertThat(pure.pureLiteral).isTrue();
        assertThat(pure.anchoredStart && pure.anchoredEnd).isTrue();
    }

    @Test
    void invalidUtf8DoesNotBreakMatching() {
        FieldValue v = new FieldValue();
        byte[] b = {'a', (byte) 0xff, 'b', (byte) 0xc3};
        v.setBytes(b, 0, b.length);
        assertThat(RegexMatch.compile("a.b").matches(v)).isTrue();
        assertThat(RegexMatch.compile("b.$").matches(v)).isTrue();
    }

    @Test
    void invalidPatternsAreDescribed() {
        assertThatThrownBy(() -> RegexMatch.compile("(a")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("missing closing )");
        assertThatThrownBy(() -> RegexMatch.compile("a**")).hasMessageContaining("invalid nested repetition operator");
    }

    @Test
    void linearTimeOnHostileInput() {
        // (a+)+$ backtracks exponentially in java.util.regex; RE2/J is linear
        String hostile = "a".repeat(5000) + "!";
        assertThat(matches("(a+)+$", hostile)).isFalse();
    }
}
