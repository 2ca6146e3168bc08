package org.nianbao.aggregation.rollup;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.nianbao.service.worker.SupervisedWorker;
import org.nianbao.service.worker.Workers;

/**
 * Adds the pending roll-up deltas into their rows, in the background. Consumer batches only append deltas
 * ({@link RollupStore#writeRollups}); this is the one place a live roll-up row is rewritten. Each pass takes up to
 * {@value #DELTAS_PER_PASS} deltas and adds them to their rows in one transaction, so a province or country row
 * that every batch of a busy season touches is rewritten once per pass, not once per batch.
 * <p>
 * Nothing is lost or counted twice: the deltas are deleted in the same transaction that adds them to the rows, and
 * readers see either the deltas or the rows they went into, never both. Several instances may compact at once:
 * each pass skips the deltas another has taken.
 * <p>
 * The loop runs as a {@link SupervisedWorker}: a failed pass rolled back, its deltas are still pending (still
 * counted by readers) and taken by the next pass once the supervisor has restarted the loop after a backoff.
 */
@ApplicationScoped
public class PendingCompactor {

    private static final Logger LOG = Logger.getLogger(PendingCompactor.class);
    static final int DELTAS_PER_PASS = 5_000;
    /**
     * The pending table is a queue: every delta is inserted once and deleted once. Its dead rows pile up between the
     * autovacuum's visits (a minute apart by default), and every read of a busy row, and every pass, would step over
     * them; so the compactor vacuums the table itself after this many deltas.
     */
    private static final int VACUUM_AFTER_DELTAS = 10_000;
    private static final long REPORT_EVERY_NANOS = 30_000_000_000L;

    private final AgroalDataSource dataSource;
    private final RollupStore store;
    private final MetricDictionary dictionary;
    private final Duration interval;
    private final Workers workers;
    private volatile SupervisedWorker worker;
    // for the periodic log line; touched by the compactor's thread only (one at a time)
    private long passes;
    private long deltas;
    private long rows;
    private long busyNanos;
    private long deltasSinceVacuum;
    private long since = System.nanoTime();

    PendingCompactor(AgroalDataSource dataSource, RollupStore store, MetricDictionary dictionary,
                     @ConfigProperty(name = "nianbao.rollup.compact-interval", defaultValue = "200ms") Duration interval,
                     Workers workers) {
        this.dataSource = dataSource;
        this.store = store;
        this.dictionary = dictionary;
        this.interval = interval;
        this.workers = workers;
    }

    void onStart(@Observes StartupEvent ignored) {
        worker = workers.start(SupervisedWorker.named("rollup-compactor", this::compact).build()); // stopped by an interrupt
    }

    void onStop(@Observes ShutdownEvent ignored) {
        SupervisedWorker w = worker;
        if (w != null) {
            workers.stop(w, Duration.ofSeconds(10));
            worker = null;
        }
    }

    /** Adds every delta pending now into its row; returns how many were added. */
    public int compactNow() throws SQLException {
        int total = 0;
        int moved;
        do {
            moved = pass(Tables.LIVE).deltas();
            total += moved;
        } while (moved == DELTAS_PER_PASS);
        return total;
    }

    private void compact(SupervisedWorker.Context context) throws Exception {
        while (context.running()) {
            long start = System.nanoTime();
            RollupStore.Pending moved = pass(Tables.LIVE);
            if (moved.deltas() > 0) {
                passes++;
                deltas += moved.deltas();
                rows += moved.byRow().size();
                deltasSinceVacuum += moved.deltas();
            }
            if (deltasSinceVacuum >= VACUUM_AFTER_DELTAS) {
                vacuum(Tables.LIVE);
                deltasSinceVacuum = 0;
            }
            busyNanos += System.nanoTime() - start;
            context.healthy();
            logNowAndThen();
            if (moved.deltas() < DELTAS_PER_PASS) {
                Thread.sleep(interval.toMillis());
            }
        }
    }

    /** One transaction: takes up to {@value #DELTAS_PER_PASS} deltas and adds them to their rows. */
    RollupStore.Pending pass(Tables tables) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                if (tables == Tables.LIVE) {
                    // as a consumer batch does: a rebuild's switch-over waits for this pass, and this pass for it
                    Tables.holdSwitchLockShared(c);
                }
                RollupStore.Pending pending = store.takePending(c, tables, dictionary.snapshot().size(), DELTAS_PER_PASS);
                store.addToRows(c, tables, pending.byRow());
                c.commit();
                return pending;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }

    /** Outside a transaction, as VACUUM must be; a table of a few thousand live rows takes milliseconds. */
    private void vacuum(Tables tables) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            c.setAutoCommit(true);
            s.execute("VACUUM " + tables.rollupPending());
        }
    }

    private void logNowAndThen() {
        long now = System.nanoTime();
        if (now - since < REPORT_EVERY_NANOS) {
            return;
        }
        if (passes > 0) {
            LOG.infof("compacted %,d pending roll-up deltas into %,d row writes in %,d passes in %d s (busy %d%% of the time)",
                    deltas, rows, passes, (now - since) / 1_000_000_000L, busyNanos * 100 / (now - since));
        }
        passes = 0;
        deltas = 0;
        rows = 0;
        busyNanos = 0;
        since = now;
    }
}
