package dev.falco4j.dsl.match;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import dev.falco4j.dsl.compile.FieldValue;
import java.nio.charset.StandardCharsets;

/**
 * {@code regex}: RE2/J (linear time, no catastrophic backtracking), partial match (the pattern may
 * match anywhere; anchor with {@code ^...$}).
 *
 * <p>RE2/J compiles (and so validates) every pattern. Evaluation takes the cheapest exact path:
 * a pattern that is a plain literal is a byte search; a pattern in the common subset handled by
 * {@link AsciiDfa} is answered for ASCII values by one pass over a precomputed automaton, once a
 * search for the byte strings every match must contain ({@link RegexLiterals}) has not already
 * rejected the value. Other values and patterns go to RE2/J; the value is then decoded into a
 * reusable character view (no String per event), and RE2/J itself allocates its small input
 * wrappers (about 64 bytes) per search: the one per-event allocation left, on that slow path only.
 */
public final class RegexMatch implements ValueMatcher {

    private final String source;
    private final Matcher matcher;
    private final Utf8CharView view = new Utf8CharView();
    /** Byte strings any match must contain: checked first, so most non-matches never reach RE2/J. */
    private final byte[][] required;
    /** For a pattern that is a plain (possibly anchored) literal, RE2/J is not used at all. */
    private final byte[] literal;
    private final boolean anchoredStart;
    private final boolean anchoredEnd;
    /** One-pass automaton for ASCII values when the pattern is in its subset, or null. */
    private final AsciiDfa dfa;

    private RegexMatch(String source, Pattern pattern, RegexLiterals literals, AsciiDfa dfa) {
        this.source = source;
        this.matcher = pattern.matcher("");
        this.required = literals.required.toArray(new byte[0][]);
        this.literal = literals.pureLiteral ? literals.literal : null;
        this.anchoredStart = literals.anchoredStart;
        this.anchoredEnd = literals.anchoredEnd;
        this.dfa = dfa;
    }

    /**
     * Compiles a pattern.
     *
     * @throws IllegalArgumentException with RE2's description when the pattern is invalid
     */
    public static RegexMatch compile(String pattern) {
        try {
            Pattern compiled = Pattern.compile(pattern); // validates: RE2/J is the authority on syntax
            RegexLiterals literals = RegexLiterals.analyse(pattern);
            return new RegexMatch(pattern, compiled, literals, literals.pureLiteral ? null : AsciiDfa.compile(pattern));
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException(e.getDescription() + (e.getPattern() == null || e.getPattern().isEmpty()
                    ? "" : " near '" + e.getPattern() + "'"), e);
        }
    }

    @Override
    public boolean matches(FieldValue v) {
        byte[] a = v.bytes();
        int off = v.offset();
        int len = v.length();
        if (literal != null) {
            return literalMatches(a, off, len);
        }
        // most values do not match: the literal search rejects them faster than any automaton
        for (byte[] r : required) {
            if (ByteSearch.indexOf(a, off, len, r) < 0) {
                return false;
            }
        }
        if (dfa != null) {
            int r = dfa.matches(a, off, len);
            if (r != AsciiDfa.NOT_ASCII) {
                return r == 1;
            }
        }
        view.reset(a, off, len);
        return matcher.reset(view).find();
    }

    private boolean literalMatches(byte[] a, int off, int len) {
        byte[] l = literal;
        if (anchoredStart && anchoredEnd) {
            return len == l.length && ByteSearch.regionEquals(a, off, l, 0, len);
        }
        if (anchoredStart) {
            return len >= l.length && ByteSearch.regionEquals(a, off, l, 0, l.length);
        }
        if (anchoredEnd) {
            return len >= l.length && ByteSearch.regionEquals(a, off + len - l.length, l, 0, l.length);
        }
        return ByteSearch.indexOf(a, off, len, l) >= 0;
    }

    @Override
    public String toString() {
        return "Regex(" + source + ")";
    }

    /**
     * A mutable CharSequence holding the UTF-8 value decoded into a reusable char array (grown,
     * never shrunk), so RE2/J sees characters as Falco's RE2 does. Invalid sequences become U+FFFD.
     */
    private static final class Utf8CharView implements CharSequence {
        private char[] chars = new char[256];
        private int length;

        void reset(byte[] b, int off, int len) {
            if (chars.length < len) {
                chars = new char[Math.max(len, chars.length * 2)];
            }
            char[] out = chars;
            int n = 0;
            int i = off;
            int end = off + len;
            while (i < end) {
                int c = b[i] & 0xff;
                if (c < 0x80) {
                    out[n++] = (char) c;
                    i++;
                    continue;
                }
                int need;
                int cp;
                if (c >= 0xc2 && c <= 0xdf) {
                    need = 1;
                    cp = c & 0x1f;
                } else if (c >= 0xe0 && c <= 0xef) {
                    need = 2;
                    cp = c & 0x0f;
                } else if (c >= 0xf0 && c <= 0xf4) {
                    need = 3;
                    cp = c & 0x07;
                } else {
                    out[n++] = '\uFFFD';
                    i++;
                    continue;
                }
                int j = 1;
                while (j <= need && i + j < end && (b[i + j] & 0xc0) == 0x80) {
                    cp = (cp << 6) | (b[i + j] & 0x3f);
                    j++;
                }
                boolean valid = j > need && !(need == 2 && (cp < 0x800 || (cp >= 0xd800 && cp <= 0xdfff)))
                        && !(need == 3 && (cp < 0x10000 || cp > 0x10ffff));
                if (!valid) {
                    out[n++] = '\uFFFD';
                    i += j;
                    continue;
                }
                if (cp >= 0x10000) {
                    out[n++] = Character.highSurrogate(cp);
                    out[n++] = Character.lowSurrogate(cp);
                } else {
                    out[n++] = (char) cp;
                }
                i += j;
            }
            length = n;
        }

        @Override
        public int length() {
            return length;
        }

        @Override
        public char charAt(int index) {
            return chars[index];
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            // only used by RE2/J for group extraction, which the filter never asks for
            return new String(chars, start, end - start);
        }

        @Override
        public String toString() {
            return new String(chars, 0, length);
        }
    }
}
