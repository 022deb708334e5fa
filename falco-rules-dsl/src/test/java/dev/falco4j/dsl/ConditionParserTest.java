package dev.falco4j.dsl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.falco4j.dsl.ast.And;
import dev.falco4j.dsl.ast.AstEquivalence;
import dev.falco4j.dsl.ast.AstPrinter;
import dev.falco4j.dsl.ast.Check;
import dev.falco4j.dsl.ast.Expr;
import dev.falco4j.dsl.ast.FieldRef;
import dev.falco4j.dsl.ast.ListLit;
import dev.falco4j.dsl.ast.ListModifier;
import dev.falco4j.dsl.ast.ListRef;
import dev.falco4j.dsl.ast.MacroRef;
import dev.falco4j.dsl.ast.Not;
import dev.falco4j.dsl.ast.Operator;
import dev.falco4j.dsl.ast.Or;
import dev.falco4j.dsl.ast.Quoting;
import dev.falco4j.dsl.ast.StringLit;
import dev.falco4j.dsl.ast.Transform;
import dev.falco4j.dsl.ast.Transformer;
import dev.falco4j.dsl.ast.ValRef;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ConditionParserTest {

    private static Expr parse(String text) {
        ParseResult r = ConditionParser.create().parse(text);
        assertThat(r.diagnostics()).as(text).isEmpty();
        return r.expr();
    }

    private static Check check(String text) {
        return (Check) parse(text);
    }

    private static StringLit value(String text) {
        return (StringLit) check(text).right();
    }

    @Test
    void notBindsTighterThanAndWhichBindsTighterThanOr() {
        Expr e = parse("a or b and not c");
        assertThat(e).isInstanceOf(Or.class);
        Or or = (Or) e;
        assertThat(or.operands().get(0)).isInstanceOf(MacroRef.class);
        And and = (And) or.operands().get(1);
        assertThat(and.operands().get(1)).isInstanceOf(Not.class);
        assertThat(AstPrinter.print(parse("not a and b"))).isEqualTo("not a and b");
        assertThat(parse("not a and b")).isInstanceOf(And.class);
        assertThat(AstPrinter.print(parse("a and b or c and d"))).isEqualTo("(a and b) or (c and d)");
        assertThat(AstPrinter.print(parse("not (a or b)"))).isEqualTo("not (a or b)");
    }

    @Test
    void sameOperatorChainsAreFlatAndParenthesesAreKept() {
        And and = (And) parse("a and b and c and d");
        assertThat(and.operands()).hasSize(4);
        And nested = (And) parse("a and (b and c)");
        assertThat(nested.operands()).hasSize(2).last().isInstanceOf(And.class);
        assertThat(AstPrinter.print(nested)).isEqualTo("a and (b and c)");
        assertThat(parse("((a))")).isInstanceOf(MacroRef.class);
    }

    @Test
    void keywordsNeedWordBoundaries() {
        assertThat(parse("not(a)")).isInstanceOf(Not.class);
        assertThat(parse("notice")).isEqualTo(new MacroRef("notice", ConditionParser.create().parse("notice").expr().span()));
        assertThat(parse("android or order")).isInstanceOf(Or.class);
        assertThat(((MacroRef) parse("inbound")).name()).isEqualTo("inbound");
    }

    @Test
    void whitespaceAndNewlinesAnywhere() {
        Expr a = parse("proc.name=bash and(fd.name=x)");
        Expr b = parse("  proc.name\n=\tbash\r\n and (\n fd.name = x\n)\n");
        assertThat(AstEquivalence.equivalent(a, b)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/etc/shadow", "127.0.0.1", "-1", "/usr/bin/*", "*", "C:\\x", "a.b.c", "10.0.0.0/8",
            "user@host", "x<y", ">", "!", "[abc]", "{a}", "~/.ssh", "$HOME", "%s", "a:b", "<NA>", "+5", "ab\\"})
    void bareWordsKeepEveryNonSeparatorCharacter(String word) {
        StringLit v = value("proc.name = " + word);
        assertThat(v.value()).isEqualTo(word);
        assertThat(v.quoting()).isEqualTo(Quoting.BARE);
        ListLit list = (ListLit) check("proc.name in (" + word + ", x)").right();
        assertThat(list.items().get(0).value()).isEqualTo(word);
    }

    @Test
    void bareWordsStopAtSeparators() {
        assertThat(value("proc.name=a").value()).isEqualTo("a");
        assertThat(((Check) ((And) parse("(proc.name=a)and b")).operands().get(0)).right()).isInstanceOf(StringLit.class);
        ListLit l = (ListLit) check("proc.name in (a,b,c)").right();
        assertThat(l.items()).extracting(StringLit::value).containsExactly("a", "b", "c");
        assertThat(((ListLit) check("proc.name in ()").right()).items()).isEmpty();
    }

    @Test
    void quotedStringsAndEscapes() {
        assertThat(value("proc.name = \"a b\"").value()).isEqualTo("a b");
        assertThat(value("proc.name = \"a b\"").quoting()).isEqualTo(Quoting.DOUBLE);
        assertThat(value("proc.name = 'a b'").quoting()).isEqualTo(Quoting.SINGLE);
        assertThat(value("proc.name = \"say \\\"hi\\\"\"").value()).isEqualTo("say \"hi\"");
        assertThat(value("proc.name = 'it\\'s'").value()).isEqualTo("it's");
        assertThat(value("proc.name = \"it's\"").value()).isEqualTo("it's");
        assertThat(value("proc.name = 'say \"x\"'").value()).isEqualTo("say \"x\"");
        assertThat(value("proc.name = \"\\b\\f\\n\\r\\t\\\\\\ \"").value()).isEqualTo("\b\f\n\r\t\\ ");
        assertThat(value("proc.name = \"\"").value()).isEmpty();
        assertThat(value("proc.name = \"a\\/b\"").value()).isEqualTo("a/b");
        // like Falco, a quote may only be escaped inside a string delimited by that quote
        assertThat(ConditionParser.create().parse("proc.name = \"it\\'s\"").diagnostics().get(0).message())
                .startsWith("invalid escape sequence '\\''");
        assertThat(ConditionParser.create().parse("proc.name = 'say \\\"x'").ok()).isFalse();
        assertThat(value("proc.name = \"a\\/b\"").value()).isEqualTo("a/b");
        assertThat(ConditionParser.create().parse("proc.name = \"it\\'s\"").ok()).isFalse();
        assertThat(ConditionParser.create().parse("proc.name = 'say \\\"x'").ok()).isFalse();
        assertThat(value("proc.name = \"(a, b) = c\"").value()).isEqualTo("(a, b) = c");
        assertThat(value("proc.name = \"line1\nline2\"").value()).isEqualTo("line1\nline2");
        // printing re-escapes so the round trip is exact
        for (String s : new String[] {"\"say \\\"hi\\\"\"", "'it\\'s'", "\"\\t\\n\\\\\""}) {
            Expr e = parse("proc.name = " + s);
            assertThat(AstEquivalence.equivalent(e, parse(AstPrinter.print(e)))).as(s).isTrue();
        }
    }

    @Test
    void everyOperator() {
        for (Operator op : Operator.values()) {
            String text = switch (op.arity()) {
                case UNARY -> "fd.name " + op.symbol();
                case NUMERIC -> "fd.num " + op.symbol() + " 3";
                case LIST -> "fd.name " + op.symbol() + " (a, b)";
                default -> "fd.name " + op.symbol() + " x";
            };
            assertThat(check(text).operator()).as(text).isEqualTo(op);
            assertThat(AstPrinter.print(parse(text))).isEqualTo(text);
        }
        assertThat(check("fd.name == x").operator()).isEqualTo(Operator.EQ);
        assertThat(check("fd.num >= 0x1F").right()).isEqualTo(new StringLit("0x1F", Quoting.BARE,
                check("fd.num >= 0x1F").right().span()));
        assertThat(check("fd.num < 1.5e+3").operator()).isEqualTo(Operator.LT);
    }

    @Test
    void operatorsNeedNoSpaces() {
        assertThat(check("fd.num>=3").operator()).isEqualTo(Operator.GE);
        assertThat(check("proc.name!=x").operator()).isEqualTo(Operator.NE);
        assertThat(value("proc.name!=x").value()).isEqualTo("x");
        assertThat(check("proc.name in(a)").right()).isInstanceOf(ListLit.class);
    }

    @Test
    void fieldArgumentsAndTransformers() {
        FieldRef f = (FieldRef) check("proc.aname[2] = init").left();
        assertThat(f.name()).isEqualTo("proc.aname");
        assertThat(f.argument()).isEqualTo("2");
        assertThat(((FieldRef) check("container.mount.dest[/var/run/docker.sock] exists").left()).argument())
                .isEqualTo("/var/run/docker.sock");
        assertThat(((FieldRef) check("proc.env[\"MY VAR\"] exists").left()).argument()).isEqualTo("MY VAR");
        assertThat(((FieldRef) check("evt.arg.name = x").left()).name()).isEqualTo("evt.arg.name");
        Transform t = (Transform) check("len(basename(tolower(fd.name))) > 3").left();
        assertThat(t.transformer()).isEqualTo(Transformer.LEN);
        assertThat(((Transform) t.arguments().get(0)).transformer()).isEqualTo(Transformer.BASENAME);
        Transform j = (Transform) check("join(\", \", proc.args) = x").left();
        assertThat(((StringLit) j.arguments().get(0)).value()).isEqualTo(", ");
        assertThat(check("proc.name = val(proc.pname)").right()).isInstanceOf(ValRef.class);
        assertThat(check("proc.name = toupper(proc.pname)").right()).isInstanceOf(Transform.class);
        assertThat(check("concat(proc.name, '-', proc.pname) = a-b").left()).isInstanceOf(Transform.class);
    }

    @Test
    void listsModifiersAndReferences() {
        Check c = check("proc.name startswith anyof (a, 'b')");
        assertThat(c.modifier()).isEqualTo(ListModifier.ANYOF);
        assertThat(check("proc.name glob allof(a)").modifier()).isEqualTo(ListModifier.ALLOF);
        assertThat(check("proc.name contains oneof (a)").modifier()).isEqualTo(ListModifier.ONEOF);
        // without a parenthesis the word is an ordinary value
        assertThat(value("proc.name = anyof").value()).isEqualTo("anyof");
        assertThat(check("proc.name in shell_binaries").right()).isInstanceOf(ListRef.class);
        ListLit mixed = (ListLit) check("proc.name in (shell_binaries, \"my sh\", 1)").right();
        assertThat(mixed.items()).extracting(StringLit::isBare).containsExactly(true, false, true);
    }

    @Test
    void spansAreInFileCoordinates() {
        ParseResult r = ConditionParser.create().parse("a and\n  proc.name = \"x\"", "rules.yaml", 10, 14);
        And and = (And) r.expr();
        assertThat(and.operands().get(0).span()).isEqualTo(new SourceSpan("rules.yaml", 10, 14, 0, 1));
        Check c = (Check) and.operands().get(1);
        assertThat(c.span()).isEqualTo(new SourceSpan("rules.yaml", 11, 3, 8, 15));
        assertThat(c.right().span()).isEqualTo(new SourceSpan("rules.yaml", 11, 15, 20, 3));
        assertThat(and.span().length()).isEqualTo(23);
    }

    @Test
    void nestingLimitStopsHostileInputBeforeTheParserRecurses() {
        String deep = "(".repeat(100_000) + "a" + ")".repeat(100_000);
        ParseResult r = ConditionParser.create().parse(deep);
        assertThat(r.ok()).isFalse();
        assertThat(r.diagnostics().get(0).message()).isEqualTo("condition nested deeper than 100 levels");
        assertThat(r.diagnostics().get(0).span().column()).isEqualTo(101);
        ParseResult nots = ConditionParser.create().parse("not ".repeat(50_000) + "a");
        assertThat(nots.diagnostics().get(0).message()).isEqualTo("condition nested deeper than 100 levels");
        assertThat(ConditionParser.create().parse("(".repeat(99) + "a" + ")".repeat(99)).ok()).isTrue();
        assertThat(ConditionParser.withMaxDepth(5).parse("((((((a))))))").ok()).isFalse();
        assertThat(ConditionParser.create().parse("tolower(".repeat(101) + "fd.name" + ")".repeat(101) + " = x").ok())
                .isFalse();
    }

    @Test
    void longFlatChainsAreFine() {
        String chain = String.join(" and ", java.util.Collections.nCopies(5000, "proc.name = x"));
        Expr e = parse(chain);
        assertThat(((And) e).operands()).hasSize(5000);
        String list = "proc.name in (" + String.join(", ", java.util.Collections.nCopies(10_000, "x")) + ")";
        assertThat(((ListLit) check(list).right()).items()).hasSize(10_000);
    }

    @Test
    void exprOrThrowCarriesTheDiagnostics() {
        ParseResult r = ConditionParser.create().parse("proc.name =");
        org.assertj.core.api.Assertions.assertThatThrownBy(r::exprOrThrow)
                .isInstanceOf(ConditionSyntaxException.class)
                .hasMessageStartingWith("<condition>:1:12: error: expected a value after '='");
    }
}
