package org.nianbao.gateway.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.nianbao.gateway.GatewaySettings;
import org.nianbao.model.event.EventJson;
import org.nianbao.model.problem.ProblemDetail;
import org.nianbao.service.problem.ClientText;
import org.nianbao.service.web.HttpProblems;

/** Serves the merged OpenAPI document at {@code /api/openapi.json}; the Swagger UI at /q/swagger-ui reads it. */
@ApplicationScoped
public class OpenApiRoutes {

    private static final Duration CACHE = Duration.ofSeconds(30);

    private final GatewaySettings settings;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final MergedOpenApi merger = new MergedOpenApi();
    private volatile byte[] cached;
    private volatile long cachedAt;

    OpenApiRoutes(GatewaySettings settings) {
        this.settings = settings;
    }

    void install(@Observes Router router) {
        router.get("/api/openapi.json").blockingHandler(this::serve);
        HttpProblems.allowOnly(router, "/api/openapi.json", "GET");
    }

    private void serve(RoutingContext ctx) {
        try {
            ctx.response().putHeader("Content-Type", "application/json").end(io.vertx.core.buffer.Buffer.buffer(document()));
        } catch (Exception e) {
            ProblemDetail problem = ProblemDetail.of(503, "service-unavailable", "Service unavailable",
                    "could not read the services' API documents: "
                            + ClientText.orElse(e.getMessage(), "a service did not answer") + ". Retry in a few seconds").withInstance("/api/openapi.json");
            HttpProblems.send(ctx.response(), problem);
        }
    }

    private byte[] document() throws Exception {
        if (cached != null && System.nanoTime() - cachedAt < CACHE.toNanos()) {
            return cached;
        }
        List<JsonNode> docs = new ArrayList<>();
        for (String base : List.of(settings.reportService(), settings.aggregationService())) {
            HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(URI.create(base + "/q/openapi?format=json"))
                    .timeout(Duration.ofSeconds(5)).header("Accept", "application/json").build(), HttpResponse.BodyHandlers.ofByteArray());
            if (r.statusCode() != 200) {
                throw new IllegalStateException(base + " answered " + r.statusCode());
            }
            docs.add(EventJson.mapper().readTree(r.body()));
        }
        cached = EventJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(merger.merge(docs));
        cachedAt = System.nanoTime();
        return cached;
    }
}
