package org.nianbao.gateway;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import org.nianbao.testsupport.KafkaResource;
import org.nianbao.testsupport.PostgresResource;
import org.nianbao.testsupport.ServiceProcess;
import org.nianbao.testsupport.TestTokens;

/**
 * The real suite behind the gateway under test: PostgreSQL and Kafka in-process, and the two services run
 * from their packaged jars as their own processes, each with its own database.
 */
public class SuiteResource implements QuarkusTestResourceLifecycleManager {

    static ServiceProcess reportService;
    static ServiceProcess aggregationService;

    @Override
    public Map<String, String> start() {
        Map<String, String> db = new PostgresResource().start();
        String kafka = new KafkaResource().start().get("kafka.bootstrap.servers");
        String serverUrl = db.get("quarkus.datasource.jdbc.url").replaceAll("/[^/?]*(\\?.*)?$", "/");
        createDatabases(db, serverUrl, "reports", "aggregates");
        reportService = new ServiceProcess("report-service", env(db, serverUrl + "reports", kafka));
        aggregationService = new ServiceProcess("aggregation-service", env(db, serverUrl + "aggregates", kafka));
        reportService.start();
        aggregationService.start();
        Map<String, String> config = new HashMap<>(TestTokens.verificationConfig());
        config.put("nianbao.gateway.report-service", reportService.url());
        config.put("nianbao.gateway.aggregation-service", aggregationService.url());
        return config;
    }

    @Override
    public void stop() {
        if (reportService != null) {
            reportService.stop();
        }
        if (aggregationService != null) {
            aggregationService.stop();
        }
    }

    private static Map<String, String> env(Map<String, String> db, String url, String kafka) {
        return Map.of("DB_URL", url, "DB_USER", db.get("quarkus.datasource.username"),
                "DB_PASSWORD", db.get("quarkus.datasource.password"), "KAFKA_BOOTSTRAP", kafka,
                "JWT_PUBLIC_KEY", TestTokens.publicKeyFile().toUri().toString(),
                "JWT_ISSUER", TestTokens.ISSUER, "JWT_AUDIENCE", TestTokens.AUDIENCE);
    }

    private static void createDatabases(Map<String, String> db, String serverUrl, String... names) {
        try (Connection c = DriverManager.getConnection(serverUrl + "postgres", db.get("quarkus.datasource.username"),
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
