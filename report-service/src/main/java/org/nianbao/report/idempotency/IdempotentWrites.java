package org.nianbao.report.idempotency;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.hibernate.Session;
import org.nianbao.model.problem.ProblemDetail;
import org.nianbao.service.problem.ApiProblem;
import org.nianbao.service.security.Callers;

/**
 * Writes that a client may retry safely with an {@code Idempotency-Key}. The first request with a key runs its write
 * and records its answer (status, headers, body) in the same transaction, so the answer exists exactly when the write
 * does, even if the process dies before the client hears it. A repeat with the same key and the same request is
 * answered with the recorded answer and writes nothing; the same key with another request is a 422, and a repeat
 * while the first still runs a 409. Keys belong to the caller (the token's subject) and are kept for
 * {@code nianbao.idempotency.keep}. Only successful answers are recorded: a refused write stored nothing, so
 * running it again is as safe as the first try.
 */
@ApplicationScoped
public class IdempotentWrites {

    private static final TypeReference<Map<String, List<String>>> HEADERS = new TypeReference<>() {
    };

    private final EntityManager em;
    private final ObjectMapper json;
    private final HttpHeaders requestHeaders;
    private final UriInfo uri;
    private final Request request;
    private final SecurityIdentity caller;
    private final IdempotencySettings settings;
    private final AtomicLong nextPruneAt = new AtomicLong(System.nanoTime());

    IdempotentWrites(EntityManager em, ObjectMapper json, HttpHeaders requestHeaders, UriInfo uri, Request request,
                     SecurityIdentity caller, IdempotencySettings settings) {
        this.em = em;
        this.json = json;
        this.requestHeaders = requestHeaders;
        this.uri = uri;
        this.request = request;
        this.caller = caller;
        this.settings = settings;
    }

    /** The key of the current request, or null; a malformed one is a 400 Problem. */
    public IdempotencyKey key() {
        return IdempotencyKey.parse(requestHeaders.getRequestHeader(IdempotencyKey.HEADER));
    }

    /**
     * Runs {@code write} (whose own transactions join the one begun here) unless the request's key was seen; without a
     * key, just runs it.
     *
     * @param body the request's body as sent (or a canonical form of it), which with method and target tells a
     *             repeat from another request under the same key; null for none
     */
    public Response run(byte[] body, Supplier<Response> write) {
        IdempotencyKey key = key();
        if (key == null) {
            return write.get();
        }
        String subject = Callers.subject(caller);
        byte[] fingerprint = fingerprint(body);
        return QuarkusTransaction.requiringNew().call(() -> {
            if (!lock(subject, key)) {
                throw new ApiProblem(ProblemDetail.of(409, "idempotency-key-in-flight", "A request with this key is in progress",
                        "a request with Idempotency-Key " + key.value() + " is still being processed; wait for its answer, "
                                + "or retry this one in a moment, and it will get that answer"));
            }
            Recorded first = find(subject, key);
            if (first != null) {
                if (!MessageDigest.isEqual(first.fingerprint(), fingerprint)) {
                    throw new ApiProblem(ProblemDetail.of(422, "idempotency-key-reused", "The key was used for another request",
                            "Idempotency-Key " + key.value() + " was first sent with another method, target or body; nothing "
                                    + "was stored. Use a new key for a new request."));
                }
                return first.answer();
            }
            Recorded answer = record(write.get(), fingerprint);
            insert(subject, key, answer);
            pruneIfDue();
            return answer.answer();
        });
    }

    /** The answer as the client gets it, and what identifies the request it answers. */
    private record Recorded(byte[] fingerprint, int status, Map<String, List<String>> headers, byte[] body) {
        Response answer() {
            Response.ResponseBuilder response = Response.status(status);
            headers.forEach((name, values) -> values.forEach(v -> response.header(name, v)));
            if (body != null) {
                response.entity(body).type(MediaType.APPLICATION_JSON_TYPE);
            }
            return response.build();
        }
    }

