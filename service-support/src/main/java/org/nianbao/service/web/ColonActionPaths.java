package org.nianbao.service.web;

import jakarta.ws.rs.container.ContainerRequestContext;
import java.net.URI;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Custom-method paths such as {@code /api/v1/reports:validate} are matched on the raw path, but many HTTP
 * clients (rest-assured, some generated clients) percent-encode the colon. Decode it before matching so both
 * spellings reach the same resource.
 */
public class ColonActionPaths {

    @ServerRequestFilter(preMatching = true)
    public void decodeColon(ContainerRequestContext request) {
        URI uri = request.getUriInfo().getRequestUri();
        String raw = uri.getRawPath();
        if (raw != null && (raw.contains("%3A") || raw.contains("%3a"))) {
            String path = raw.replace("%3A", ":").replace("%3a", ":");
            String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
            request.setRequestUri(uri.resolve(path + query));
        }
    }
}
