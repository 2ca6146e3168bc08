package org.nianbao.service.problem;

import java.util.List;
import org.nianbao.model.problem.ProblemDetail;
import org.nianbao.model.validation.Problem;

/** Thrown by the services to answer with a Problem Details body; rolls back the transaction. */
public class ApiProblem extends RuntimeException {

    private final transient ProblemDetail problem;

    public ApiProblem(ProblemDetail problem) {
        super(problem.title() + ": " + problem.detail(), null, false, false);
        this.problem = problem;
    }

    public ProblemDetail problem() {
        return problem;
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

    public static ApiProblem preconditionFailed(String detail) {
        return new ApiProblem(ProblemDetail.of(412, "precondition-failed", "The report has changed", detail));
    }

    public static ApiProblem conflict(String detail) {
        return new ApiProblem(ProblemDetail.of(409, "conflict", "Conflict", detail));
    }
}
