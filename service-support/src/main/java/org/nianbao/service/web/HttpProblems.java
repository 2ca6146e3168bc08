package org.nianbao.service.web;

import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.HttpException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Map;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.nianbao.model.event.EventJson;
import org.nianbao.model.problem.ProblemDetail;

/**
 * Problem Details for what is refused before any resource or route of the application sees the request:
 * <ul>
 * <li>a URI longer than {@code api.max-uri-length} (414) or headers larger than {@code api.max-header-size} (431).
 * The HTTP codec's own limits ({@code quarkus.http.limits.max-initial-line-length}, {@code max-header-size}) are
 * set far above these, as a last resort: the codec answers before any route, with an empty body;</li>
 * <li>a path no route serves (404), a method the matched path does not allow (405), and any status a route
 * fails with, rather than the HTML pages of the web layer;</li>
 * <li>a route that fails with an exception: 500 (401/403 for authentication), and the log has the exception.</li>
 * </ul>
 * A request line the codec cannot parse at all never reaches a route; the codec answers it with an empty 400 and
 * closes the connection.
 */
@ApplicationScoped
public class HttpProblems {

    private static final Logger LOG = Logger.getLogger(HttpProblems.class);
    private static final int[] ROUTING_STATUSES = {400, 401, 403, 404, 405, 406, 411, 413, 414, 415, 429, 431, 500, 501, 503};

    private final int maxUriLength;
    private final long maxHeaderSize;
    private final long serverMaxBodySize;

