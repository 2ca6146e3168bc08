package org.nianbao.service.web;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.nianbao.model.problem.ProblemDetail;

/**
 * Refuses a body over {@code api.max-body-size} with a 413 Problem Details before it is read. Quarkus's own
 * limit ({@code quarkus.http.limits.max-body-size}) is set higher, as a last resort: it cuts the connection,
 * which a client sees as an error without an answer. The paths of {@code api.upload-paths} take whole documents
 * (a PDF of a report) and have their own limit, {@code api.max-upload-size}.
 */
public class BodyLimit {

    @ConfigProperty(name = "api.max-body-size", defaultValue = "2097152")
    long maxBodySize;

    @ConfigProperty(name = "api.upload-paths")
    Optional<List<String>> uploadPaths;

    @ConfigProperty(name = "api.max-upload-size", defaultValue = "2097152")
    long maxUploadSize;

    @ServerRequestFilter(preMatching = true)
    public Response refuseLargeBodies(ContainerRequestContext request) {
        String length = request.getHeaderString("Content-Length");
        if (length == null) {
            return null;
        }
        long size;
        try {
            size = Long.parseLong(length.strip());
        } catch (NumberFormatException e) {
            return null;
        }
        String path = request.getUriInfo().getPath();
        long limit = uploadPaths.map(paths -> paths.contains(path)).orElse(false) ? maxUploadSize : maxBodySize;
        if (size <= limit) {
            return null;
        }
        ProblemDetail problem = ProblemDetail.of(413, "body-too-large", "Request body too large",
                "the body has " + size + " bytes; the limit is " + limit + "; nothing was stored")
                .withInstance(request.getUriInfo().getPath());
        return Response.status(413).type(ProblemDetail.MEDIA_TYPE).entity(problem).header("Connection", "close").build();
    }
}
