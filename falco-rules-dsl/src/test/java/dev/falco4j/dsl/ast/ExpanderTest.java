package dev.falco4j.dsl.ast;

import static org.assertj.core.api.Assertions.assertThat;

import dev.falco4j.dsl.ConditionParser;
import dev.falco4j.dsl.SourceSpan;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExpanderTest {

    private final Map<String, Expr> macros = new HashMap<>();
    private final Map<String, List<StringLit>> lists = new HashMap<>();

    private static Expr parse(String text) {
        return ConditionParser.create().parse(text).exprOrThrow();
    }

    private static List<StringLit> items(String... values) {
        List<StringLit> out = new ArrayList<>();
        for (String v : values) {
            out.add(new StringLit(v, Quoting.BARE, SourceSpan.NONE));
        }
        return out;
    }

    private Expander.Result expand(String text) {
        return new Expander(macros::get, lists::get).expand(parse(text));
    }

    @Test
    void macrosAreReplacedByTheirExpandedBodies() {
        macros.put("spawned_process", parse("evt.type = execve and evt.dir = <"));
        macros.put("shell", parse("spawned_process and proc.name in (shell_binaries)"));
        lists.put("shell_binaries", items("bash", "sh"));
        Expander.Result r = expand("shell and not proc.pname = sshd");
        assertThat(r.hasErrors()).isFalse();
        assertThat(AstPrinter.print(r.expr())).isEqualTo(
                "((evt.type = execve and evt.dir = <) and proc.name in (bash, sh)) and not proc.pname = sshd");
        assertThat(r.usedMacros()).containsExactlyInAnyOrder("shell", "spawned_process");
        assertThat(r.usedLists()).containsExactly("shell_binaries");
    }

    @Test
    void listsMixWithLiteralsAndNest() {
        lists.put("shells", items("bash", "sh"));
        lists.put("all_binaries", items("shells", "python"));
        Expander.Result r = expand("proc.name in (all_binaries, \"shells\", zsh) and fd.name pmatch (shells)"
                + " and proc.name startswith anyof (shells) and proc.name = shells");
        assertThat(AstPrinter.print(r.expr())).isEqualTo("proc.name in (bash, sh, python, \"shells\", zsh) and "
                + "fd.name pmatch (bash, sh) and proc.name startswith anyof (bash, sh) and proc.name = shells");
        assertThat(AstPrinter.print(expand("proc.name in shells").expr())).isEqualTo("proc.name in (bash, sh)");
    }

    @Test
    void unknownNamesAreErrorsWithPositions() {
        Expander.Result r = expand("a and\n  proc.name in nope and proc.name in (maybe_a_value)");
        assertThat(r.hasErrors()).isTrue();
        assertThat(r.expr()).isNull();
        assertThat(r.diagnostics()).extracting(d -> d.span().line() + ":" + d.span().column() + " " + d.message())
                .containsExactly("1:1 undefined macro 'a'", "2:16 undefined list 'nope'");
    }

    @Test
    void referenceLoopsAreReportedNotFollowed() {
        macros.put("a", parse("b or proc.name = x"));
        macros.put("b", parse("c"));
        macros.put("c", parse("a"));
        Expander.Result r = expand("a");
        assertThat(r.diagnostics()).hasSize(1);
        assertThat(r.diagnostics().get(0).message()).isEqualTo("macro 'a' references itself: a -> b -> c -> a");
        lists.put("l1", items("l2"));
        lists.put("l2", items("x", "l1"));
        Expander.Result lr = expand("proc.name in (l1)");
        assertThat(lr.diagnostics().get(0).message()).isEqualTo("list 'l1' references itself: l1 -> l2 -> l1");
    }
}