    HttpProblems(@ConfigProperty(name = "api.max-uri-length", defaultValue = "4096") int maxUriLength,
                 @ConfigProperty(name = "api.max-header-size", defaultValue = "20K") MemorySize maxHeaderSize,
                 @ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "10240K") MemorySize serverMaxBodySize) {
        this.maxUriLength = maxUriLength;
        this.maxHeaderSize = maxHeaderSize.asLongValue();
        this.serverMaxBodySize = serverMaxBodySize.asLongValue();
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(this::checkLimits);
        router.route().order(Integer.MIN_VALUE).failureHandler(this::failed);
        // after every other route, the application's and Quarkus's own (health, OpenAPI, static files)
        router.route().last().handler(ctx -> send(ctx, 404));
        for (int status : ROUTING_STATUSES) {
            router.errorHandler(status, ctx -> send(ctx, status));
        }
    }

    /**
     * Answers 405 (with {@code Allow}) for the methods a plain route at {@code path} does not serve. Without it, the
     * request would fall through to the REST layer, which knows nothing of the route and answers 404.
     */
    public static void allowOnly(Router router, String path, String... methods) {
        String allow = String.join(", ", methods);
        router.route(path).handler(ctx -> {
            ctx.response().putHeader("Allow", allow);
            send(ctx.response(), ProblemDetail.of(405, "http-405", reason(405), ctx.request().method().name()
                    + " is not allowed at " + path + "; it allows " + allow).withInstance(ctx.request().path()));
        });
    }

    private void checkLimits(RoutingContext ctx) {
        String uri = ctx.request().uri();
        if (uri.length() > maxUriLength) {
            refuse(ctx, ProblemDetail.of(414, "uri-too-long", "URI too long", "the URI has " + uri.length()
                    + " characters; the limit is " + maxUriLength + ". Send long selections in fewer, shorter requests")
                    .withInstance(shortened(ctx.request().path())));
            return;
        }
        String malformed = UriCheck.problem(uri);
        if (malformed != null) {
            refuse(ctx, ProblemDetail.of(400, "malformed-uri", "Bad request", malformed).withInstance(shortened(ctx.request().path())));
            return;
        }
        String badName = badHeaderName(ctx.request().headers());
        if (badName != null) { // RFC 9112 5.1: whitespace before the colon must be refused (it smuggles requests)
            refuse(ctx, ProblemDetail.of(400, "malformed-header", "Bad request", "the header name \"" + shortened(badName)
                    + "\" is not a token: no spaces or separators, and no space before its colon").withInstance(shortened(ctx.request().path())));
            return;
        }
        long headerSize = headerSize(ctx.request().headers());
        if (headerSize > maxHeaderSize) {
            refuse(ctx, ProblemDetail.of(431, "headers-too-large", "Request header fields too large",
                    "the headers have " + headerSize + " bytes; the limit is " + maxHeaderSize
                            + ". Send fewer or shorter headers (cookies count too)").withInstance(ctx.request().path()));
            return;
        }
        // Quarkus's own upload limit runs after this route and answers an empty 413: declared lengths past it are
        // refused here first, in the same words as the services' and the gateway's own, lower, limits
        long declared = declaredLength(ctx.request().getHeader("Content-Length"));
        if (declared > serverMaxBodySize) {
            refuse(ctx, ProblemDetail.of(413, "body-too-large", "Request body too large", "the body has "
                    + (declared == Long.MAX_VALUE ? "an unreadable length" : declared + " bytes") + "; the limit is "
                    + serverMaxBodySize + "; nothing was stored").withInstance(shortened(ctx.request().path())));
            return;
        }
        ctx.next();
    }

    /** The first header name that is not an RFC 9110 token, or null when all are. */
    static String badHeaderName(MultiMap headers) {
        for (String name : headers.names()) {
            if (name.isEmpty()) {
                return name;
            }
            for (int i = 0; i < name.length(); i++) {
                char c = name.charAt(i);
                boolean token = c > 0x20 && c < 0x7f && "\"(),/:;<=>?@[\\]{}".indexOf(c) < 0;
                if (!token) {
                    return name;
                }
            }
        }
        return null;
    }

    /** The Content-Length sent, 0 when none, or Long.MAX_VALUE when it is no number (the codec refuses most of those). */
    private static long declaredLength(String header) {
        if (header == null) {
            return 0;
        }
        try {
            return Long.parseLong(header.strip());
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }

    private static String shortened(String path) {
        return path.length() <= 200 ? path : path.substring(0, 200) + "…";
    }

    /** The bytes the headers take on the wire, as the codec counts them: name, ": ", value and line end. */
    static long headerSize(MultiMap headers) {
        long size = 0;
        for (Map.Entry<String, String> header : headers) {
            size += header.getKey().length() + header.getValue().length() + 4;
        }
        return size;
    }

    /** The request is refused as a whole: its body, if any, is not read, so the connection cannot be reused. */
    private static void refuse(RoutingContext ctx, ProblemDetail problem) {
        ctx.response().putHeader("Connection", "close");
        send(ctx.response(), problem);
    }

    private void failed(RoutingContext ctx) {
        Throwable failure = ctx.failure();
        int status = ctx.statusCode() > 0 ? ctx.statusCode() : statusOf(failure);
        if (status >= 500) {
            LOG.errorf(failure, "%s %s failed", ctx.request().method(), ctx.request().path());
        }
        send(ctx, status);
    }

    private static int statusOf(Throwable failure) {
        if (failure instanceof HttpException http) {
            return http.getStatusCode();
        }
        if (failure instanceof AuthenticationFailedException || failure instanceof UnauthorizedException) {
            return 401;
        }
        return failure instanceof ForbiddenException ? 403 : 500;
    }

    private static void send(RoutingContext ctx, int status) {
        String method = ctx.request().method().name();
        String path = ctx.request().path();
        String detail = switch (status) {
            case 400 -> "the request could not be read: check its URI, headers and body";
            case 401 -> "this needs a valid bearer token (Authorization: Bearer <token>)";
            case 403 -> "the token's role does not allow this";
            case 404 -> notFound(path);
            case 405 -> method + " is not allowed at " + path;
            case 413 -> "the body is larger than this server accepts";
            case 500 -> "the server failed unexpectedly; nothing was stored. The log has the details";
            default -> reason(status);
        };
        String slug = switch (status) {
            case 404 -> "not-found";
            case 500 -> "internal";
            default -> "http-" + status;
        };
        send(ctx.response(), ProblemDetail.of(status, slug, reason(status), detail).withInstance(path));
    }

    /** What a 404 says: where the API is described ({@code api.description}: the service's own, or the gateway's merged one). */
    public static String notFound(String path) {
        String description = ConfigProvider.getConfig().getOptionalValue("api.description", String.class).orElse("/q/openapi");
        return "there is no API at " + path + "; the API is described at " + description;
    }

    /** Answers with the problem unless an answer has begun, in which case the connection is all that can be cut. */
    public static void send(HttpServerResponse response, ProblemDetail problem) {
        if (response.ended()) {
            return;
        }
        if (response.headWritten()) {
            response.reset();
            return;
        }
        response.setStatusCode(problem.status()).putHeader("Content-Type", ProblemDetail.MEDIA_TYPE).end(json(problem));
    }

    public static Buffer json(ProblemDetail problem) {
        try {
            return Buffer.buffer(EventJson.mapper().writeValueAsBytes(problem));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("a Problem Details body could not be written", e);
        }
    }

    private static String reason(int status) {
        io.netty.handler.codec.http.HttpResponseStatus known = io.netty.handler.codec.http.HttpResponseStatus.valueOf(status);
        return known.reasonPhrase();
    }
}
