package org.nianbao.model.validation;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Why a submission is refused. A refusal lists every problem at once.
 *
 * @param field         JSON path or cell code: {@code requests.newReceived.total}, {@code publishedOn}, {@code template}
 * @param type          short stable code, one of the constants below
 * @param rule          the rule broken, e.g. {@code R5}, or null
 * @param rejectedValue the value sent (a number, string, boolean or JSON node), or null
 */
@Schema(description = "One problem of a refused request")
public record Problem(@Schema(nullable = true, description = "The cell code or field the problem is in", example = "requests.newReceived.naturalPerson") String field, @Schema(description = "A stable problem code: MALFORMED, UNKNOWN_FIELD, UNKNOWN_CELL, WRONG_TYPE, NEGATIVE_COUNT, NOT_WHOLE, OUT_OF_RANGE, TOO_LONG, REQUIRED, UNKNOWN_TEMPLATE, INVALID_DATE, …", example = "NEGATIVE_COUNT") String type, @Schema(nullable = true, description = "The format rule it breaks, when one does", example = "R5") String rule, @Schema(description = "What is wrong and how to fix it", example = "a count cannot be negative") String message, @Schema(nullable = true, description = "The value that was sent", example = "-3") Object rejectedValue) {

    public static final String MALFORMED = "MALFORMED";
    public static final String UNKNOWN_FIELD = "UNKNOWN_FIELD";
    public static final String UNKNOWN_CELL = "UNKNOWN_CELL";
    public static final String WRONG_TYPE = "WRONG_TYPE";
    public static final String NEGATIVE_COUNT = "NEGATIVE_COUNT";
    public static final String NOT_WHOLE = "NOT_WHOLE";
    public static final String OUT_OF_RANGE = "OUT_OF_RANGE";
    public static final String TOO_LONG = "TOO_LONG";
    public static final String REQUIRED = "REQUIRED";
    public static final String UNKNOWN_TEMPLATE = "UNKNOWN_TEMPLATE";
    public static final String INVALID_DATE = "INVALID_DATE";
    public static final String INVALID_ID = "INVALID_ID";
    public static final String INVALID_TEXT = TextCheck.INVALID_TEXT;
    public static final String TOO_PRECISE = "TOO_PRECISE";
}
