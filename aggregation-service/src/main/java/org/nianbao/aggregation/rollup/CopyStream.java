package org.nianbao.aggregation.rollup;

import java.io.InputStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.postgresql.PGConnection;

/**
 * Streams rows into one table with PostgreSQL's COPY, on a thread of its own: while PostgreSQL takes in one
 * chunk, the caller prepares the next, so a bulk load keeps both cores busy. At most one chunk is in flight.
 * Rows go in COPY's binary format ({@link BinaryRows}).
 */
public final class CopyStream implements AutoCloseable {

    private final Connection connection;
    private final String copySql;
    private final ExecutorService writer;
    private Future<Long> inFlight;
    private long rows;

    /** @param copySql e.g. {@code COPY t (a, b) FROM STDIN (FORMAT binary)} */
    public CopyStream(DataSource dataSource, String copySql, String threadName) throws SQLException {
        this.connection = dataSource.getConnection();
        this.connection.setAutoCommit(true);
        this.copySql = copySql;
        this.writer = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, threadName);
            t.setDaemon(true);
            return t;
        });
    }

    /** Sends rows in COPY's binary format (the COPY must say {@code (FORMAT binary)}); waits first for the chunk before it. */
    public void send(BinaryRows chunk) throws SQLException {
        await();
        if (chunk.rows() == 0) {
            return;
        }
        InputStream data = chunk.stream();
        PGConnection pg = connection.unwrap(PGConnection.class);
        inFlight = writer.submit(() -> pg.getCopyAPI().copyIn(copySql, data, 1 << 16));
    }

    /** Waits until every row sent is in the table; returns how many rows that is. */
    public long finish() throws SQLException {
        await();
        return rows;
    }

    private void await() throws SQLException {
        if (inFlight == null) {
            return;
        }
        try {
            rows += inFlight.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("interrupted while copying into the database", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause() instanceof SQLException s ? s : new SQLException(e.getCause().getMessage(), e.getCause());
        } finally {
            inFlight = null;
        }
    }

    @Override
    public void close() throws SQLException {
        writer.shutdownNow();
        connection.close();
    }
}
