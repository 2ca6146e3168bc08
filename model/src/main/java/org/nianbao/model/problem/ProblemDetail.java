package org.nianbao.model.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.nianbao.model.rules.RuleWarning;
import org.nianbao.model.validation.Problem;

/**
 * An RFC 9457 Problem Details body ({@code application/problem+json}). {@code errors} lists every problem
 * found at once, each with its cell code or field; {@code warnings} carries rule warnings where they matter.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ProblemDetail(String type, String title, int status, String detail, String instance,
                            List<Problem> errors, List<RuleWarning> warnings) {

    public static final String MEDIA_TYPE = "application/problem+json";
    private static final String TYPE_BASE = "https://nianbao.org/problems/";

    public static ProblemDetail of(int status, String slug, String title, String detail) {
        return new ProblemDetail(TYPE_BASE + slug, title, status, detail, null, List.of(), List.of());
    }

    public ProblemDetail withErrors(List<Problem> errors) {
        return new ProblemDetail(type, title, status, detail, instance, List.copyOf(errors), warnings);
    }

    public ProblemDetail withWarnings(List<RuleWarning> warnings) {
        return new ProblemDetail(type, title, status, detail, instance, errors, List.copyOf(warnings));
    }

    public ProblemDetail withInstance(String instance) {
        return new ProblemDetail(type, title, status, detail, instance, errors, warnings);
    }
}
