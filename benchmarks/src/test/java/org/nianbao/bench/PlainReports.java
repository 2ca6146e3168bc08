package org.nianbao.bench;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * What a user would build without Nianbao: one table of reports (the current version of each, its cells as jsonb,
 * the way the report service stores them) with its region columns, indexed for the filters the queries use, and
 * answered with GROUP BY. Loaded with COPY, the fastest path PostgreSQL has.
 */
final class PlainReports implements AutoCloseable {

    static final String DDL = """
            DROP TABLE IF EXISTS plain_reports;
            CREATE UNLOGGED TABLE plain_reports (
                agency_id     varchar(64) NOT NULL,
                year          integer     NOT NULL,
                version       integer     NOT NULL,
                sector        varchar(32) NOT NULL,
                level         varchar(16) NOT NULL,
                region_code   varchar(6)  NOT NULL,
                province_code varchar(6)  NOT NULL,
                child_code    varchar(6),             -- the province's child region that holds the agency
                cells         jsonb       NOT NULL,
                PRIMARY KEY (agency_id, year)
            )""";

    private final Connection connection;
    private final CopyManager copy;
    private final StringBuilder buffer = new StringBuilder(1 << 20);
    private int buffered;
    private long rows;

    PlainReports(Connection connection) throws SQLException {
        this.connection = connection;
        try (Statement s = connection.createStatement()) {
            s.execute(DDL);
        }
        this.copy = connection.unwrap(PGConnection.class).getCopyAPI();
    }

    /** Adds a row to the next COPY batch. The JSON has no tabs, newlines or backslashes, so it needs no escaping. */
    void add(String agencyId, int year, int version, String sector, String level, String region, String province,
             String child, String cellsJson) throws SQLException {
        buffer.append(agencyId).append('\t').append(year).append('\t').append(version).append('\t').append(sector).append('\t')
                .append(level).append('\t').append(region).append('\t').append(province).append('\t')
                .append(child == null ? "\\N" : child).append('\t').append(cellsJson.replace("\\", "\\\\")).append('\n');
        if (++buffered == 2_000) {
            flush();
        }
    }

    void flush() throws SQLException {
        if (buffered == 0) {
            return;
        }
        try {
            rows += copy.copyIn("COPY plain_reports FROM STDIN", new StringReader(buffer.toString()));
        } catch (IOException e) {
            throw new SQLException(e);
        }
        buffer.setLength(0);
        buffered = 0;
    }

    /** The indexes a user would add for these queries, built after the load as one would. */
    void index() throws SQLException {
        flush();
        try (Statement s = connection.createStatement()) {
            s.execute("CREATE INDEX plain_reports_province_idx ON plain_reports (sector, year, province_code)");
            s.execute("ANALYZE plain_reports");
        }
    }

    long rows() {
        return rows;
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
