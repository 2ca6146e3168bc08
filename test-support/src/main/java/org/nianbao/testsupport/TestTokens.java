package org.nianbao.testsupport;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Set;

/**
 * Bearer tokens for tests, signed with a key pair made once per test JVM (no key is committed). The public
 * key is written to {@code target/test-keys/public-<pid>.pem} for the services and the gateway to verify with.
 */
public final class TestTokens {

    public static final String ISSUER = "https://nianbao.local/dev";
    public static final String AUDIENCE = "nianbao";

    private static final KeyPair KEYS = newKeyPair();
    private static final KeyPair FORGER = newKeyPair();
    private static Path publicKeyFile;

    private TestTokens() {
    }

    /** The configuration that makes a service or the gateway trust these tokens. */
    public static Map<String, String> verificationConfig() {
        return Map.of("mp.jwt.verify.publickey.location", publicKeyFile().toUri().toString(),
                "mp.jwt.verify.issuer", ISSUER, "mp.jwt.verify.audiences", AUDIENCE);
    }

    public static synchronized Path publicKeyFile() {
        if (publicKeyFile == null) {
            try {
                Path dir = Files.createDirectories(Path.of("target", "test-keys")).toAbsolutePath();
                String pem = "-----BEGIN PUBLIC KEY-----\n"
                        + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(KEYS.getPublic().getEncoded())
                        + "\n-----END PUBLIC KEY-----\n";
                // one file per JVM: two test runs of one module at once must not overwrite each other's key
                publicKeyFile = Files.writeString(dir.resolve("public-" + ProcessHandle.current().pid() + ".pem"), pem);
                publicKeyFile.toFile().deleteOnExit();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return publicKeyFile;
    }

    public static String admin() {
        return sign(claims("admin-1", Set.of("admin")), KEYS.getPrivate());
    }

    public static String submitter(String agencyId) {
        return sign(claims("submitter-" + agencyId, Set.of("submitter")).claim("agency", agencyId), KEYS.getPrivate());
    }

    public static String overseer(String regionCode) {
        return sign(claims("overseer-" + regionCode, Set.of("overseer")).claim("region", regionCode), KEYS.getPrivate());
    }

    /** A token for any subject and groups, e.g. to give a test its own rate-limit bucket. */
    public static String of(String subject, Set<String> groups) {
        return sign(claims(subject, groups), KEYS.getPrivate());
    }

    /** Looks right, but signed with another key. */
    public static String forged() {
        return sign(claims("admin-1", Set.of("admin")), FORGER.getPrivate());
    }

    public static String expired() {
        Instant past = Instant.now().minus(Duration.ofHours(2));
        return sign(claims("admin-1", Set.of("admin")).issuedAt(past).expiresAt(past.plus(Duration.ofMinutes(30))),
                KEYS.getPrivate());
    }

    public static String wrongAudience() {
        return sign(claims("admin-1", Set.of("admin")).audience("some-other-system"), KEYS.getPrivate());
    }

    private static JwtClaimsBuilder claims(String subject, Set<String> groups) {
        return Jwt.issuer(ISSUER).audience(AUDIENCE).subject(subject).upn(subject).groups(groups)
                .issuedAt(Instant.now()).expiresIn(Duration.ofHours(1));
    }

    private static String sign(JwtClaimsBuilder claims, PrivateKey key) {
        return claims.jws().algorithm(io.smallrye.jwt.algorithm.SignatureAlgorithm.RS256).sign(key);
    }

    private static KeyPair newKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
