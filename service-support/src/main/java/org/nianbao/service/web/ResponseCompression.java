package org.nianbao.service.web;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Decides which answers are gzip-compressed (with {@code quarkus.http.enable-compression=true}, for a client that sends
 * {@code Accept-Encoding}): those of a media type in {@code quarkus.http.compress-media-types} (JSON, Problem Details,
 * CSV, …) of at least {@code api.compress-min-size} bytes, or streamed without a length (a CSV written as it is read).
 * Below that size the saving does not pay for the work. An answer already encoded, such as a service's compressed
 * answer passed on by the gateway, is left as it is. Quarkus itself compresses by media type only, and only the
 * answers of its REST layer, so this also covers the routes written on Vert.x (the gateway's proxy and documents).
 */
@ApplicationScoped
public class ResponseCompression {

    private static final String IDENTITY = "identity";

    private final long minSize;
    private final Set<String> mediaTypes;

    ResponseCompression(@ConfigProperty(name = "api.compress-min-size", defaultValue = "2K") MemorySize minSize,
                        @ConfigProperty(name = "quarkus.http.compress-media-types",
                                defaultValue = "application/json,application/problem+json,text/csv") List<String> mediaTypes) {
        this.minSize = minSize.asLongValue();
        this.mediaTypes = mediaTypes.stream().map(t -> t.strip().toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(ctx -> {
            HttpServerResponse response = ctx.response();
            boolean accepted = ctx.request().headers().contains(HttpHeaders.ACCEPT_ENCODING);
            ctx.addHeadersEndHandler(v -> decide(response, accepted));
            ctx.next();
        });
    }

    /**
     * Marks the answer {@code identity} (not to be compressed) unless it is worth compressing. The compressor removes
     * the mark once it has seen it, but it looks only at answers to a request with {@code Accept-Encoding}: for any
     * other, the mark is removed here, as it is not to reach the client.
     */
    void decide(HttpServerResponse response, boolean encodingAccepted) {
        MultiMap headers = response.headers();
        // Quarkus marks every answer "identity" as it begins; an answer passed on by the proxy adds its own encoding
        List<String> encodings = headers.getAll(HttpHeaders.CONTENT_ENCODING).stream()
                .filter(e -> !e.equalsIgnoreCase(IDENTITY)).toList();
        if (!encodings.isEmpty()) {
            headers.set(HttpHeaders.CONTENT_ENCODING.toString(), encodings); // already encoded: never twice
            return;
        }
        if (!encodingAccepted || worthCompressing(headers.get(HttpHeaders.CONTENT_TYPE), headers.get(HttpHeaders.CONTENT_LENGTH),
                response.getStatusCode())) {
            headers.remove(HttpHeaders.CONTENT_ENCODING);
        } else {
            headers.set(HttpHeaders.CONTENT_ENCODING, IDENTITY); // the compressor passes it by, and removes the mark
        }
    }

    boolean worthCompressing(String contentType, String contentLength, int status) {
        if (contentType == null || status == 204 || status == 304) {
            return false;
        }
        String type = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        if (!mediaTypes.contains(type)) {
            return false;
        }
        if (contentLength == null) {
            return true; // streamed: its size is not known, and a stream is what is large
        }
        try {
            return Long.parseLong(contentLength.strip()) >= minSize;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
