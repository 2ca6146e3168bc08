package org.nianbao.report.security;

import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.SecretKey;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The bearer-token parser the service authenticates with: smallrye-jwt's own, with the tokens it verified in the
 * last minute remembered by their exact text. A client sends the same token with every request, and checking its
 * RS256 signature and parsing its claims was about 6 % of the service's CPU under load.
 * <p>
 * A remembered token is used only before its own {@code exp} and at most a minute after its check (so a rotated
 * key takes effect within a minute); after either it is verified again from scratch with smallrye-jwt's rules. A
 * token that fails is never remembered. Only {@link #parse(String)}, the call the service's authentication makes,
 * is remembered; every other method is smallrye-jwt's unchanged. Bounded: when full, the expired entries go, and
 * if that is not enough, all.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class RecentTokens implements JWTParser {

    private static final long MAX_AGE_NANOS = 60_000_000_000L;
    private static final int MAX_ENTRIES = 10_000;

    private record Verified(JsonWebToken token, long usableUntilNanos) {
    }

    private final ConcurrentHashMap<String, Verified> verified = new ConcurrentHashMap<>();
    private final DefaultJWTParser parser;

    RecentTokens(DefaultJWTParser parser) {
        this.parser = parser;
    }

    @Override
    public JsonWebToken parse(String token) throws ParseException {
        long now = System.nanoTime();
        Verified known = verified.get(token);
        if (known != null) {
            if (now - known.usableUntilNanos < 0) {
                return known.token();
            }
            verified.remove(token, known);
        }
        JsonWebToken jwt = parser.parse(token);
        long secondsLeft = jwt.getExpirationTime() - System.currentTimeMillis() / 1000;
        if (jwt.getExpirationTime() > 0 && secondsLeft > 0) {
            if (verified.size() >= MAX_ENTRIES) {
                verified.values().removeIf(v -> now - v.usableUntilNanos >= 0);
                if (verified.size() >= MAX_ENTRIES) {
                    verified.clear();
                }
            }
            verified.put(token, new Verified(jwt, now + Math.min(MAX_AGE_NANOS, secondsLeft * 1_000_000_000L)));
        }
        return jwt;
    }

    @Override
    public JsonWebToken parse(String token, JWTAuthContextInfo context) throws ParseException {
        return parser.parse(token, context);
    }

    @Override
    public JsonWebToken verify(String token, PublicKey key) throws ParseException {
        return parser.verify(token, key);
    }

    @Override
    public JsonWebToken verify(String token, SecretKey key) throws ParseException {
        return parser.verify(token, key);
    }

    @Override
    public JsonWebToken verify(String token, String secret) throws ParseException {
        return parser.verify(token, secret);
    }

    @Override
    public JsonWebToken decrypt(String token, PrivateKey key) throws ParseException {
        return parser.decrypt(token, key);
    }

    @Override
    public JsonWebToken decrypt(String token, SecretKey key) throws ParseException {
        return parser.decrypt(token, key);
    }

    @Override
    public JsonWebToken decrypt(String token, String secret) throws ParseException {
        return parser.decrypt(token, secret);
    }

    @Override
    public JsonWebToken parseOnly(String token) throws ParseException {
        return parser.parseOnly(token);
    }
}
