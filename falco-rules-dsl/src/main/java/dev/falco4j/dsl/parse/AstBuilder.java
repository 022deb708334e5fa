package dev.falco4j.dsl.parse;

import dev.falco4j.dsl.Diagnostic;
import dev.falco4j.dsl.SourceSpan;
import dev.falco4j.dsl.SourceText;
import dev.falco4j.dsl.ast.And;
import dev.falco4j.dsl.ast.Check;
import dev.falco4j.dsl.ast.Expr;
import dev.falco4j.dsl.ast.FieldOperand;
import dev.falco4j.dsl.ast.FieldRef;
import dev.falco4j.dsl.ast.ListLit;
import dev.falco4j.dsl.ast.ListModifier;
import dev.falco4j.dsl.ast.ListRef;
import dev.falco4j.dsl.ast.MacroRef;
import dev.falco4j.dsl.ast.Not;
import dev.falco4j.dsl.ast.Operand;
import dev.falco4j.dsl.ast.Operator;
import dev.falco4j.dsl.ast.Or;
import dev.falco4j.dsl.ast.Quoting;
import dev.falco4j.dsl.ast.StringLit;
import dev.falco4j.dsl.ast.Transform;
import dev.falco4j.dsl.ast.Transformer;
import dev.falco4j.dsl.ast.ValRef;
import dev.falco4j.dsl.grammar.Condition.AndExprContext;
import dev.falco4j.dsl.grammar.Condition.BareItemContext;
import dev.falco4j.dsl.grammar.Condition.BareValueContext;
import dev.falco4j.dsl.grammar.Condition.BinaryTailContext;
import dev.falco4j.dsl.grammar.Condition.CheckContext;
import dev.falco4j.dsl.grammar.Condition.ConditionContext;
import dev.falco4j.dsl.grammar.Condition.FieldArgContext;
import dev.falco4j.dsl.grammar.Condition.FieldOperandContext;
import dev.falco4j.dsl.grammar.Condition.FieldRefContext;
import dev.falco4j.dsl.grammar.Condition.ListItemContext;
import dev.falco4j.dsl.grammar.Condition.ListValueContext;
import dev.falco4j.dsl.grammar.Condition.MacroRefContext;
import dev.falco4j.dsl.grammar.Condition.ModifiedListValueContext;
import dev.falco4j.dsl.grammar.Condition.NotExprContext;
import dev.falco4j.dsl.grammar.Condition.OrExprContext;
import dev.falco4j.dsl.grammar.Condition.ParenExprContext;
import dev.falco4j.dsl.grammar.Condition.PrimaryContext;
import dev.falco4j.dsl.grammar.Condition.QuotedArgContext;
import dev.falco4j.dsl.grammar.Condition.QuotedItemContext;
import dev.falco4j.dsl.grammar.Condition.QuotedValueContext;
import dev.falco4j.dsl.grammar.Condition.RightOperandContext;
import dev.falco4j.dsl.grammar.Condition.TransformedValueContext;
import dev.falco4j.dsl.grammar.Condition.TransformerArgContext;
import dev.falco4j.dsl.grammar.Condition.TransformerContext;
import dev.falco4j.dsl.grammar.Condition.ValValueContext;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;

/**
 * Turns a valid parse tree into the AST and applies the checks the grammar leaves open: numeric
 * operands of {@code <}/{@code >}, list versus single value, escapes, transformer arity. Records the
 * first problem; the caller discards the tree when there is one.
 */
final class AstBuilder {

    /** Falco's number syntax (decimal with optional fraction and exponent, or hex). */
    private static final Pattern NUMBER =
            Pattern.compile("[+\\-]?[0-9]+\\.?[0-9]*([eE][+\\-][0-9]+)?|0[xX][0-9a-zA-Z]+");
    private static final Pattern IDENTIFIER = Pattern.compile("[a-zA-Z]+[a-zA-Z0-9_]*");

    private final SourceText source;
    private Diagnostic error;

    AstBuilder(SourceText source) {
        this.source = source;
    }

    Diagnostic error() {
        return error;
    }

    Expr condition(ConditionContext ctx) {
        return or(ctx.expr().orExpr());
    }

    private Expr or(OrExprContext ctx) {
        List<AndExprContext> parts = ctx.andExpr();
        if (parts.size() == 1) {
            return and(parts.get(0));
        }
        List<Expr> operands = new ArrayList<>(parts.size());
        for (AndExprContext p : parts) {
            operands.add(and(p));
        }
        return new Or(operands, span(ctx));
    }

