package org.nianbao.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.nianbao.model.event.EventJson;

/**
 * What every error answer must be: RFC 9457 Problem Details with type, title, status, detail and instance, whose
 * text names no Java class, package or library (a client cannot act on those). Also sends raw bytes, for the
 * requests an HTTP client library refuses to send.
 */
public final class ProblemAnswers {

    private static final List<String> LIBRARY_WORDS = List.of("com.fasterxml", "java.", "javax.", "jakarta.", "org.jboss",
            "io.vertx", "io.quarkus", "io.netty", "Exception");

    private ProblemAnswers() {
    }

    /** @return the problem, for further checks of its detail and errors */
    public static JsonNode assertProblem(int expectedStatus, int status, String contentType, String body) {
        if (status != expectedStatus) {
            throw new AssertionError("expected " + expectedStatus + " but got " + status + ": " + body);
        }
        if (contentType == null || !contentType.startsWith("application/problem+json")) {
            throw new AssertionError("expected application/problem+json but got " + contentType + ": " + body);
        }
        JsonNode problem;
        try {
            problem = EventJson.mapper().readTree(body);
        } catch (IOException e) {
            throw new AssertionError("the body is not JSON: " + body, e);
        }
        for (String member : List.of("type", "title", "status", "detail", "instance")) {
            if (problem.path(member).isMissingNode() || problem.path(member).isNull()) {
                throw new AssertionError("the problem has no " + member + ": " + body);
            }
        }
        if (problem.path("status").asInt() != expectedStatus) {
            throw new AssertionError("the problem's status is not " + expectedStatus + ": " + body);
        }
        for (String word : LIBRARY_WORDS) {
            if (body.contains(word)) {
                throw new AssertionError("the problem names '" + word + "': " + body);
            }
        }
        return problem;
    }

    /** An answer read off a socket: its status, head and body, and whether the server then closed the connection. */
    public record RawAnswer(int status, String head, String body, boolean closed) {
        public String header(String name) {
            for (String line : head.split("\r\n")) {
                int colon = line.indexOf(':');
                if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase(name)) {
                    return line.substring(colon + 1).trim();
                }
            }
            return null;
        }
    }

    /** Writes {@code request} as is and reads the first answer (up to 10 s); the answer must carry a Content-Length or end with the connection. */
    public static RawAnswer exchange(String host, int port, String request) {
        try (Socket socket = new Socket(host, port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream headBytes = new ByteArrayOutputStream();
            while (!headBytes.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
                int b = in.read();
                if (b < 0) {
                    throw new AssertionError("the connection closed before an answer: " + headBytes);
                }
                headBytes.write(b);
            }
            String head = headBytes.toString(StandardCharsets.ISO_8859_1);
            int status = Integer.parseInt(head.substring(9, 12));
            RawAnswer partial = new RawAnswer(status, head, "", false);
            String length = partial.header("Content-Length");
            byte[] body = length == null ? in.readAllBytes() : in.readNBytes(Integer.parseInt(length));
            boolean closed;
            socket.setSoTimeout(2_000);
            try {
                closed = in.read() < 0;
            } catch (SocketTimeoutException e) {
                closed = false;
            }
            return new RawAnswer(status, head, new String(body, StandardCharsets.UTF_8), closed);
        } catch (IOException e) {
            throw new UncheckedIOException("could not talk to " + host + ":" + port, e);
        }
    }

    /** Same as {@link #assertProblem}, for an answer read off a socket. */
    public static JsonNode assertProblem(int expectedStatus, RawAnswer answer) {
        String type = answer.header("Content-Type");
        return assertProblem(expectedStatus, answer.status(), type == null ? null : type.toLowerCase(Locale.ROOT), answer.body());
    }
}