    private Recorded record(Response response, byte[] fingerprint) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        response.getStringHeaders().forEach((name, values) -> {
            if (!name.equalsIgnoreCase(HttpHeaders.CONTENT_TYPE)) {
                headers.put(name, List.copyOf(values));
            }
        });
        try {
            byte[] body = !response.hasEntity() ? null
                    : response.getEntity() instanceof byte[] bytes ? bytes : json.writeValueAsBytes(response.getEntity());
            return new Recorded(fingerprint, response.getStatus(), headers, body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an answer could not be written as JSON", e);
        }
    }

    /**
     * Takes the key's transaction-scoped advisory lock without waiting: false while another transaction holds it, that
     * is while the first request with the key is still running (its row is not visible before it commits).
     */
    private boolean lock(String subject, IdempotencyKey key) {
        return em.unwrap(Session.class).doReturningWork(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT pg_try_advisory_xact_lock(hashtextextended(?, 0))")) {
                ps.setString(1, "idempotency-key\n" + subject + "\n" + key.value());
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getBoolean(1);
                }
            }
        });
    }

    private Recorded find(String subject, IdempotencyKey key) {
        return em.unwrap(Session.class).doReturningWork(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT fingerprint, status, headers::text, body FROM idempotency_key"
                    + " WHERE subject = ? AND key = ? AND created_at > now() - make_interval(secs => ?)")) {
                ps.setString(1, subject);
                ps.setString(2, key.value());
                ps.setDouble(3, settings.keep().toMillis() / 1000.0);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return null;
                    }
                    return new Recorded(rs.getBytes(1), rs.getInt(2), json.readValue(rs.getString(3), HEADERS), rs.getBytes(4));
                } catch (JsonProcessingException e) {
                    throw new IllegalStateException("a recorded answer's headers are not JSON", e);
                }
            }
        });
    }

    /** Records the answer; a row of the same key past its keeping time is replaced. */
    private void insert(String subject, IdempotencyKey key, Recorded answer) {
        em.unwrap(Session.class).doWork(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO idempotency_key (subject, key, fingerprint, status, headers, body)"
                    + " VALUES (?, ?, ?, ?, CAST(? AS jsonb), ?) ON CONFLICT (subject, key) DO UPDATE SET fingerprint = EXCLUDED.fingerprint,"
                    + " status = EXCLUDED.status, headers = EXCLUDED.headers, body = EXCLUDED.body, created_at = now()")) {
                ps.setString(1, subject);
                ps.setString(2, key.value());
                ps.setBytes(3, answer.fingerprint());
                ps.setInt(4, answer.status());
                ps.setString(5, json.writeValueAsString(answer.headers()));
                ps.setBytes(6, answer.body());
                ps.executeUpdate();
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /** Deletes answers kept past their time, a bounded chunk at a time, at most once per {@code prune-every}. */
    private void pruneIfDue() {
        long due = nextPruneAt.get();
        if (System.nanoTime() - due < 0 || !nextPruneAt.compareAndSet(due, System.nanoTime() + settings.pruneEvery().toNanos())) {
            return;
        }
        em.unwrap(Session.class).doWork(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM idempotency_key WHERE ctid = ANY(ARRAY(SELECT ctid"
                    + " FROM idempotency_key WHERE created_at < now() - make_interval(secs => ?) LIMIT 10000))")) {
                ps.setDouble(1, settings.keep().toMillis() / 1000.0);
                ps.executeUpdate();
            }
        });
    }

    /** SHA-256 of method, target (path and query) and body: what makes a repeat the same request. */
    private byte[] fingerprint(byte[] body) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            String target = uri.getRequestUri().getRawPath() + "?" + uri.getRequestUri().getRawQuery();
            digest.update((request.getMethod() + " " + target + "\n").getBytes(StandardCharsets.UTF_8));
            if (body != null) {
                digest.update(body);
            }
            return digest.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
