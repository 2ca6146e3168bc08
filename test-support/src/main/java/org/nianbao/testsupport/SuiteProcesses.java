package org.nianbao.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;

/**
 * The real suite for end-to-end tests: PostgreSQL and Kafka in this JVM, and the services (and, if asked, the
 * gateway) from their packaged jars as their own processes, each service with its own database.
 */
public final class SuiteProcesses {

    private static SuiteProcesses running;

    public final ServiceProcess reportService;
    public final ServiceProcess aggregationService;
    public final ServiceProcess gateway;

    private SuiteProcesses(boolean withGateway) {
        Map<String, String> db = new PostgresResource().start();
        String kafka = new KafkaResource().start().get("kafka.bootstrap.servers");
        String server = db.get("quarkus.datasource.jdbc.url").replaceAll("/[^/?]*(\\?.*)?$", "/");
        createDatabases(db, server, "reports", "aggregates");
        Map<String, String> reportEnv = new HashMap<>(env(db, server + "reports", kafka));
        Map<String, String> gatewayEnv = new HashMap<>(env(db, "", kafka));
        // the gateway's port is chosen here, so that the report service's events name its schemas under it
        gateway = withGateway ? new ServiceProcess("gateway", gatewayEnv) : null;
        if (gateway != null) {
            reportEnv.put("PUBLIC_URL", gateway.url());
        }
        reportService = new ServiceProcess("report-service", reportEnv);
        aggregationService = new ServiceProcess("aggregation-service", env(db, server + "aggregates", kafka));
        reportService.start();
        aggregationService.start();
        if (gateway != null) {
            gatewayEnv.put("REPORT_SERVICE_URL", reportService.url());
            gatewayEnv.put("AGGREGATION_SERVICE_URL", aggregationService.url());
            gateway.start();
        }
        Runtime.getRuntime().addShutdownHook(new Thread(this::stop, "suite-processes-stop"));
    }

    /** Starts the suite once per JVM. */
    public static synchronized SuiteProcesses start(boolean withGateway) {
        if (running == null) {
            running = new SuiteProcesses(withGateway);
        }
        return running;
    }

    public void stop() {
        for (ServiceProcess p : new ServiceProcess[] {gateway, aggregationService, reportService}) {
            if (p != null) {
                p.stop();
            }
        }
    }

    private static Map<String, String> env(Map<String, String> db, String url, String kafka) {
        return Map.of("DB_URL", url, "DB_USER", db.get("quarkus.datasource.username"),
                "DB_PASSWORD", db.get("quarkus.datasource.password"), "KAFKA_BOOTSTRAP", kafka,
                "JWT_PUBLIC_KEY", TestTokens.publicKeyFile().toUri().toString(),
                "JWT_ISSUER", TestTokens.ISSUER, "JWT_AUDIENCE", TestTokens.AUDIENCE);
    }

    private static void createDatabases(Map<String, String> db, String server, String... names) {
        try (Connection c = DriverManager.getConnection(server + "postgres", db.get("quarkus.datasource.username"),
                db.get("quarkus.datasource.password")); Statement s = c.createStatement()) {
            for (String name : names) {
                try (ResultSet rs = s.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + name + "'")) {
                    if (!rs.next()) {
                        s.execute("CREATE DATABASE " + name);
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not create the services' databases: " + e.getMessage(), e);
        }
    }
}
