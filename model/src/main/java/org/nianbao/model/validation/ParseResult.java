package org.nianbao.model.validation;

import java.util.List;

/** Either the parsed report ({@code problems} empty) or every problem found ({@code report} null). */
public record ParseResult(ParsedReport report, List<Problem> problems) {

    public ParseResult {
        problems = List.copyOf(problems);
        if ((report == null) == problems.isEmpty()) {
            throw new IllegalArgumentException("a result has either a report or problems");
        }
    }

    public static ParseResult of(ParsedReport report) {
        return new ParseResult(report, List.of());
    }

    public static ParseResult refused(List<Problem> problems) {
        return new ParseResult(null, problems);
    }

    public boolean valid() {
        return report != null;
    }
}
