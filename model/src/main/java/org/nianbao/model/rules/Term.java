package org.nianbao.model.rules;

/**
 * One term of a sum: a code, its sign, and whether it is read from the agency's previous report year
 * ({@code prev:} in the catalog).
 */
public record Term(boolean negative, boolean previousYear, String code) {

    static final String PREVIOUS_YEAR = "prev:";

    /** The term as written, without its sign: {@code prev:carriedForward}. */
    public String reference() {
        return previousYear ? PREVIOUS_YEAR + code : code;
    }
}
