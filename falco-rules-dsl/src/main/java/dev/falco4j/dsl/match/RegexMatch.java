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
 * <p>The value is handed to RE2/J through a reusable byte-per-char view instead of a decoded
 * String, so no string is built per event. To keep non-ASCII literals working, the pattern is
 * rewritten the same way (its UTF-8 bytes as Latin-1 characters); the one difference from
 * character semantics is that {@code .} and classes see a multi-byte character as several bytes.
 */
public final class RegexMatch implements ValueMatcher {

    private final String source;
    private final Matcher matcher;
    private final ByteCharView view = new ByteCharView();

    private RegexMatch(String source, Pattern pattern) {
        this.source = source;
        this.matcher = pattern.matcher("");
    }

    /**
     * Compiles a pattern.
     *
     * @throws IllegalArgumentException with RE2's description when the pattern is invalid
     */
    public static RegexMatch compile(String pattern) {
        String bytewise = new String(pattern.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
        try {
            return new RegexMatch(pattern, Pattern.compile(bytewise));
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException(e.getDescription() + (e.getPattern() == null || e.getPattern().isEmpty()
                    ? "" : " near '" + e.getPattern() + "'"), e);
        }
    }

    @Override
    public boolean matches(FieldValue v) {
        view.reset(v.bytes(), v.offset(), v.length());
        return matcher.reset(view).find();
    }

    @Override
    public String toString() {
        return "Regex(" + source + ")";
    }

    /** A mutable CharSequence over a byte range, one char per byte. */
    private static final class ByteCharView implements CharSequence {
        private byte[] bytes;
        private int offset;
        private int length;

        void reset(byte[] b, int off, int len) {
            bytes = b;
            offset = off;
            length = len;
        }

        @Override
        public int length() {
            return length;
        }

        @Override
        public char charAt(int index) {
            return (char) (bytes[offset + index] & 0xff);
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            // only used by RE2/J for group extraction, which the filter never asks for
            return new String(bytes, offset + start, end - start, StandardCharsets.ISO_8859_1);
        }

        @Override
        public String toString() {
            return new String(bytes, offset, length, StandardCharsets.ISO_8859_1);
        }
    }
}
