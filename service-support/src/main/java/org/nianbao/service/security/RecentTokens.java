package org.nianbao.service.security;

import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import java.security.PrivateKey;
import java.security.PublicKey;
import javax.crypto.SecretKey;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.nianbao.model.auth.RecentlyVerified;

/**
 * The bearer-token parser the service authenticates with: smallrye-jwt's own, with the tokens it verified in the
 * last minute remembered ({@link RecentlyVerified}, the gateway's rules: until the token's own {@code exp}, at most
 * a minute, bounded). A token that fails is never remembered. Only {@link #parse(String)}, the call the
 * service's authentication makes, is remembered; every other method is smallrye-jwt's unchanged.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class RecentTokens implements JWTParser {

    private final RecentlyVerified<JsonWebToken> verified = new RecentlyVerified<>(60, 10_000, System::nanoTime,
            () -> System.currentTimeMillis() / 1000);
    private final DefaultJWTParser parser;

    RecentTokens(DefaultJWTParser parser) {
        this.parser = parser;
    }

    @Override
    public JsonWebToken parse(String token) throws ParseException {
        JsonWebToken known = verified.get(token);
        if (known != null) {
            return known;
        }
        JsonWebToken jwt = parser.parse(token);
        verified.put(token, jwt, jwt.getExpirationTime());
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
