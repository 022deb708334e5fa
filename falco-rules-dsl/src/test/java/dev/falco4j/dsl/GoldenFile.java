package dev.falco4j.dsl;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Golden-file harness in CEL's baseline shape: each case is a header block ({@code input:} lines,
 * optional {@code at: file:line:col}), a {@code =====>} line, the expected output, and a
 * {@code --------} separator. {@code \n} in an input line stands for a newline.
 * {@code -Dgolden.update=true} rewrites the file with the actual outputs, for review as a diff.
 */
final class GoldenFile {

    /** One case: the raw header lines and the expected output. */
    record Case(List<String> header, String expected) {
        String value(String key) {
            for (String h : header) {
                if (h.startsWith(key + ": ")) {
                    return h.substring(key.length() + 2).replace("\\n", "\n").replace("\\t", "\t");
                }
            }
            return null;
        }
    }

    private GoldenFile() {
    }

    static Path path(String area, String name) {
        return Paths.get("src", "test", "resources", "golden", area, name);
    }

    static List<Case> read(Path file) throws IOException {
        List<Case> cases = new ArrayList<>();
        List<String> header = new ArrayList<>();
        StringBuilder expected = null;
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (line.equals("--------")) {
                cases.add(new Case(List.copyOf(header), stripTrailingNewline(expected)));
                header.clear();
                expected = null;
            } else if (line.equals("=====>")) {
                expected = new StringBuilder();
            } else if (expected != null) {
                expected.append(line).append('\n');
            } else if (!line.isBlank()) {
                header.add(line);
            }
        }
        return cases;
    }

    private static String stripTrailingNewline(StringBuilder sb) {
        if (sb == null) {
            return "";
        }
        String s = sb.toString();
        return s.endsWith("\n") ? s.substring(0, s.length() - 1) : s;
    }

    /** Runs every case through {@code actual}; compares, or rewrites the file when updating. */
    static void check(Path file, Function<Case, String> actual) throws IOException {
        List<Case> cases = read(file);
        assertThat(cases).as("cases in " + file).isNotEmpty();
        boolean update = Boolean.getBoolean("golden.update");
        StringBuilder rewritten = new StringBuilder();
        List<String> mismatches = new ArrayList<>();
        for (Case c : cases) {
            String out = actual.apply(c);
            if (!out.equals(c.expected())) {
                mismatches.add(String.join("\n", c.header()) + "\nexpected:\n" + c.expected() + "\nactual:\n" + out);
            }
            for (String h : c.header()) {
                rewritten.append(h).append('\n');
            }
            rewritten.append("=====>\n").append(out).append("\n--------\n");
        }
        if (update) {
            Files.writeString(file, rewritten.toString(), StandardCharsets.UTF_8);
            return;
        }
        assertThat(mismatches).as("golden mismatches in " + file + " (rerun with -Dgolden.update=true to accept)")
                .isEmpty();
    }
}
