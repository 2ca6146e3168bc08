package org.nianbao.service.problem;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.nianbao.model.problem.ProblemDetail;

/** Every error leaves the service as RFC 9457 Problem Details. */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response apiProblem(ApiProblem e, UriInfo uri) {
        Response response = respond(e.problem().withInstance(uri.getPath()));
        return e.retryAfterSeconds() == null ? response
                : Response.fromResponse(response).header("Retry-After", e.retryAfterSeconds()).build();
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, UriInfo uri) {
        int status = e.getResponse().getStatus();
        String title = Response.Status.fromStatusCode(status) == null ? "Error"
                : Response.Status.fromStatusCode(status).getReasonPhrase();
        return respond(ProblemDetail.of(status, "http-" + status, title, e.getMessage()).withInstance(uri.getPath()));
    }

    @ServerExceptionMapper({AuthenticationFailedException.class, UnauthorizedException.class})
    public Response unauthenticated(RuntimeException e, UriInfo uri) {
        return respond(ProblemDetail.of(401, "unauthenticated", "Unauthenticated",
                "this needs a valid bearer token (Authorization: Bearer <token>); the one sent, if any, was not accepted")
                .withInstance(uri.getPath()));
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return respond(ProblemDetail.of(403, "forbidden", "Forbidden",
                e.getMessage() == null || e.getMessage().isBlank() ? "the token's role does not allow this" : e.getMessage())
                .withInstance(uri.getPath()));
    }

    /** Everything not mapped above, checked exceptions too (the JDBC read path throws SQLException). */
    @ServerExceptionMapper
    public Response unexpected(Exception e, UriInfo uri) {
        if (DatabaseOutage.causedBy(e)) {
            LOG.warnf("database unavailable while serving %s: %s", uri.getPath(), e.getMessage());
            return Response.fromResponse(respond(ProblemDetail.of(503, "database-unavailable", "Service unavailable",
                    "The database is unreachable; nothing was stored. Retry in a few seconds.")
                    .withInstance(uri.getPath()))).header("Retry-After", "5").build();
        }
        LOG.errorf(e, "unexpected error serving %s", uri.getPath());
        return respond(ProblemDetail.of(500, "internal", "Internal error",
                "The service failed unexpectedly; nothing was stored. The log has the details.").withInstance(uri.getPath()));
    }

    public static Response respond(ProblemDetail problem) {
        return Response.status(problem.status()).type(ProblemDetail.MEDIA_TYPE).entity(problem).build();
    }

}
