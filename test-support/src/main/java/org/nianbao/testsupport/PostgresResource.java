package org.nianbao.testsupport;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;

/**
 * A real PostgreSQL for the tests: the zonky embedded binaries, started once per test JVM. Steps aside when
 * {@code DB_URL} (with {@code DB_USER} and {@code DB_PASSWORD}) points at an external server.
 * <p>
 * The server's working files live under {@code target/} ({@code ot.epg.working-dir}, set by the build).
 */
public class PostgresResource implements QuarkusTestResourceLifecycleManager {

    private static EmbeddedPostgres postgres;

    @Override
    public synchronized Map<String, String> start() {
        var external = EnvOverride.get("DB_URL");
        if (external.isPresent()) {
            return Map.of("quarkus.datasource.jdbc.url", external.get(),
                    "quarkus.datasource.username", EnvOverride.get("DB_USER").orElse("postgres"),
                    "quarkus.datasource.password", EnvOverride.get("DB_PASSWORD").orElse("postgres"));
        }
        if (postgres == null) {
            postgres = startEmbedded();
        }
        return Map.of("quarkus.datasource.jdbc.url", postgres.getJdbcUrl("postgres", "postgres"),
                "quarkus.datasource.username", "postgres",
                "quarkus.datasource.password", "postgres");
    }

    @Override
    public void stop() {
        // Kept for the whole JVM: Quarkus may restart the application between test classes, and a fresh
        // PostgreSQL each time would cost seconds. The JVM's shutdown hook stops it.
    }

    /**
     * A JDBC URL for another database on the server in use: the one {@code DB_URL} names, else the embedded one
     * (which must be running). The user and password are those of the server in use.
     */
    public static String jdbcUrl(String database) {
        var external = EnvOverride.get("DB_URL");
        if (external.isEmpty()) {
            return postgres.getJdbcUrl("postgres", database);
        }
        String url = external.get();
        int query = url.indexOf('?');
        int end = query < 0 ? url.length() : query;
        int slash = url.lastIndexOf('/', end - 1);
        return url.substring(0, slash + 1) + database + url.substring(end);
    }

    /** The running embedded server, for tests that need a raw JDBC connection or to restart it. */
    public static EmbeddedPostgres embedded() {
        return postgres;
    }

    private static EmbeddedPostgres startEmbedded() {
        String workingDir = System.getProperty("ot.epg.working-dir", "target/epg");
        try {
            EmbeddedPostgres pg = EmbeddedPostgres.builder()
                    .setOverrideWorkingDirectory(new File(workingDir))
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setServerConfig("max_connections", "200")
                    .setServerConfig("fsync", "off")
                    .setServerConfig("synchronous_commit", "off")
                    .start();
            try (Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
                s.execute("ALTER USER postgres PASSWORD 'postgres'");
            }
            return pg;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the embedded PostgreSQL under " + workingDir
                    + " (when running as root the test JVM must run in a user namespace: see test-support/bin/java)", e);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