    private Expr and(AndExprContext ctx) {
        List<NotExprContext> parts = ctx.notExpr();
        if (parts.size() == 1) {
            return not(parts.get(0));
        }
        List<Expr> operands = new ArrayList<>(parts.size());
        for (NotExprContext p : parts) {
            operands.add(not(p));
        }
        return new And(operands, span(ctx));
    }

    private Expr not(NotExprContext ctx) {
        if (ctx.NOT() != null) {
            return new Not(not(ctx.notExpr()), span(ctx));
        }
        return primary(ctx.primary());
    }

    private Expr primary(PrimaryContext ctx) {
        if (ctx instanceof ParenExprContext paren) {
            return or(paren.expr().orExpr());
        }
        if (ctx instanceof MacroRefContext macro) {
            return new MacroRef(macro.IDENT().getText(), span(ctx));
        }
        CheckContext check = (CheckContext) ctx;
        FieldOperand left = fieldOperand(check.fieldOperand());
        if (!(check.checkTail() instanceof BinaryTailContext tail)) {
            return Check.unary(left, Operator.EXISTS, span(ctx));
        }
        Token opToken = tail.binaryOp().getStart();
        Operator op = Operator.ofSymbol(opToken.getText());
        RightOperandContext r = tail.rightOperand();
        ListModifier modifier = ListModifier.NONE;
        Operand right;
        if (r instanceof ModifiedListValueContext mod) {
            String keyword = mod.V_MODIFIER().getText();
            keyword = keyword.substring(0, 5);
            modifier = ListModifier.ofKeyword(keyword);
            if (op.takesList() || op.arity() == Operator.Arity.NUMERIC) {
                fail(mod.V_MODIFIER().getSymbol(), "list modifier '" + keyword + "' cannot follow '"
                        + op.symbol() + "'; use it with =, !=, contains, startswith, endswith, glob, regex...");
            }
            right = list(mod.listItem(), span(mod));
        } else {
            right = rightOperand(r, op, opToken);
        }
        if (error != null) {
            // keep building a well-formed tree; the caller discards it
            right = right == null ? new StringLit("", Quoting.DOUBLE, span(r)) : right;
        }
        return new Check(left, op, modifier, right, span(ctx));
    }

    private Operand rightOperand(RightOperandContext r, Operator op, Token opToken) {
        if (r instanceof ValValueContext val) {
            return new ValRef(fieldOperand(val.fieldOperand()), span(val));
        }
        if (r instanceof TransformedValueContext tr) {
            return transform(tr.V_TRANSFORMER().getSymbol(), tr.transformerArg(), span(tr));
        }
        if (r instanceof ListValueContext list) {
            if (!op.takesList()) {
                fail(list.getStart(), "'" + op.symbol() + "' takes a single value, not a list"
                        + (op == Operator.EQ ? "; use 'in' to test membership" : "; use a modifier: "
                        + op.symbol() + " anyof (...)"));
            }
            return list(list.listItem(), span(list));
        }
        StringLit value;
        if (r instanceof QuotedValueContext q) {
            value = quoted(q.V_QUOTED().getSymbol());
        } else {
            Token t = ((BareValueContext) r).V_BARE().getSymbol();
            value = new StringLit(t.getText(), Quoting.BARE, span(t));
        }
        if (op.takesList()) {
            if (value.isBare() && IDENTIFIER.matcher(value.value()).matches()) {
                return new ListRef(value.value(), value.span());
            }
            fail(r.getStart(), "'" + op.symbol() + "' expects a list in parentheses or a list name, found "
                    + ConditionReader.quote(r.getText()));
            return value;
        }
        if (op.arity() == Operator.Arity.NUMERIC && !NUMBER.matcher(value.value()).matches()) {
            fail(r.getStart(), "'" + op.symbol() + "' expects a number, found " + ConditionReader.quote(r.getText()));
        }
        return value;
    }

    private ListLit list(List<ListItemContext> items, SourceSpan span) {
        List<StringLit> out = new ArrayList<>(items.size());
        for (ListItemContext item : items) {
            if (item instanceof QuotedItemContext q) {
                out.add(quoted(q.L_QUOTED().getSymbol()));
            } else {
                Token t = ((BareItemContext) item).L_BARE().getSymbol();
                out.add(new StringLit(t.getText(), Quoting.BARE, span(t)));
            }
        }
        return new ListLit(out, span);
    }

