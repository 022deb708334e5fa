package dev.falco4j.dsl;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.falco4j.dsl.ast.AstEquivalence;
import dev.falco4j.dsl.ast.AstPrinter;
import dev.falco4j.dsl.ast.Expr;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every condition and macro body of the upstream Falco rules parses, and printing round-trips. */
class UpstreamRulesParseTest {

    private static Path rulesFile() {
        String dir = System.getProperty("falco4j.shared.dir");
        Path shared = dir != null ? Paths.get(dir) : Paths.get("..", "..", "shared");
        Path file = shared.resolve("rules-upstream").resolve("falco_rules.yaml");
        assertThat(file).as("upstream rules (set -Dfalco4j.shared.dir)").exists();
        return file;
    }

    private static List<String[]> conditions() throws IOException {
        JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(Files.readString(rulesFile()));
        List<String[]> out = new ArrayList<>();
        for (JsonNode item : root) {
            JsonNode condition = item.get("condition");
            if (condition != null) {
                String name = item.has("rule") ? "rule " + item.get("rule").asText() : "macro " + item.get("macro").asText();
                out.add(new String[] {name, condition.asText()});
            }
        }
        return out;
    }

    @Test
    void everyConditionParsesAndRoundTrips() throws IOException {
        List<String[]> conditions = conditions();
        assertThat(conditions).hasSizeGreaterThan(100);
        ConditionParser parser = ConditionParser.create();
        List<String> failures = new ArrayList<>();
        for (String[] c : conditions) {
            ParseResult r = parser.parse(c[1], c[0], 1, 1);
            if (!r.ok()) {
                failures.add(c[0] + ": " + r.diagnostics().get(0).render());
                continue;
            }
            String printed = AstPrinter.print(r.expr());
            ParseResult again = parser.parse(printed);
            if (!again.ok()) {
                failures.add(c[0] + " (printed): " + again.diagnostics().get(0).render());
            } else if (!AstEquivalence.equivalent(r.expr(), again.expr())) {
                failures.add(c[0] + ": round trip differs:\n  " + printed + "\n  " + AstPrinter.print(again.expr()));
            } else {
                Expr third = parser.parse(AstPrinter.print(again.expr())).expr();
                assertThat(AstPrinter.print(third)).isEqualTo(printed);
            }
        }
        assertThat(failures).isEmpty();
    }
}
