package org.nianbao.service.problem;

import java.util.List;
import org.nianbao.model.problem.ProblemDetail;
import org.nianbao.model.validation.Problem;

/** Thrown by the services to answer with a Problem Details body; rolls back the transaction. */
public class ApiProblem extends RuntimeException {

    private final transient ProblemDetail problem;
    private final Integer retryAfterSeconds;

    public ApiProblem(ProblemDetail problem) {
        this(problem, null);
    }

    private ApiProblem(ProblemDetail problem, Integer retryAfterSeconds) {
        super(problem.title() + ": " + problem.detail(), null, false, false);
        this.problem = problem;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public ProblemDetail problem() {
        return problem;
    }

    /** The seconds to send in Retry-After, or null for none. */
    public Integer retryAfterSeconds() {
        return retryAfterSeconds;
    }

    /** 503 with Retry-After: the service is too busy for this now and changed nothing; the same request may succeed later. */
    public static ApiProblem busy(String detail, int retryAfterSeconds) {
        return new ApiProblem(ProblemDetail.of(503, "busy", "Service busy", detail), retryAfterSeconds);
    }

    public static ApiProblem notFound(String what) {
        return new ApiProblem(ProblemDetail.of(404, "not-found", "Not found", what));
    }

    public static ApiProblem invalid(String detail, List<Problem> errors) {
        return new ApiProblem(ProblemDetail.of(422, "invalid-report", "The submission is not valid", detail)
                .withErrors(errors));
    }

    public static ApiProblem badRequest(String detail, List<Problem> errors) {
        return new ApiProblem(ProblemDetail.of(400, "bad-request", "Bad request", detail).withErrors(errors));
    }

    /** 415: the body is in a media type or charset the service cannot read. */
    public static ApiProblem unsupportedMediaType(String detail, List<Problem> errors) {
        return new ApiProblem(ProblemDetail.of(415, "unsupported-media-type", "Unsupported media type", detail)
                .withErrors(errors));
    }

    public static ApiProblem preconditionFailed(String detail) {
        return new ApiProblem(ProblemDetail.of(412, "precondition-failed", "The report has changed", detail));
    }

    public static ApiProblem conflict(String detail) {
        return new ApiProblem(ProblemDetail.of(409, "conflict", "Conflict", detail));
    }
}
