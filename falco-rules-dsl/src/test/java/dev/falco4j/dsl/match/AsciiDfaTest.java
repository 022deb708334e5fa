package dev.falco4j.dsl.match;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.re2j.Pattern;
import dev.falco4j.dsl.compile.FieldValue;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The automaton must give exactly RE2/J's answer on every pattern it accepts. */
class AsciiDfaTest {

    private static boolean reference(String pattern, String input) {
        return Pattern.compile(pattern).matcher(input).find();
    }

    private static int dfa(AsciiDfa d, String input) {
        byte[] b = input.getBytes(StandardCharsets.UTF_8);
        return d.matches(b, 0, b.length);
    }

    @Test
    void handwrittenPatternsAgreeWithRe2j() {
        String[] patterns = {"abc", "^abc", "abc$", "^abc$", "^$", "a.c", "ab*c", "ab+c", "ab?c", "a{2}b", "a{0,2}b$",
            "^a{2,}$", "(ab|cd)e", "x|abc", "^x|y$", "a\\.b", "a\\|b", "[ab]c", "a[^x]c", "\\d+x", "(?i)ABC",
            "(?i)[a-c]+z", "a(b(c))d", "curl .*\\|\\s*(ba)?sh", "^/etc/(passwd|shadow)$", "foo\\s+bar", "a*", "a+?b",
            "[]a]b", "\\$HOME", "(a)+b", "nc (-e|-c)", "(?:ab)*c", "(?P<x>a|b)c", "[\\d\\s]+$", "[a-]x", "[^\\n]z",
            "\\x41\\x42", "\\w+@\\w+\\.com", "\\W", "\\S\\s\\S", ".", "^.$", "^...$", "(a|ab)(c|bcd)(d*)$",
            "(a*)*b", "(a?){3}a{3}", "\\t", "[.]", "^(a|b)*c$", "(x+x+)+y"};
        String[] inputs = {"abc", "xabcx", "ab", "abbc", "ac", "aabc", "aab", "b", "cde", "abe", "x", "a.b", "a|b",
            "axb", "bc", "ac", "12x", "ABC", "abcd", "curl -s http://x | sh", "curl x|bash", "/etc/passwd",
            "/etc/shadowx", "foo   bar", "", "aaab", "]b", "$HOME", "nc -e /bin/sh", "cabc", "bc", "9 \t", "-x",
            "\nz", "AB", "me@host.com", "a\nb", "\t", "abcd", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "xxxxxxxxxxy",
            "y\n", "aaa", "abababc", "ABZ", "c"};
        for (String p : patterns) {
            AsciiDfa d = AsciiDfa.compile(p);
            assertThat(d).as("/%s/ is in the subset", p).isNotNull();
            for (String in : inputs) {
                assertThat(dfa(d, in)).as("/%s/ on '%s'", p, in).isEqualTo(reference(p, in) ? 1 : 0);
            }
        }
    }

    @Test
    void randomPatternsAndValuesAgreeWithRe2j() {
        Random random = new Random(42);
        String[] atoms = {"a", "b", "c", ".", "[ab]", "[^a]", "\\d", "\\s", "(a|b)", "(ab|c)", "(?:a|)", "x"};
        String[] quantifiers = {"", "", "", "*", "+", "?", "{2}", "{1,3}", "{0,}", "*?"};
        int checked = 0;
        for (int round = 0; round < 400; round++) {
            StringBuilder p = new StringBuilder();
            if (random.nextInt(4) == 0) {
                p.append('^');
            }
            int n = 1 + random.nextInt(5);
            for (int i = 0; i < n; i++) {
                p.append(atoms[random.nextInt(atoms.length)]).append(quantifiers[random.nextInt(quantifiers.length)]);
                if (random.nextInt(8) == 0 && i < n - 1) {
                    p.append('|');
                }
            }
            if (random.nextInt(4) == 0) {
                p.append('$');
            }
            String pattern = p.toString();
            AsciiDfa d = AsciiDfa.compile(pattern);
            if (d == null) {
                continue;
            }
            for (int k = 0; k < 40; k++) {
                StringBuilder in = new StringBuilder();
                int len = random.nextInt(8);
                for (int i = 0; i < len; i++) {
                    in.append("abcx1 \n".charAt(random.nextInt(7)));
                }
                assertThat(dfa(d, in.toString())).as("/%s/ on '%s'", pattern, in)
                        .isEqualTo(reference(pattern, in.toString()) ? 1 : 0);
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(10_000);
    }

    @Test
    void outsideTheSubsetFallsBackToRe2j() {
        for (String p : new String[] {"\\bword\\b", "\\p{L}+", "(?s).", "é", "a(^b)", "(a$)", "[[:alpha:]]", "a{,3}",
            "a{200}", "\\Qx\\E"}) {
            assertThat(AsciiDfa.compile(p)).as(p).isNull();
        }
        assertThat(dfa(AsciiDfa.compile("a.c"), "aéc")).isEqualTo(AsciiDfa.NOT_ASCII);
        FieldValue v = new FieldValue();
        byte[] b = "aéc".getBytes(StandardCharsets.UTF_8);
        v.setBytes(b, 0, b.length);
        assertThat(RegexMatch.compile("^a.c$").matches(v)).isTrue(); // one character for RE2, via RE2/J
    }

    @Test
    void explosiveSubsetConstructionIsCapped() {
        // (a|b)*a(a|b){20} needs 2^20 states: refused, RE2/J handles it
        assertThat(AsciiDfa.compile("(a|b)*a(a|b){20}")).isNull();
        assertThat(AsciiDfa.compile("(a|b)*a(a|b){5}").stateCount()).isLessThanOrEqualTo(AsciiDfa.MAX_STATES);
    }
}
