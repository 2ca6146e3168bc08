package org.nianbao.report.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Opens the relay's own database connection, outside the pool. The relay holds the outbox lock on it for as long as
 * it runs; a pooled connection would go back to the pool with the lock still held when closed.
 */
@ApplicationScoped
public class OutboxConnection {

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String url;

    @ConfigProperty(name = "quarkus.datasource.username")
    String user;

    @ConfigProperty(name = "quarkus.datasource.password")
    String password;

    Connection open() throws SQLException {
        Properties p = new Properties();
        p.setProperty("user", user);
        p.setProperty("password", password);
        p.setProperty("ApplicationName", "report-service outbox relay");
        p.setProperty("tcpKeepAlive", "true"); // a vanished holder's session, and its lock, end with its connection
        p.setProperty("connectTimeout", "5");
        p.setProperty("socketTimeout", "60"); // a batch never waits this long on PostgreSQL unless the connection is lost
        return DriverManager.getConnection(url, p);
    }
}
