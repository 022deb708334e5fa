package dev.falco4j.dsl.ast;

import dev.falco4j.dsl.SourceSpan;
import java.util.ArrayList;
import java.util.List;

/**
 * Structural comparison of ASTs that ignores source positions: two conditions are equivalent when
 * they have the same tree of operators, fields and literal values (quoting style included).
 */
public final class AstEquivalence {

    private AstEquivalence() {
    }

    /** Whether the two trees are the same apart from spans. */
    public static boolean equivalent(Expr a, Expr b) {
        return withoutSpans(a).equals(withoutSpans(b));
    }

    /** A copy of the tree with every span set to {@link SourceSpan#NONE}. */
    public static Expr withoutSpans(Expr e) {
        SourceSpan none = SourceSpan.NONE;
        if (e instanceof And and) {
            return new And(strip(and.operands()), none);
        } else if (e instanceof Or or) {
            return new Or(strip(or.operands()), none);
        } else if (e instanceof Not not) {
            return new Not(withoutSpans(not.operand()), none);
        } else if (e instanceof MacroRef ref) {
            return new MacroRef(ref.name(), none);
        }
        Check c = (Check) e;
        return new Check((FieldOperand) withoutSpans(c.left()), c.operator(), c.modifier(),
                c.right() == null ? null : withoutSpans(c.right()), none);
    }

    /** A copy of the operand with every span set to {@link SourceSpan#NONE}. */
    public static Operand withoutSpans(Operand o) {
        SourceSpan none = SourceSpan.NONE;
        if (o instanceof FieldRef f) {
            return new FieldRef(f.name(), f.argument(), none);
        } else if (o instanceof Transform t) {
            List<Operand> args = new ArrayList<>(t.arguments().size());
            for (Operand a : t.arguments()) {
                args.add(withoutSpans(a));
            }
            return new Transform(t.transformer(), args, none);
        } else if (o instanceof ValRef v) {
            return new ValRef((FieldOperand) withoutSpans(v.field()), none);
        } else if (o instanceof ListRef r) {
            return new ListRef(r.name(), none);
        } else if (o instanceof ListLit l) {
            List<StringLit> items = new ArrayList<>(l.items().size());
            for (StringLit s : l.items()) {
                items.add(new StringLit(s.value(), s.quoting(), none));
            }
            return new ListLit(items, none);
        }
        StringLit s = (StringLit) o;
        return new StringLit(s.value(), s.quoting(), none);
    }

    private static List<Expr> strip(List<Expr> operands) {
        List<Expr> out = new ArrayList<>(operands.size());
        for (Expr e : operands) {
            out.add(withoutSpans(e));
        }
        return out;
    }
}
