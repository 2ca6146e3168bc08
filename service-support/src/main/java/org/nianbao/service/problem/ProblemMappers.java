package org.nianbao.service.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.InvalidDefinitionException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.nianbao.model.problem.ProblemDetail;
import org.nianbao.service.web.HttpProblems;

/** Every error leaves the service as RFC 9457 Problem Details, in the client's terms: no library's class or message. */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response apiProblem(ApiProblem e, UriInfo uri) {
        Response response = respond(e.problem().withInstance(uri.getPath()));
        return e.retryAfterSeconds() == null ? response
                : Response.fromResponse(response).header("Retry-After", e.retryAfterSeconds()).build();
    }

    /**
     * A body the JSON reader refused. Listed with its subclass {@link MismatchedInputException} because Quarkus
     * maps that one itself (an empty 400) and the most specific mapper wins.
     */
    @ServerExceptionMapper({JsonProcessingException.class, MismatchedInputException.class})
    public Response unreadableJson(JsonProcessingException e, UriInfo uri) {
        if (e instanceof InvalidDefinitionException) {
            return unexpected(e, uri); // a type the service cannot read: its fault, not the client's
        }
        return apiProblem(JsonProblems.of(e), uri);
    }

    /** What the REST layer refuses before a resource runs: unknown path, wrong method, media types, unreadable body. */
    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, UriInfo uri, Request request, HttpHeaders headers) {
        if (e.getCause() instanceof JsonProcessingException json) {
            return unreadableJson(json, uri);
        }
        Response refused = e.getResponse();
        int status = refused.getStatus();
        String path = uri.getPath();
        String detail = switch (status) {
            case 404 -> HttpProblems.notFound(path);
            case 405 -> request.getMethod() + " is not allowed at " + path
                    + (refused.getHeaderString("Allow") == null ? "" : "; it allows " + refused.getHeaderString("Allow"));
            case 406 -> "this resource cannot answer in what the Accept header asks for ("
                    + headers.getHeaderString(HttpHeaders.ACCEPT) + "); ask for application/json";
            case 415 -> "this resource does not read a body of type " + headers.getHeaderString(HttpHeaders.CONTENT_TYPE)
                    + "; send application/json";
            default -> ClientText.orElse(e.getMessage(), reason(status));
        };
        Response response = respond(ProblemDetail.of(status, "http-" + status, reason(status), detail).withInstance(path));
        Response.ResponseBuilder withHeaders = Response.fromResponse(response);
        for (String kept : new String[] {"Allow", "Retry-After"}) {
            if (refused.getHeaderString(kept) != null) {
                withHeaders.header(kept, refused.getHeaderString(kept));
            }
        }
        return withHeaders.build();
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
                ClientText.orElse(e.getMessage(), "the token's role does not allow this")).withInstance(uri.getPath()));
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
        if (e instanceof java.io.IOException) {
            // the services read nothing but the request body as a stream: a failure there is a body that was cut
            // short or is framed wrongly (a multipart part without its boundary, a broken chunk), which is the client's
            LOG.infof("unreadable request body for %s: %s", uri.getPath(), e.getMessage());
            return respond(ProblemDetail.of(400, "unreadable-body", "Bad request",
                    "the request body could not be read: it was cut short or is not framed as its Content-Type says "
                            + "(a multipart body needs its boundary around every part); nothing was stored. Send it again whole")
                    .withInstance(uri.getPath()));
        }
        LOG.errorf(e, "unexpected error serving %s", uri.getPath());
        return respond(ProblemDetail.of(500, "internal", "Internal error",
                "The service failed unexpectedly; nothing was stored. The log has the details.").withInstance(uri.getPath()));
    }

    public static Response respond(ProblemDetail problem) {
        return Response.status(problem.status()).type(ProblemDetail.MEDIA_TYPE).entity(problem).build();
    }

    static String reason(int status) {
        Response.Status known = Response.Status.fromStatusCode(status);
        return known == null ? "Error" : known.getReasonPhrase();
    }
}
