package dev.falco4j.dsl.parse;

import dev.falco4j.dsl.Diagnostic;
import dev.falco4j.dsl.ParseResult;
import dev.falco4j.dsl.SourceText;
import dev.falco4j.dsl.ast.Expr;
import dev.falco4j.dsl.grammar.Condition;
import dev.falco4j.dsl.grammar.ConditionLexer;
import java.util.List;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.atn.PredictionMode;
import org.antlr.v4.runtime.misc.IntervalSet;

/**
 * Runs lexer, nesting check, parser and AST builder on one condition. Entry point behind
 * {@link dev.falco4j.dsl.ConditionParser}; public only because that class lives in another package.
 */
public final class ConditionReader {

    private ConditionReader() {
    }

    /** Parses {@code source}, stopping at the first error. */
    public static ParseResult read(SourceText source, int maxDepth) {
        ConditionLexer lexer = new ConditionLexer(CharStreams.fromString(source.text(), source.name()));
        lexer.removeErrorListeners();
        SyntaxErrorListener lexerErrors = new SyntaxErrorListener();
        lexer.addErrorListener(lexerErrors);
        CommonTokenStream tokens = new CommonTokenStream(lexer);
        tokens.fill();

        Diagnostic early = checkTokens(source, tokens.getTokens(), maxDepth);
        if (early != null) {
            return failure(source, early);
        }

        Condition parser = new Condition(tokens);
        parser.removeErrorListeners();
        SyntaxErrorListener errors = new SyntaxErrorListener();
        parser.addErrorListener(errors);
        parser.getInterpreter().setPredictionMode(PredictionMode.SLL);
        dev.falco4j.dsl.grammar.Condition.ConditionContext tree = parser.condition();
        if (errors.hasError()) {
            return failure(source, describe(source, errors.offending(), errors.expected(), tokens));
        }
        AstBuilder builder = new AstBuilder(source);
        Expr expr = builder.condition(tree);
        if (builder.error() != null) {
            return failure(source, builder.error());
        }
        return new ParseResult(expr, List.of(), source);
    }

    private static ParseResult failure(SourceText source, Diagnostic d) {
        return new ParseResult(null, List.of(d), source);
    }

    /**
     * Problems visible on the token stream alone: stray characters, unterminated strings, and
     * nesting deeper than the limit (checked here so that hostile input never reaches the
     * recursive parser).
     */
    private static Diagnostic checkTokens(SourceText source, List<Token> tokens, int maxDepth) {
        int depth = 0;
        int notRun = 0;
        for (Token t : tokens) {
            switch (t.getType()) {
                case ConditionLexer.UNTERMINATED_QUOTE, ConditionLexer.V_UNTERMINATED_QUOTE,
                        ConditionLexer.L_UNTERMINATED_QUOTE -> {
                    return error(source, t.getStartIndex(), 1, "unterminated string: missing closing " + t.getText());
                }
                case ConditionLexer.UNEXPECTED, ConditionLexer.L_UNEXPECTED -> {
                    return error(source, t.getStartIndex(), 1, "unexpected character " + quoteChar(t.getText()));
                }
                case ConditionLexer.LPAREN, ConditionLexer.V_LPAREN, ConditionLexer.V_MODIFIER,
                        ConditionLexer.TRANSFORMER, ConditionLexer.V_TRANSFORMER, ConditionLexer.V_VAL -> depth++;
                case ConditionLexer.RPAREN, ConditionLexer.L_RPAREN -> depth = Math.max(0, depth - 1);
                default -> {
                }
            }
            notRun = t.getType() == ConditionLexer.NOT ? notRun + 1 : 0;
            if (depth + notRun > maxDepth) {
                return error(source, t.getStartIndex(), Math.max(1, t.getText().length()),
                        "condition nested deeper than " + maxDepth + " levels");
            }
        }
        return null;
    }

