package dev.falco4j.dsl.parse;

import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.misc.IntervalSet;

/**
 * Records the first syntax error ANTLR finds, as the offending token and the set of token types
 * that would have been accepted; ANTLR's own message text is ignored so users never see it.
 */
final class SyntaxErrorListener extends BaseErrorListener {

    private Token offending;
    private IntervalSet expected;
    private int charOffset = -1;

    @Override
    public void syntaxError(Recognizer<?, ?> recognizer, Object offendingSymbol, int line, int charPositionInLine,
                            String antlrMessage, RecognitionException e) {
        if (offending != null || charOffset >= 0) {
            return;
        }
        if (offendingSymbol instanceof Token token) {
            offending = token;
            if (recognizer instanceof Parser parser) {
                expected = e != null && e.getExpectedTokens() != null ? e.getExpectedTokens() : parser.getExpectedTokens();
            }
        } else {
            // lexer errors cannot happen with the catch-all tokens, but stay positioned if they do
            charOffset = 0;
        }
    }

    boolean hasError() {
        return offending != null || charOffset >= 0;
    }

    Token offending() {
        return offending;
    }

    IntervalSet expected() {
        return expected == null ? new IntervalSet() : expected;
    }
}
