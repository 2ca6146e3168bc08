package org.nianbao.model.rules;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A sum of terms with + and −, e.g. {@code prev:inForce + issued - repealed}; written and serialized as text. */
@Schema(type = SchemaType.STRING, description = "A sum of codes with + and −; prev: reads the previous year", example = "requests.outcome.total.total")
public record Expression(List<Term> terms) {

    private static final Pattern TERM =
            Pattern.compile("\\s*([+\\-−]?)\\s*(" + Pattern.quote(Term.PREVIOUS_YEAR) + ")?([A-Za-z](?:[A-Za-z0-9.]*[A-Za-z0-9])?)\\s*");

    public Expression {
        if (terms.isEmpty()) throw new IllegalArgumentException("an expression needs at least one term");
        terms = List.copyOf(terms);
    }

    /** Parses {@code a + b - prev:c}; the first term may go without a sign, the others need one. */
    public static Expression parse(String text) {
        List<Term> terms = new ArrayList<>();
        Matcher matcher = TERM.matcher(text);
        int at = 0;
        while (at < text.length()) {
            if (!matcher.region(at, text.length()).lookingAt() || (!terms.isEmpty() && matcher.group(1).isEmpty())) {
                throw new IllegalArgumentException("cannot read expression '" + text + "' at position " + at);
            }
            terms.add(new Term(!matcher.group(1).isEmpty() && !matcher.group(1).equals("+"),
                    matcher.group(2) != null, matcher.group(3)));
            at = matcher.end();
        }
        return new Expression(terms);
    }

    @JsonValue
    public String text() {
        StringBuilder text = new StringBuilder();
        for (Term term : terms) {
            if (!text.isEmpty()) text.append(term.negative() ? " - " : " + ");
            else if (term.negative()) text.append("-");
            text.append(term.reference());
        }
        return text.toString();
    }

    public boolean readsPreviousYear() {
        return terms.stream().anyMatch(Term::previousYear);
    }

    @Override
    public String toString() {
        return text();
    }
}
