package dev.falco4j.dsl;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.falco4j.dsl.ast.AstEquivalence;
import dev.falco4j.dsl.ast.AstPrinter;
import dev.falco4j.dsl.ast.Expander;
import dev.falco4j.dsl.ast.Expr;
import dev.falco4j.dsl.ast.Quoting;
import dev.falco4j.dsl.ast.StringLit;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The expansion hooks carry the upstream rules: every rule condition expands with the file's own
 * macros and lists (the way the rules loader will use them), and the expanded trees still print and
 * re-parse to the same AST.
 */
class UpstreamRulesExpansionTest {

    @Test
    void everyRuleExpandsAndRoundTrips() throws Exception {
        String dir = System.getProperty("falco4j.shared.dir");
        Path file = (dir != null ? Paths.get(dir) : Paths.get("..", "..", "shared"))
                .resolve("rules-upstream").resolve("falco_rules.yaml");
        JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(Files.readString(file));
        ConditionParser parser = ConditionParser.create();
        Map<String, Expr> macros = new HashMap<>();
        Map<String, List<StringLit>> lists = new HashMap<>();
        List<String[]> rules = new ArrayList<>();
        for (JsonNode item : root) {
            if (item.has("macro")) {
                macros.putIfAbsent(item.get("macro").asText(),
                        parser.parse(item.get("condition").asText()).exprOrThrow());
            } else if (item.has("list")) {
                List<StringLit> items = new ArrayList<>();
                for (JsonNode i : item.get("items")) {
                    String v = i.asText();
                    boolean bare = !v.isEmpty() && v.chars().noneMatch(c -> " \t\n(),=\"'".indexOf(c) >= 0);
                    items.add(new StringLit(v, bare ? Quoting.BARE : Quoting.DOUBLE, SourceSpan.NONE));
                }
                lists.putIfAbsent(item.get("list").asText(), items);
            } else if (item.has("rule") && item.has("condition")) {
                rules.add(new String[] {item.get("rule").asText(), item.get("condition").asText()});
            }
        }
        assertThat(rules).hasSizeGreaterThan(20);
        List<String> failures = new ArrayList<>();
        for (String[] rule : rules) {
            Expander.Result r = new Expander(macros::get, lists::get).expand(parser.parse(rule[1]).exprOrThrow());
            if (r.hasErrors()) {
                failures.add(rule[0] + ": " + r.diagnostics());
                continue;
            }
            Expr again = parser.parse(AstPrinter.print(r.expr())).exprOrThrow();
            if (!AstEquivalence.equivalent(r.expr(), again)) {
                failures.add(rule[0] + ": expanded round trip differs");
            }
        }
        assertThat(failures).isEmpty();
    }
}
