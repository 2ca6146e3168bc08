package org.nianbao.service.web;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jboss.logging.MDC;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Every request has an id: the one the gateway passed on ({@code X-Request-Id}), else a new one. It is in
 * every log line of the request ({@code %X{requestId}}) and in the response, so a problem can be traced from
 * the gateway through the services.
 */
public class RequestIds {

    public static final String HEADER = "X-Request-Id";
    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    @ServerRequestFilter(preMatching = true)
    public void tag(ContainerRequestContext request) {
        String offered = request.getHeaderString(HEADER);
        String id = offered != null && VALID.matcher(offered).matches() ? offered : UUID.randomUUID().toString();
        request.setProperty(HEADER, id);
        MDC.put("requestId", id);
    }

    @ServerResponseFilter
    public void echo(ContainerRequestContext request, ContainerResponseContext response) {
        Object id = request.getProperty(HEADER);
        if (id != null) {
            response.getHeaders().putSingle(HEADER, id);
        }
    }
}
