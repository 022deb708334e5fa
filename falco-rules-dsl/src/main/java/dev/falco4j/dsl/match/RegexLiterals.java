package dev.falco4j.dsl.match;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A conservative look at a regular expression's text to find what any match must contain, so that
 * most non-matching values are rejected by a byte search before the regex engine runs, and purely
 * literal patterns never reach it.
 *
 * <p>Only the top level of the pattern is examined: literal characters (and escaped punctuation)
 * not made optional by a quantifier form required runs; groups, classes, {@code .} and escapes
 * such as {@code \s} end a run. A top-level {@code |} or any {@code (?...)} flag group disables the
 * analysis (nothing is then required). Being conservative only costs speed, never correctness.
 */
final class RegexLiterals {

    /** Byte strings every match contains. */
    final List<byte[]> required = new ArrayList<>();
    /** Whether the pattern is a plain literal, possibly anchored (then {@link #literal} is it). */
    boolean pureLiteral;
    /** The literal of a pure-literal pattern. */
    byte[] literal;
    /** {@code ^} at the start of a pure-literal pattern. */
    boolean anchoredStart;
    /** {@code $} at the end of a pure-literal pattern. */
    boolean anchoredEnd;

    private RegexLiterals() {
    }

    static RegexLiterals analyse(String p) {
        RegexLiterals r = new RegexLiterals();
        if (p.contains("(?")) {
            return r;
        }
        ByteArrayOutputStream cur = new ByteArrayOutputStream();
        boolean pure = true;
        int i = 0;
        int n = p.length();
        if (i < n && p.charAt(i) == '^') {
            r.anchoredStart = true;
            i++;
        }
        while (i < n) {
            char c = p.charAt(i);
            int atomStart = cur.size();
            boolean literalAtom = false;
            if (c == '|') {
                r.required.clear();
                r.anchoredStart = false;
                return r;
            } else if (c == '(') {
                int close = closeParen(p, i);
                if (close < 0) {
                    r.required.clear();
                    return r;
                }
                pure = false;
                i = close + 1;
            } else if (c == '[') {
                i = closeBracket(p, i) + 1;
                if (i == 0) {
                    r.required.clear();
                    return r;
                }
                pure = false;
            } else if (c == '\\' && i + 1 < n) {
                char e = p.charAt(i + 1);
                if (!Character.isLetterOrDigit(e) && e < 0x80) {
                    cur.write((byte) e);
                    literalAtom = true;
                    i += 2;
                } else if (e == 'Q') {
                    // \Q...\E quoting: not worth analysing
                    r.required.clear();
                    r.anchoredStart = false;
                    return r;
                } else {
                    pure = false;
                    i = skipEscape(p, i);
                }
            } else if (c == '$' && i == n - 1) {
                r.anchoredEnd = true;
                i++;
            } else if (c == '.' || c == '^' || c == '$' || c == '*' || c == '+' || c == '?' || c == '{' || c == ')') {
                pure = false;
                i++;
            } else {
                byte[] b = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                if (Character.isHighSurrogate(c) && i + 1 < n) {
                    b = p.substring(i, i + 2).getBytes(StandardCharsets.UTF_8);
                    i++;
                }
                cur.write(b, 0, b.length);
                literalAtom = true;
                i++;
            }
            if (i < n && isQuantifier(p, i)) {
                pure = false;
                boolean optional = p.charAt(i) == '*' || p.charAt(i) == '?' || p.startsWith("{0", i);
                byte[] run = cur.toByteArray();
                // the quantified atom is not part of the run before it
                flush(r, java.util.Arrays.copyOf(run, literalAtom ? atomStart : run.length));
                cur.reset();
                if (literalAtom && !optional) {
                    r.required.add(java.util.Arrays.copyOfRange(run, atomStart, run.length));
                }
                i = skipQuantifier(p, i);
            } else if (!literalAtom) {
                flush(r, cur.toByteArray());
                cur.reset();
            }
        }
        flush(r, cur.toByteArray());
        if (pure && r.required.size() <= 1) {
            r.pureLiteral = true;
            r.literal = r.required.isEmpty() ? new byte[0] : r.required.get(0);
        } else {
            r.anchoredStart = false;
            r.anchoredEnd = false;
        }
        return r;
    }

    private static void flush(RegexLiterals r, byte[] run) {
        if (run.length > 0) {
            r.required.add(run);
        }
    }

    /** Index after the escape starting at {@code i} (a backslash): {@code \p{Greek}}, {@code \x41}, {@code \012}... */
    private static int skipEscape(String p, int i) {
        char e = p.charAt(i + 1);
        int j = i + 2;
        if (e == 'p' || e == 'P' || e == 'x') {
            if (j < p.length() && p.charAt(j) == '{') {
                int close = p.indexOf('}', j);
                return close < 0 ? p.length() : close + 1;
            }
            return Math.min(p.length(), j + (e == 'x' ? 2 : 1));
        }
        if (Character.isDigit(e)) {
            while (j < p.length() && j < i + 4 && Character.isDigit(p.charAt(j))) {
                j++;
            }
        }
        return j;
    }

    private static boolean isQuantifier(String p, int i) {
        char c = p.charAt(i);
        return c == '*' || c == '+' || c == '?' || (c == '{' && i + 1 < p.length() && Character.isDigit(p.charAt(i + 1)));
    }

    private static int skipQuantifier(String p, int i) {
        if (p.charAt(i) == '{') {
            int close = p.indexOf('}', i);
            i = close < 0 ? p.length() : close + 1;
        } else {
            i++;
        }
        if (i < p.length() && (p.charAt(i) == '?' || p.charAt(i) == '+')) {
            i++; // lazy or possessive suffix
        }
        return i;
    }

    private static int closeParen(String p, int open) {
        int depth = 0;
        for (int i = open; i < p.length(); i++) {
            char c = p.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '[') {
                i = closeBracket(p, i);
                if (i < 0) {
                    return -1;
                }
            } else if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return i;
            }
        }
        return -1;
    }

    /** Index of the ']' closing the class at {@code open}, or -1. */
    private static int closeBracket(String p, int open) {
        int i = open + 1;
        if (i < p.length() && p.charAt(i) == '^') {
            i++;
        }
        if (i < p.length() && p.charAt(i) == ']') {
            i++;
        }
        for (; i < p.length(); i++) {
            char c = p.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '[' && i + 1 < p.length() && p.charAt(i + 1) == ':') {
                int end = p.indexOf(":]", i + 2);
                if (end > 0) {
                    i = end + 1;
                }
            } else if (c == ']') {
                return i;
            }
        }
        return -1;
    }
}