    private static Diagnostic describe(SourceText source, Token offending, IntervalSet expected,
                                       CommonTokenStream tokens) {
        String found = describeToken(offending);
        Token previous = previousToken(tokens, offending);
        String after = previous == null ? "" : " after " + quote(previous.getText());
        String message;
        if (offending.getType() == ConditionLexer.LPAREN && previous != null
                && previous.getType() == ConditionLexer.IDENT) {
            message = "unknown transformer " + quote(previous.getText() + "(")
                    + "; transformers are tolower, toupper, b64, basename, len, join, concat, getopt and val";
        } else if (containsAny(expected, ConditionLexer.EQ, ConditionLexer.IN, ConditionLexer.EXISTS)) {
            message = "expected an operator (=, !=, <, <=, >, >=, contains, icontains, startswith, endswith, glob, "
                    + "iglob, regex, in, intersects, pmatch, bcontains, bstartswith, exists)" + after
                    + ", found " + found;
        } else if (containsAny(expected, ConditionLexer.V_BARE, ConditionLexer.V_QUOTED)) {
            message = "expected a value" + after + ", found " + found;
        } else if (containsAny(expected, ConditionLexer.L_COMMA, ConditionLexer.L_RPAREN, ConditionLexer.L_BARE)) {
            message = (expected.contains(ConditionLexer.L_BARE) ? "expected a list item" : "expected ',' or ')'")
                    + " in list" + after + ", found " + found;
        } else if (containsAny(expected, ConditionLexer.FIELD) && containsAny(expected, ConditionLexer.IDENT)) {
            message = "expected a field, a macro name, 'not' or '('" + after + ", found " + found;
        } else if (containsAny(expected, ConditionLexer.FIELD) && containsAny(expected, ConditionLexer.QUOTED)) {
            message = "expected a field or a quoted string" + after + ", found " + found;
        } else if (containsAny(expected, ConditionLexer.FIELD)) {
            message = "expected a field" + after + ", found " + found;
        } else if (containsAny(expected, ConditionLexer.RPAREN) && containsAny(expected, ConditionLexer.AND)) {
            message = "expected 'and', 'or' or ')'" + after + ", found " + found;
        } else if (containsAny(expected, ConditionLexer.RPAREN, ConditionLexer.COMMA)) {
            message = "expected ')'" + after + ", found " + found;
        } else if (containsAny(expected, ConditionLexer.AND, ConditionLexer.OR) || expected.contains(Token.EOF)) {
            message = offending.getType() == ConditionLexer.RPAREN
                    ? "unbalanced ')': no matching '('"
                    : "expected 'and', 'or' or end of condition" + after + ", found " + found;
        } else {
            message = "unexpected " + found;
        }
        int start = offending.getType() == Token.EOF ? source.text().length() : offending.getStartIndex();
        int length = offending.getType() == Token.EOF ? 0 : offending.getStopIndex() - offending.getStartIndex() + 1;
        return error(source, start, length, message);
    }

    private static boolean containsAny(IntervalSet set, int... types) {
        for (int t : types) {
            if (set.contains(t)) {
                return true;
            }
        }
        return false;
    }

    private static Token previousToken(CommonTokenStream tokens, Token offending) {
        int index = offending.getTokenIndex() - 1;
        while (index >= 0) {
            Token t = tokens.get(index);
            if (t.getChannel() == Token.DEFAULT_CHANNEL) {
                return t;
            }
            index--;
        }
        return null;
    }

    private static String describeToken(Token t) {
        if (t.getType() == Token.EOF) {
            return "end of condition";
        }
        return quote(t.getText());
    }

    static String quote(String text) {
        String shown = text.length() > 40 ? text.substring(0, 37) + "..." : text;
        return "'" + shown.replace("\n", "\\n").replace("\t", "\\t") + "'";
    }

    private static String quoteChar(String text) {
        char c = text.isEmpty() ? '?' : text.charAt(0);
        if (c < 0x20 || c == 0x7f) {
            return String.format("U+%04X", (int) c);
        }
        return "'" + text + "'";
    }

    static Diagnostic error(SourceText source, int offset, int length, String message) {
        return source.diagnostic(Diagnostic.Severity.ERROR, source.span(offset, length), message);
    }
}
