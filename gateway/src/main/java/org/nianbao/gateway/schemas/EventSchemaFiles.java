package org.nianbao.gateway.schemas;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.nianbao.model.event.EventSchemas;
import org.nianbao.model.problem.ProblemDetail;
import org.nianbao.service.web.HttpProblems;

/**
 * Publishes the JSON Schema of each event type's data at {@code /api/v1/schemas/events/<type>.json}, the URI every event
 * names as its {@code dataschema}: public, so that any consumer can validate what it reads. The files are the model's,
 * read once.
 */
public final class EventSchemaFiles {

    private static final String CONTENT_TYPE = "application/schema+json";
    private static final String SUFFIX = ".json";

    private final Map<String, Buffer> files = EventSchemas.DATA.keySet().stream()
            .collect(Collectors.toUnmodifiableMap(Function.identity(), type -> Buffer.buffer(EventSchemas.schema(type).orElseThrow())));

    /** True for the paths this class answers. */
    public static boolean serves(String path) {
        return path.startsWith(EventSchemas.PATH);
    }

    /** Answers a request for one schema: the file, a 404 naming the published ones, or a 405 for anything but a read. */
    public void answer(RoutingContext ctx, String path) {
        HttpMethod method = ctx.request().method();
        if (method != HttpMethod.GET && method != HttpMethod.HEAD) {
            ctx.response().putHeader("Allow", "GET, HEAD");
            HttpProblems.send(ctx.response(), ProblemDetail.of(405, "http-405", "Method Not Allowed",
                    method.name() + " is not allowed at " + path + "; the event schemas are read with GET").withInstance(path));
            return;
        }
        Optional<Buffer> file = Optional.of(path.substring(EventSchemas.PATH.length()))
                .filter(name -> name.endsWith(SUFFIX))
                .map(name -> files.get(name.substring(0, name.length() - SUFFIX.length())));
        if (file.isEmpty()) {
            HttpProblems.send(ctx.response(), ProblemDetail.of(404, "not-found", "Not found", "no event schema at " + path
                    + "; the published ones are " + files.keySet().stream().sorted()
                    .map(type -> EventSchemas.PATH + type + SUFFIX).collect(Collectors.joining(", "))).withInstance(path));
            return;
        }
        ctx.response().putHeader("Content-Type", CONTENT_TYPE).putHeader("Cache-Control", "public, max-age=300");
        if (method == HttpMethod.HEAD) {
            ctx.response().putHeader("Content-Length", Integer.toString(file.get().length())).end();
        } else {
            ctx.response().end(file.get());
        }
    }
}
