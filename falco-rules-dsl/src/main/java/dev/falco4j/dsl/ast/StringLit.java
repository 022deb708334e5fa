package dev.falco4j.dsl.ast;

import dev.falco4j.dsl.SourceSpan;
import java.util.Objects;

/**
 * A literal value: every value is text in Falco's language; the compiler converts it to the field's
 * type (number, address, network, event type, hex bytes...).
 *
 * @param value   the text with quotes removed and escapes resolved
 * @param quoting how it was written
 * @param span    where it was written (including quotes)
 */
public record StringLit(String value, Quoting quoting, SourceSpan span) implements Value {

    /** Validates the fields. */
    public StringLit {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(quoting, "quoting");
        Objects.requireNonNull(span, "span");
    }

    /** A bare word: inside a list, the rules loader treats it as a possible list reference. */
    public boolean isBare() {
        return quoting == Quoting.BARE;
    }
}
