package org.nianbao.gateway.cors;

import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.nianbao.gateway.GatewaySettings;
import org.nianbao.model.problem.ProblemDetail;
import org.nianbao.service.web.HttpProblems;

/**
 * Cross-origin access for browsers (the Fetch standard's CORS protocol). A page of an allowed origin may call the
 * API; its preflight is answered here with the methods, headers and how long the browser may cache the answer.
 * Every answer to a request with an {@code Origin} says {@code Vary: Origin}, so a shared cache never hands one
 * origin's answer to another. A request from another origin is served without CORS headers, so the browser keeps
 * its answer from the page, as browsers are meant to enforce it; only its preflight is refused, with a Problem
 * that names the allowed origins. This replaces Quarkus's CORS filter, which refuses with an empty 403.
 */
@ApplicationScoped
public class CorsPolicy {

    static final String METHODS = "GET, POST, PUT, DELETE, OPTIONS";
    static final String HEADERS = "Authorization, Content-Type, If-Match, If-None-Match, Prefer, Idempotency-Key, X-Request-Id, Accept";
    static final String EXPOSED = "ETag, Location, Content-Location, Content-Disposition, Link, Retry-After, X-Request-Id";

    private final Set<String> origins;
    private final long maxAgeSeconds;

    CorsPolicy(GatewaySettings settings) {
        this.origins = settings.cors().origins().stream().map(String::strip).map(o -> o.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
        this.maxAgeSeconds = settings.cors().maxAge().toSeconds();
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE + 2).handler(this::handle); // after the URI and header checks
    }

    private void handle(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        String origin = request.getHeader("Origin");
        if (origin == null) {
            ctx.next();
            return;
        }
        HttpServerResponse response = ctx.response();
        response.putHeader("Vary", "Origin");
        boolean allowed = origins.contains(origin.strip().toLowerCase(Locale.ROOT));
        boolean preflight = request.method() == HttpMethod.OPTIONS && request.getHeader("Access-Control-Request-Method") != null;
        if (!preflight) {
            if (allowed) {
                response.putHeader("Access-Control-Allow-Origin", origin).putHeader("Access-Control-Expose-Headers", EXPOSED);
            }
            ctx.next();
            return;
        }
        if (!allowed) {
            HttpProblems.send(response, ProblemDetail.of(403, "origin-not-allowed", "Forbidden", "pages of " + origin
                    + " may not call this API from a browser; the allowed origins are " + String.join(", ", origins)
                    + " (DASHBOARD_ORIGINS)").withInstance(request.path()));
            return;
        }
        response.setStatusCode(204)
                .putHeader("Access-Control-Allow-Origin", origin)
                .putHeader("Access-Control-Allow-Methods", METHODS)
                .putHeader("Access-Control-Allow-Headers", HEADERS)
                .putHeader("Access-Control-Max-Age", Long.toString(maxAgeSeconds))
                .end();
    }
}
