package org.nianbao.gateway.proxy;

import io.vertx.core.Future;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.HostAndPort;
import io.vertx.core.net.SocketAddress;
import io.vertx.httpproxy.Body;
import io.vertx.httpproxy.HttpProxy;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyResponse;
import java.net.URI;
import java.time.Duration;
import org.jboss.logging.Logger;
import org.nianbao.model.problem.ProblemDetail;
import org.nianbao.service.web.HttpProblems;

/**
 * A reverse proxy to one service (vertx-http-proxy): streams bodies both ways, passes status, headers (ETag,
 * Location, …) and Problem Details through, adds the request id, rewrites Location and Content-Location to the
 * gateway's public address ({@link PublicLocations}), and answers 503 Problem Details when the service cannot be
 * reached or does not answer in time.
 */
final class ServiceProxy {

    private static final Logger LOG = Logger.getLogger(ServiceProxy.class);
    private final String name;
    private static final String[] LOCATIONS = {"Location", "Content-Location"};
    private final HttpProxy proxy;

    ServiceProxy(String name, URI origin, HttpClient client, Duration timeout, PublicLocations locations) {
        this.name = name;
        int port = origin.getPort() > 0 ? origin.getPort() : 80;
        SocketAddress address = SocketAddress.inetSocketAddress(port, origin.getHost());
        this.proxy = HttpProxy.reverseProxy(client)
                .originRequestProvider((request, c) -> c.request(new RequestOptions()
                        .setServer(address).setMethod(request.method()).setURI(request.uri())
                        .setIdleTimeout(timeout.toMillis())))
                .addInterceptor(new ProxyInterceptor() {
                    @Override
                    public Future<ProxyResponse> handleProxyRequest(ProxyContext context) {
                        // the gateway compresses what it answers (ResponseCompression): a service's compressed body
                        // passed on was compressed by the gateway a second time
                        context.request().headers().remove("Accept-Encoding");
                        return context.sendRequest().recover(failure -> unavailable(context, failure));
                    }

                    @Override
                    public Future<Void> handleProxyResponse(ProxyContext context) {
                        // the service echoes the id the gateway passed on, which the gateway's answer already carries:
                        // copied through, every answer would name it twice
                        context.response().headers().remove(GatewayRoutes.REQUEST_ID);
                        HttpServerRequest called = context.request().proxiedRequest();
                        HostAndPort authority = called.authority();
                        String host = authority == null ? called.getHeader("Host")
                                : authority.host() + (authority.port() >= 0 ? ":" + authority.port() : "");
                        for (String header : LOCATIONS) {
                            String location = context.response().headers().get(header);
                            if (location != null) {
                                context.response().headers().set(header, locations.rewrite(location, called.scheme(), host));
                            }
                        }
                        return context.sendResponse();
                    }
                });
    }

    /** Hands the request on, streaming its body; its headers (with the request id) go along. */
    void forward(io.vertx.core.http.HttpServerRequest request) {
        proxy.handle(request);
    }

    private Future<ProxyResponse> unavailable(ProxyContext context, Throwable failure) {
        LOG.warnf("%s unavailable for %s %s: %s", name, context.request().getMethod(), context.request().getURI(), failure.toString());
        ProblemDetail problem = ProblemDetail.of(503, "service-unavailable", "Service unavailable",
                "the " + name + " cannot be reached just now; nothing was changed by this request. Retry in a few seconds.")
                .withInstance(context.request().getURI());
        ProxyResponse response = context.request().response().setStatusCode(503).setStatusMessage("Service Unavailable");
        response.headers().clear();
        response.putHeader("Content-Type", ProblemDetail.MEDIA_TYPE).putHeader("Retry-After", "5");
        response.setBody(Body.body(HttpProblems.json(problem)));
        return Future.succeededFuture(response);
    }
}
