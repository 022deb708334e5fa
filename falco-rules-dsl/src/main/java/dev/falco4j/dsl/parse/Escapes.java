package dev.falco4j.dsl.parse;

/**
 * Resolves the backslash escapes of quoted strings as Falco does: {@code \b \f \n \r \t}, an escaped
 * space, backslash, slash, and the string's own quote character. Any other escape (including the
 * other quote character) is an error, reported by the caller.
 */
final class Escapes {

    private Escapes() {
    }

    /**
     * Unescapes the inside of a quoted token ({@code quoted} includes the delimiters).
     *
     * @param errorAt receives at index 0 the offset (inside {@code quoted}) of an invalid escape,
     *                or -1 when the text is valid
     * @return the unescaped text, or {@code null} on an invalid escape
     */
    static String unquote(String quoted, int[] errorAt) {
        errorAt[0] = -1;
        StringBuilder sb = new StringBuilder(quoted.length());
        int end = quoted.length() - 1;
        for (int i = 1; i < end; i++) {
            char c = quoted.charAt(i);
            if (c != '\\') {
                sb.append(c);
                continue;
            }
            char n = quoted.charAt(++i);
            switch (n) {
                case 'b' -> sb.append('\b');
                case 'f' -> sb.append('\f');
                case 'n' -> sb.append('\n');
                case 'r' -> sb.append('\r');
                case 't' -> sb.append('\t');
                case ' ', '\\', '/' -> sb.append(n);
                case '"', '\'' -> {
                    if (n != quoted.charAt(0)) {
                        errorAt[0] = i - 1;
                        return null;
                    }
                    sb.append(n);
                }
                default -> {
                    errorAt[0] = i - 1;
                    return null;
                }
            }
        }
        return sb.toString();
    }
}
