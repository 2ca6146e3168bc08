package org.nianbao.local;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * The PostgreSQL of {@code ./run}: the zonky embedded binaries over a data directory that survives restarts.
 * <pre>
 *   LocalPostgres DATA_DIR [PORT] [--work-dir DIR] [--databases reports,aggregates]
 *   LocalPostgres --ensure-databases JDBC_URL [--databases reports,aggregates]
 * </pre>
 * The first form initialises DATA_DIR when it holds no cluster yet (later runs reuse it), starts the server on PORT
 * (default 5432), sets the {@code postgres} user's password to {@code postgres}, creates the missing databases,
 * prints {@code READY jdbc:postgresql://localhost:PORT/} and blocks until the JVM is told to stop; the shutdown hook
 * stops the server cleanly. The second form only creates the missing databases on an external server
 * (user and password from DB_USER and DB_PASSWORD) and exits.
 * <p>
 * PostgreSQL refuses to run as root: as root, start this JVM in a user namespace (test-support/bin/java does).
 */
public final class LocalPostgres {

    static final String PASSWORD = "postgres";
    static final List<String> DEFAULT_DATABASES = List.of("reports", "aggregates");

    private LocalPostgres() {
    }

    public static void main(String[] args) throws Exception {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("LocalPostgres: " + e.getMessage());
            System.err.println(Options.USAGE);
            System.exit(2);
            return;
        }
        if (options.externalUrl != null) {
            ensureDatabasesOnExternalServer(options);
            return;
        }
        try {
            runEmbedded(options);
        } catch (PortBusy e) {
            System.err.println("FAILED " + e.getMessage());
            System.exit(3);
        }
    }

    private static void runEmbedded(Options options) throws Exception {
        requirePortFree(options.port);
        Path dataDir = options.dataDir.toAbsolutePath();
        Path workDir = options.workDir != null ? options.workDir.toAbsolutePath()
                : dataDir.resolveSibling("epg");
        Files.createDirectories(workDir);
        // zonky deletes unlocked, older "data directories" under its working directory (ot.epg.working-dir) at
        // every start. Point it at the binaries folder, never at a parent of the data directory.
        System.setProperty("ot.epg.working-dir", workDir.toString());
        boolean reused = Files.exists(dataDir.resolve("PG_VERSION"));
        long started = System.nanoTime();

        EmbeddedPostgres pg = EmbeddedPostgres.builder()
                .setDataDirectory(dataDir.toFile())
                .setCleanDataDirectory(false)
                .setOverrideWorkingDirectory(workDir.toFile())
                .setPort(options.port)
                .setPGStartupWait(Duration.ofSeconds(120))
                .setRegisterShutdownHook(false)
                .setServerConfig("listen_addresses", "localhost")
                .setServerConfig("max_connections", "200")
                .start();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(pg, stopped), "local-postgres-stop"));

        try (Connection c = pg.getPostgresDatabase().getConnection()) {
            setPassword(c);
            for (String db : options.databases) {
                if (createIfMissing(c, db)) {
                    System.out.println("created database " + db);
                }
            }
        }
        System.out.printf("%s the data directory %s; started in %d ms%n", reused ? "reused" : "initialised",
                dataDir, (System.nanoTime() - started) / 1_000_000);
        System.out.println("READY jdbc:postgresql://localhost:" + options.port + "/");
        System.out.flush();
        // Block until the shutdown hook has stopped the server (SIGTERM, SIGINT or System.exit).
        stopped.await();
    }

    private static void stop(EmbeddedPostgres pg, CountDownLatch stopped) {
        System.out.println("stopping PostgreSQL");
        try {
            pg.close();
            System.out.println("PostgreSQL stopped");
        } catch (IOException e) {
            System.err.println("could not stop PostgreSQL cleanly: " + e.getMessage());
        } finally {
            System.out.flush();
            stopped.countDown();
        }
    }

    /** zonky would only say "gave up waiting"; say which port and what to do instead. */
    private static void requirePortFree(int port) throws PortBusy {
        try (ServerSocket probe = new ServerSocket()) {
            probe.setReuseAddress(true);
            probe.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        } catch (IOException e) {
            throw new PortBusy("port " + port + " is already in use (another PostgreSQL?). Stop what listens there, "
                    + "or choose another port: PG_PORT=5433 ./run (or LocalPostgres DATA_DIR 5433), "
                    + "or use that server with DB_URL=jdbc:postgresql://localhost:" + port + "/ ./run");
        }
    }

    private static void setPassword(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("ALTER USER postgres PASSWORD '" + PASSWORD + "'");
        }
    }

    /** CREATE DATABASE cannot run in a transaction nor take a bind parameter: check, then create. */
    static boolean createIfMissing(Connection c, String db) throws SQLException {
        if (!db.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("not a plain database name: " + db);
        }
        try (PreparedStatement q = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            q.setString(1, db);
            try (ResultSet rs = q.executeQuery()) {
                if (rs.next()) {
                    return false;
                }
            }
        }
        try (Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + db);
        }
        return true;
    }

    private static void ensureDatabasesOnExternalServer(Options options) {
        String user = envOr("DB_USER", "postgres");
        String password = envOr("DB_PASSWORD", "postgres");
        Connection c;
        try {
            c = DriverManager.getConnection(options.externalUrl, user, password);
        } catch (SQLException e) {
            System.err.println("FAILED could not connect to " + options.externalUrl + " as " + user + ": " + e.getMessage());
            System.exit(1);
            return;
        }
        try (c) {
            for (String db : options.databases) {
                try {
                    System.out.println(createIfMissing(c, db) ? "created database " + db : "database " + db + " exists");
                } catch (SQLException e) {
                    // the user may lack CREATEDB; the service will then say what is missing
                    System.out.println("could not create database " + db + ": " + e.getMessage());
                }
            }
        } catch (SQLException e) {
            System.err.println("FAILED " + e.getMessage());
            System.exit(1);
        }
    }

    private static String envOr(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    private static final class PortBusy extends Exception {
        PortBusy(String message) {
            super(message);
        }
    }

    static final class Options {
        static final String USAGE = """
                usage: LocalPostgres DATA_DIR [PORT] [--work-dir DIR] [--databases a,b]
                       LocalPostgres --ensure-databases JDBC_URL [--databases a,b]""";

        Path dataDir;
        int port = 5432;
        Path workDir;
        String externalUrl;
        List<String> databases = DEFAULT_DATABASES;

        static Options parse(String[] args) {
            Options o = new Options();
            List<String> positional = new ArrayList<>();
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--work-dir" -> o.workDir = Path.of(value(args, ++i, "--work-dir"));
                    case "--databases" -> o.databases = Arrays.stream(value(args, ++i, "--databases").split(","))
                            .map(String::trim).filter(s -> !s.isEmpty()).toList();
                    case "--ensure-databases" -> o.externalUrl = value(args, ++i, "--ensure-databases");
                    default -> {
                        if (args[i].startsWith("--")) {
                            throw new IllegalArgumentException("unknown option " + args[i]);
                        }
                        positional.add(args[i]);
                    }
                }
            }
            if (o.externalUrl != null) {
                if (!positional.isEmpty()) {
                    throw new IllegalArgumentException("--ensure-databases takes no DATA_DIR");
                }
                return o;
            }
            if (positional.isEmpty() || positional.size() > 2) {
                throw new IllegalArgumentException("give the data directory and, optionally, the port");
            }
            o.dataDir = new File(positional.get(0)).toPath();
            if (positional.size() == 2) {
                try {
                    o.port = Integer.parseInt(positional.get(1));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("not a port: " + positional.get(1));
                }
                if (o.port < 1 || o.port > 65535) {
                    throw new IllegalArgumentException("not a port: " + o.port);
                }
            }
            return o;
        }

        private static String value(String[] args, int i, String option) {
            if (i >= args.length) {
                throw new IllegalArgumentException(option + " needs a value");
            }
            return args[i];
        }
    }
}
