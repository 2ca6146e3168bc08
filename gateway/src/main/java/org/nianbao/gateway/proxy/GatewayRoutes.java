package org.nianbao.gateway.proxy;

import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.URI;
import java.util.UUID;
import java.util.regex.Pattern;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;
import org.nianbao.gateway.GatewaySettings;
import org.nianbao.gateway.access.AccessPolicy;
import org.nianbao.gateway.access.Caller;
import org.nianbao.model.auth.RecentlyVerified;
import org.nianbao.gateway.limits.RateLimiter;
import org.nianbao.gateway.schemas.EventSchemaFiles;
import org.nianbao.model.problem.ProblemDetail;
import org.nianbao.service.web.HttpProblems;

/**
 * The single public entry to {@code /api/v1/**}. Each request gets a request id, is rate-limited by its client
 * address, identified by its bearer token, rate-limited per caller, checked against the body limit and the access
 * policy, and only then streamed to the service that owns its path; the event schemas are the gateway's own.
 */
@ApplicationScoped
public class GatewayRoutes {

    private static final Logger LOG = Logger.getLogger(GatewayRoutes.class);
    static final String REQUEST_ID = "X-Request-Id";
    private static final Pattern VALID_REQUEST_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final Pattern REPORT_PATHS = Pattern.compile("/api/v1/(agencies|reports|templates)([/:?].*)?");
    private static final Pattern AGGREGATION_PATHS = Pattern.compile("/api/v1/(regions|compare|rankings|admin)([/?].*)?");

    private final GatewaySettings settings;
    private final DefaultJWTParser tokens;
    private final AccessPolicy policy = new AccessPolicy();
    private final EventSchemaFiles schemas = new EventSchemaFiles();
    /** Per client: the token's subject, or the address of an anonymous caller. */
    private final RateLimiter limiter;
    /** Per address, whatever the token: checked first, because verifying a token's signature is the costly part. */
    private final RateLimiter addressLimiter;
    /** A client sends the same token again and again: verify it once a minute rather than on every request. */
    private final RecentlyVerified<Caller> verified = new RecentlyVerified<>(60, 10_000, System::nanoTime,
            () -> System.currentTimeMillis() / 1000);
    private ServiceProxy reportService;
    private ServiceProxy aggregationService;

    /**
     * smallrye-jwt's own parser, not the services' remembering one (service-support's RecentTokens, which the
     * gateway's classpath also holds): the gateway remembers the callers it verified itself, so a second memory of
     * the same tokens would only hold them twice.
     */
    GatewayRoutes(GatewaySettings settings, DefaultJWTParser tokens) {
        this.settings = settings;
        this.tokens = tokens;
        this.limiter = new RateLimiter(settings.rateLimit().requestsPerSecond(), settings.rateLimit().burst(), System::nanoTime);
        this.addressLimiter = new RateLimiter(settings.rateLimit().perAddress().requestsPerSecond(),
                settings.rateLimit().perAddress().burst(), System::nanoTime);
    }

    void install(@Observes Router router, Vertx vertx) {
        HttpClient client = vertx.createHttpClient(new HttpClientOptions()
                .setConnectTimeout((int) settings.connectTimeout().toMillis())
                .setKeepAlive(true).setMaxPoolSize(256).setPipelining(false));
        PublicLocations locations = new PublicLocations(settings.publicUrl());
        reportService = new ServiceProxy("report service", URI.create(settings.reportService()), client, settings.requestTimeout(),
                locations);
        aggregationService = new ServiceProxy("aggregation service", URI.create(settings.aggregationService()), client,
                settings.requestTimeout(), locations);
        router.route("/api/v1/*").handler(this::handle);
    }

