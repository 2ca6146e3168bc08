package org.nianbao.aggregation.web;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;
import org.nianbao.service.web.Paging;

/** The {@code Link} header (RFC 8288) of a {@link Paged} answer: the first, previous, next and last pages. */
public class PageLinks {

    @ServerResponseFilter
    public void link(ContainerRequestContext request, ContainerResponseContext response) {
        if (response.getEntity() instanceof Paged paged) {
            response.getHeaders().putSingle("Link", Paging.links(request.getUriInfo().getRequestUri(), paged.page(), paged.size(),
                    paged.total()));
        }
    }
}