    private FieldOperand fieldOperand(FieldOperandContext ctx) {
        if (ctx instanceof FieldRefContext f) {
            return field(f.FIELD().getSymbol());
        }
        TransformerContext t = (TransformerContext) ctx;
        return transform(t.TRANSFORMER().getSymbol(), t.transformerArg(), span(t));
    }

    private FieldRef field(Token token) {
        String text = token.getText();
        int bracket = text.indexOf('[');
        if (bracket < 0) {
            return new FieldRef(text, null, span(token));
        }
        String name = text.substring(0, bracket);
        String arg = text.substring(bracket + 1, text.length() - 1);
        if (!arg.isEmpty() && (arg.charAt(0) == '"' || arg.charAt(0) == '\'')) {
            int[] errorAt = new int[1];
            String unquoted = Escapes.unquote(arg, errorAt);
            if (unquoted == null) {
                failAt(token.getStartIndex() + bracket + 1 + errorAt[0], 2,
                        "invalid escape sequence " + ConditionReader.quote(arg.substring(errorAt[0], errorAt[0] + 2))
                                + escapeHint(arg.charAt(0)));
                unquoted = arg;
            }
            arg = unquoted;
        }
        return new FieldRef(name, arg, span(token));
    }

    private Transform transform(Token nameToken, List<TransformerArgContext> argCtxs, SourceSpan span) {
        String name = nameToken.getText();
        Transformer transformer = Transformer.ofName(name.substring(0, name.length() - 1));
        List<Operand> args = new ArrayList<>(argCtxs.size());
        for (TransformerArgContext a : argCtxs) {
            if (a instanceof FieldArgContext f) {
                args.add(fieldOperand(f.fieldOperand()));
            } else {
                args.add(quoted(((QuotedArgContext) a).QUOTED().getSymbol()));
            }
        }
        checkArity(nameToken, transformer, args);
        return new Transform(transformer, args, span);
    }

    private void checkArity(Token at, Transformer t, List<Operand> args) {
        String fn = t.functionName() + "()";
        switch (t) {
            case JOIN -> {
                if (args.size() != 2 || !(args.get(0) instanceof StringLit) || !(args.get(1) instanceof FieldOperand)) {
                    fail(at, fn + " takes a quoted separator and a field: join(\", \", proc.args)");
                }
            }
            case GETOPT -> {
                if (args.size() != 2 || !(args.get(0) instanceof FieldOperand) || !(args.get(1) instanceof StringLit)) {
                    fail(at, fn + " takes a field and a quoted option: getopt(proc.args, \"-c\")");
                }
            }
            case CONCAT -> {
                if (args.size() < 2) {
                    fail(at, fn + " takes at least two arguments");
                }
            }
            default -> {
                if (args.size() != 1 || !(args.get(0) instanceof FieldOperand)) {
                    fail(at, fn + " takes exactly one field argument");
                }
            }
        }
    }

    private StringLit quoted(Token token) {
        String text = token.getText();
        int[] errorAt = new int[1];
        String value = Escapes.unquote(text, errorAt);
        if (value == null) {
            failAt(token.getStartIndex() + errorAt[0], 2,
                    "invalid escape sequence " + ConditionReader.quote(text.substring(errorAt[0], errorAt[0] + 2))
                            + escapeHint(text.charAt(0)));
            value = text;
        }
        return new StringLit(value, text.charAt(0) == '\'' ? Quoting.SINGLE : Quoting.DOUBLE, span(token));
    }

    private static String escapeHint(char quote) {
        return " (valid in " + quote + "-quoted strings: \\b \\f \\n \\r \\t \\\\ \\/ \\" + quote
                + " and escaped space)";
    }

    private void fail(Token at, String message) {
        failAt(at.getStartIndex(), at.getStopIndex() - at.getStartIndex() + 1, message);
    }

    private void failAt(int offset, int length, String message) {
        if (error == null) {
            error = ConditionReader.error(source, offset, length, message);
        }
    }

    private SourceSpan span(ParserRuleContext ctx) {
        Token start = ctx.getStart();
        Token stop = ctx.getStop();
        int end = stop == null || stop.getType() == Token.EOF ? start.getStartIndex() - 1 : stop.getStopIndex();
        return source.span(start.getStartIndex(), Math.max(0, end - start.getStartIndex() + 1));
    }

    private SourceSpan span(Token token) {
        return source.span(token.getStartIndex(), token.getStopIndex() - token.getStartIndex() + 1);
    }
}
