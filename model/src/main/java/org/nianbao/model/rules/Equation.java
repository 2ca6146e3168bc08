package org.nianbao.model.rules;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;

import com.fasterxml.jackson.annotation.JsonValue;

/** {@code left = right}, both sums of terms; written and serialized as text. */
@Schema(type = SchemaType.STRING, description = "A sum of codes with + and −; prev: reads the previous year", example = "total = upheld + corrected + other + pending")
public record Equation(Expression left, Expression right) {

    public static Equation parse(String text) {
        String[] sides = text.split("=", -1);
        if (sides.length != 2) {
            throw new IllegalArgumentException("an equation needs exactly one '=': '" + text + "'");
        }
        return new Equation(Expression.parse(sides[0]), Expression.parse(sides[1]));
    }

    @JsonValue
    public String text() {
        return left.text() + " = " + right.text();
    }

    public boolean readsPreviousYear() {
        return left.readsPreviousYear() || right.readsPreviousYear();
    }

    @Override
    public String toString() {
        return text();
    }
}
