package org.nianbao.model.rules;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ExpressionTest {

    @Test
    void readsSignsAndPreviousYearTerms() {
        Equation equation = Equation.parse("inForce = prev:inForce + issued - repealed");

        assertThat(equation.left().terms()).containsExactly(new Term(false, false, "inForce"));
        assertThat(equation.right().terms()).containsExactly(new Term(false, true, "inForce"),
                new Term(false, false, "issued"), new Term(true, false, "repealed"));
        assertThat(equation.readsPreviousYear()).isTrue();
        assertThat(equation.text()).isEqualTo("inForce = prev:inForce + issued - repealed");
    }

    @Test
    void dottedCodesAndTheMinusSign() {
        Expression expression = Expression.parse("requests.newReceived.total − requests.newReceived.naturalPerson");
        assertThat(expression.text()).isEqualTo("requests.newReceived.total - requests.newReceived.naturalPerson");
    }

    @Test
    void refusesWhatItCannotRead() {
        assertThatThrownBy(() -> Expression.parse("a b")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Expression.parse("a + ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Expression.parse("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Equation.parse("a = b = c")).isInstanceOf(IllegalArgumentException.class);
    }
}
