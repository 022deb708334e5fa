package dev.falco4j.dsl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.falco4j.dsl.ast.AstPrinter;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Malformed conditions: the exact message, position and caret for each, from
 * {@code golden/parser/syntax_errors.txt}. None may leak ANTLR's wording.
 */
class SyntaxErrorGoldenTest {

    private final List<String> rendered = new ArrayList<>();

    private String run(GoldenFile.Case c) {
        String input = c.value("input");
        String at = c.value("at");
        ParseResult r;
        if (at == null) {
            r = ConditionParser.create().parse(input);
        } else {
            String[] p = at.split(":");
            r = ConditionParser.create().parse(input, p[0], Integer.parseInt(p[1]), Integer.parseInt(p[2]));
        }
        if (r.ok()) {
            return "OK " + AstPrinter.print(r.expr());
        }
        assertThat(r.diagnostics()).hasSize(1);
        String out = r.diagnostics().get(0).render();
        rendered.add(out);
        return out;
    }

    @Test
    void syntaxErrors() throws IOException {
        GoldenFile.check(GoldenFile.path("parser", "syntax_errors.txt"), this::run);
        assertThat(rendered).hasSizeGreaterThanOrEqualTo(25);
        for (String r : rendered) {
            // ANTLR's default phrases must never reach users
            assertThat(r).doesNotContain("mismatched input", "extraneous input", "no viable alternative",
                    "token recognition error", "missing '", "expecting");
        }
    }
}
