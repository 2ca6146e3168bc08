package org.nianbao.gateway.proxy;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import org.nianbao.model.event.EventJson;
import org.nianbao.model.problem.ProblemDetail;

/** Problem Details answers that the gateway gives itself. */
final class Problems {
    private Problems() {
    }

    static Buffer json(ProblemDetail problem) {
        try {
            return Buffer.buffer(EventJson.mapper().writeValueAsBytes(problem));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static void send(HttpServerResponse response, ProblemDetail problem) {
        if (response.ended() || response.headWritten()) {
            return;
        }
        response.setStatusCode(problem.status()).putHeader("Content-Type", ProblemDetail.MEDIA_TYPE).end(json(problem));
    }
}