    void handle(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        String requestId = requestId(request.getHeader(REQUEST_ID));
        MDC.put("requestId", requestId);
        request.headers().set(REQUEST_ID, requestId);
        ctx.response().putHeader(REQUEST_ID, requestId);
        // the policy and the routing see the path the service will see: it decodes an encoded ':' too
        String path = request.path().replace("%3A", ":").replace("%3a", ":");
        String instance = request.uri();

        // the socket's address; a trusted proxy's X-Forwarded-For only when quarkus.http.proxy.* says so
        String address = request.remoteAddress() == null ? "unknown" : request.remoteAddress().host();
        if (limited(ctx, addressLimiter.acquire(address), "this address",
                settings.rateLimit().perAddress().requestsPerSecond(), instance)) {
            return;
        }

        Caller caller = null;
        String authorization = request.getHeader("Authorization");
        if (authorization != null) {
            if (!authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
                refuse(ctx, ProblemDetail.of(401, "unauthenticated", "Unauthenticated",
                        "use Authorization: Bearer <token>").withInstance(instance));
                return;
            }
            try {
                caller = caller(authorization.substring(7).strip());
            } catch (ParseException e) {
                // a failed verification is the costly kind of request, and a valid client rarely sends one
                addressLimiter.charge(address, settings.rateLimit().perAddress().invalidTokenCost());
                LOG.infof("refused a token for %s %s: %s", request.method(), path, rootMessage(e));
                refuse(ctx, ProblemDetail.of(401, "invalid-token", "Invalid token",
                        "the bearer token is not valid (forged, expired, or for another issuer or audience); get a new one")
                        .withInstance(instance));
                return;
            }
        }

        if (limited(ctx, limiter.acquire(caller != null ? "sub:" + caller.subject() : "ip:" + address), "this client",
                settings.rateLimit().requestsPerSecond(), instance)) {
            return;
        }

        if (!bodyFits(ctx, instance)) {
            return;
        }

        AccessPolicy.Decision decision = policy.decide(request.method().name(), path, caller);
        if (!decision.allowed()) {
            refuse(ctx, ProblemDetail.of(decision.status(), decision.status() == 401 ? "unauthenticated" : "forbidden",
                    decision.status() == 401 ? "Unauthenticated" : "Forbidden", decision.reason()).withInstance(instance));
            return;
        }

        if (EventSchemaFiles.serves(path)) {
            schemas.answer(ctx, path);
        } else if (REPORT_PATHS.matcher(path).matches()) {
            reportService.forward(request);
        } else if (AGGREGATION_PATHS.matcher(path).matches()) {
            aggregationService.forward(request);
        } else {
            refuse(ctx, ProblemDetail.of(404, "not-found", "Not found", "no API at " + path
                    + "; see /api/openapi.json or /q/swagger-ui").withInstance(instance));
        }
    }

    /** Answers 429 with Retry-After when a bucket refused the request ({@code wait} &gt; 0). */
    private static boolean limited(RoutingContext ctx, long wait, String who, double perSecond, String instance) {
        if (wait <= 0) {
            return false;
        }
        ctx.response().putHeader("Retry-After", Long.toString(wait));
        refuse(ctx, ProblemDetail.of(429, "rate-limited", "Too many requests",
                who + " sent more than " + (long) perSecond + " requests a second; retry after " + wait + " s")
                .withInstance(instance));
        return true;
    }

    /** The caller a bearer token names, verified (signature, issuer, audience, expiry) or known from a recent check. */
    private Caller caller(String token) throws ParseException {
        Caller known = verified.get(token);
        if (known != null) {
            return known;
        }
        JsonWebToken jwt = tokens.parse(token);
        Caller caller = Caller.of(jwt);
        verified.put(token, caller, jwt.getExpirationTime());
        return caller;
    }

    /**
     * Bodies are streamed, so their size must be declared up front; a larger one is refused before it is read. A
     * document upload (the import) has its own, larger limit.
     */
    private boolean bodyFits(RoutingContext ctx, String instance) {
        HttpServerRequest request = ctx.request();
        String length = request.getHeader("Content-Length");
        boolean chunked = "chunked".equalsIgnoreCase(request.getHeader("Transfer-Encoding"));
        long max = settings.uploadPaths().contains(decodedPath(request.path())) ? settings.maxUploadSize().asLongValue()
                : settings.maxBodySize().asLongValue();
        if (length == null && chunked) {
            refuse(ctx, ProblemDetail.of(411, "length-required", "Length required",
                    "send the body with a Content-Length (at most " + max + " bytes)").withInstance(instance));
            return false;
        }
        if (length != null) {
            long size;
            try {
                size = Long.parseLong(length.strip());
            } catch (NumberFormatException e) {
                size = Long.MAX_VALUE;
            }
            if (size > max) {
                ctx.response().putHeader("Connection", "close"); // do not read a body that is refused anyway
                refuse(ctx, ProblemDetail.of(413, "body-too-large", "Request body too large",
                        "the body has " + length + " bytes; the limit is " + max).withInstance(instance));
                return false;
            }
        }
        return true;
    }

    /** The path with its escapes decoded (/api/v1/reports%3Aimport is the import too); as sent if it has none. */
    private static String decodedPath(String path) {
        if (path.indexOf('%') < 0) {
            return path;
        }
        try {
            return java.net.URI.create("http://gateway" + path).getPath();
        } catch (IllegalArgumentException e) {
            return path;
        }
    }

    private static void refuse(RoutingContext ctx, ProblemDetail problem) {
        HttpProblems.send(ctx.response(), problem);
    }

    private static String requestId(String offered) {
        return offered != null && VALID_REQUEST_ID.matcher(offered).matches() ? offered : UUID.randomUUID().toString();
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage();
    }
}
