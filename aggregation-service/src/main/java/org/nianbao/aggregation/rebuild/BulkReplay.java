package org.nianbao.aggregation.rebuild;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Queue;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntConsumer;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.jboss.logging.Logger;
import org.nianbao.aggregation.consumer.DeadLetters;
import org.nianbao.aggregation.rollup.BinaryRows;
import org.nianbao.aggregation.rollup.CopyStream;
import org.nianbao.aggregation.rollup.MetricPositions;
import org.nianbao.aggregation.rollup.ReportState;
import org.nianbao.aggregation.rollup.RollupDelta;
import org.nianbao.aggregation.rollup.RollupKey;
import org.nianbao.aggregation.rollup.RollupStore;
import org.nianbao.aggregation.rollup.StateRows;
import org.nianbao.aggregation.rollup.SubtreeFold;
import org.nianbao.aggregation.rollup.Tables;
import org.nianbao.model.event.AgencyData;
import org.nianbao.model.event.EventJson;
import org.nianbao.model.event.ReportData;
import org.nianbao.model.event.Topics;
import org.nianbao.model.template.TemplateCatalog;

/**
 * The bulk part of a rebuild, into the bare fresh tables. Applying events one batch at a time, as the live consumer
 * does, rewrites each roll-up row once per batch that touches it; from the start of the topics that is most rows
 * of most batches. Instead:
 * <ol>
 *   <li>every report version read goes by COPY into the report states, without indexes;</li>
 *   <li>only the newest version of each report is kept (the first version's time kept with it);</li>
 *   <li>the states are read back in (sector, year, province) order and folded in memory one province at a time,
 *   and each roll-up row is written once, by COPY.</li>
 * </ol>
 * Events past the end offsets read here are applied afterwards by the ordinary batch path, against the indexed
 * fresh tables; versions make that safe whatever overlaps.
 */
final class BulkReplay {

    private static final Logger LOG = Logger.getLogger(BulkReplay.class);
    /** A fold sends its roll-up rows once this many bytes are waiting... */
    private static final int CHUNK_BYTES = 4 << 20;
    /** ...into a buffer with room past that for the rows of one province, so that it need not grow (and be copied). */
    private static final int CHUNK_CAPACITY = CHUNK_BYTES + (2 << 20);

    private record SectorYear(String sector, int year) {
    }

    private final DataSource dataSource;
    private final RollupStore store;
    private final MetricPositions positions;
    private final Set<DeadLetters.Place> setAside;
    private final TemplateCatalog catalog = TemplateCatalog.standard();
    private final TreeSet<SectorYear> groups = new TreeSet<>(Comparator.comparing(SectorYear::sector).thenComparingInt(SectorYear::year));

    /** @param setAside the events the live consumer set aside, which the rebuild skips too */
    BulkReplay(DataSource dataSource, RollupStore store, MetricPositions positions, Set<DeadLetters.Place> setAside) {
        this.dataSource = dataSource;
        this.store = store;
        this.positions = positions;
        this.setAside = setAside;
    }

    /** Step 1: reads until every partition reaches {@code end}; each report version becomes a state row. */
    void loadStates(KafkaConsumer<String, byte[]> reader, Map<TopicPartition, Long> end, IntConsumer progress) throws SQLException {
        try (CopyStream copy = new CopyStream(dataSource, "COPY " + Tables.NEXT.reportState() + " (" + StateRows.COLUMNS
                + ") FROM STDIN (FORMAT binary)", "rebuild-copy-states"); Connection c = dataSource.getConnection()) {
            c.setAutoCommit(true);
            BigDecimal[] scratch = new BigDecimal[positions.size()];
            int chunkBytes = 1 << 20;
            while (end.entrySet().stream().anyMatch(e -> reader.position(e.getKey()) < e.getValue())) {
                ConsumerRecords<String, byte[]> records = reader.poll(Duration.ofMillis(500));
                BinaryRows chunk = new BinaryRows(chunkBytes);
                Map<String, AgencyData> agencies = new HashMap<>();
                for (ConsumerRecord<String, byte[]> r : records) {
                    if (setAside.contains(DeadLetters.Place.of(r))) {
                        continue;
                    }
                    try {
                        if (Topics.REPORTS.equals(r.topic())) {
                            ReportData e = EventJson.readReport(r.value()).data();
                            StateRows.append(chunk, ReportState.of(e, catalog, e.submittedAt()), positions, scratch);
                            groups.add(new SectorYear(e.sector(), e.year()));
                        } else if (Topics.AGENCIES.equals(r.topic())) {
                            AgencyData a = EventJson.readAgency(r.value()).data();
                            agencies.merge(a.agencyId(), a, (x, y) -> x.revision() >= y.revision() ? x : y);
                        }
                    } catch (RuntimeException e) {
                        LOG.errorf("skipping unreadable record %s-%d@%d (key %s): %s", r.topic(), r.partition(), r.offset(), r.key(),
                                e.getMessage());
                    }
                }
                chunkBytes = Math.max(chunkBytes, chunk.size()); // the next poll's chunk starts as large as this one
                copy.send(chunk);
                if (!agencies.isEmpty()) {
                    store.writeAgencies(c, Tables.NEXT, agencies.values().stream().sorted(Comparator.comparing(AgencyData::agencyId)).toList());
                }
                progress.accept(records.count());
            }
            copy.finish();
        }
    }

    /**
     * Step 2: of each report only the newest version stays, with the time its first version arrived (what the live
     * path keeps). A version read twice (the outbox relay may resend) stays once.
     */
    void keepNewestVersions() throws SQLException {
        String states = Tables.NEXT.reportState();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            s.execute("SET LOCAL work_mem = '256MB'");
            s.execute("CREATE TEMP TABLE revised ON COMMIT DROP AS SELECT agency_id, year, max(version) AS version,"
                    + " min(first_submitted_at) AS first FROM " + states + " GROUP BY agency_id, year HAVING count(*) > 1");
            s.executeUpdate("UPDATE " + states + " s SET first_submitted_at = r.first FROM revised r"
                    + " WHERE s.agency_id = r.agency_id AND s.year = r.year AND s.version = r.version");
            int removed = s.executeUpdate("DELETE FROM " + states + " s USING (SELECT v.ctid AS id, row_number() OVER"
                    + " (PARTITION BY v.agency_id, v.year ORDER BY v.version DESC) AS newest FROM " + states + " v"
                    + " JOIN revised USING (agency_id, year)) d WHERE s.ctid = d.id AND d.newest > 1");
            c.commit();
            LOG.infof("rebuild: %d older versions set aside", removed);
        }
    }

    /**
     * Step 2, continued: the states are rewritten in the order of the place index (sector, year, province, region).
     * They were written in the order their events came, so the few hundred reports of one province, sector and year
     * lay on as many pages spread over the whole table, and a ranking of a province's county bureaus read one page
     * per report: at the size its answer took 4.0 ms, 2.3 ms in place order, for about 9 s more of
     * rebuilding (BENCHMARKS.md, section 3). Reports that arrive later by the live path are appended, as before;
     * the next rebuild orders them again.
     */
    void writeInPlaceOrder() throws SQLException {
        String states = Tables.NEXT.reportState();
        String sorted = states + "_sorted";
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            s.execute("SET LOCAL work_mem = '256MB'");
            String columns = String.join(", ", storedColumns(c, states)); // a generated column is computed again
            s.execute("DROP TABLE IF EXISTS " + sorted);
            // a plain CREATE TABLE: logged, unlike the staging table it is filled from (FreshTables.create)
            s.execute("CREATE TABLE " + sorted + " (LIKE " + states + " INCLUDING DEFAULTS INCLUDING GENERATED INCLUDING STORAGE INCLUDING COMPRESSION)");
            long rows = s.executeUpdate("INSERT INTO " + sorted + " (" + columns + ") SELECT " + columns + " FROM " + states
                    + " ORDER BY sector, year, province_code, region_code");
            s.execute("DROP TABLE " + states);
            s.execute("ALTER TABLE " + sorted + " RENAME TO " + states);
            c.commit();
            LOG.infof("rebuild: %d report states written in place order", rows);
        }
    }

    /** The columns of {@code table} that hold data (not generated from others), in table order. */
    private static List<String> storedColumns(Connection c, String table) throws SQLException {
        List<String> columns = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT attname FROM pg_attribute WHERE attrelid = ?::regclass"
                + " AND attnum > 0 AND NOT attisdropped AND attgenerated = '' ORDER BY attnum")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    columns.add(rs.getString(1));
                }
            }
        }
        return columns;
    }

    /**
     * Step 3: the roll-up rows, from the active states, each written once. The sectors and years are independent
     * (each has its own rows, up to the country's), so {@code workers} of them are folded at once, each worker with
     * its own read of the states and its own COPY. A single worker waited on PostgreSQL: on reading the states back
     * (at the size) or on parsing the dense roll-up rows of its COPY (BENCHMARKS.md, section 4), each on
     * one core per connection.
     */
    void foldRollups(int workers) throws SQLException {
        Queue<SectorYear> todo = new ConcurrentLinkedQueue<>(groups);
        int n = Math.max(1, Math.min(workers, todo.size()));
        ExecutorService pool = Executors.newFixedThreadPool(n, r -> {
            Thread t = new Thread(r, "rebuild-fold");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<Long>> folds = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                folds.add(pool.submit(() -> fold(todo)));
            }
            long rows = 0;
            for (Future<Long> f : folds) {
                rows += await(f);
            }
            LOG.infof("rebuild: %d roll-up rows written by %d workers", rows, n);
        } finally {
            pool.shutdownNow();
        }
    }

    /** One worker: folds sectors and years from {@code todo} until none is left; returns the rows it wrote. */
    private long fold(Queue<SectorYear> todo) throws SQLException {
        String sql = "SELECT province_code, ancestors::text, level, metric_values::text FROM " + Tables.NEXT.reportState()
                + " WHERE sector = ? AND year = ? AND status = 'ACTIVE' ORDER BY province_code";
        try (CopyStream copy = new CopyStream(dataSource, "COPY " + Tables.NEXT.rollup()
                + " (region_code, sector, level, year, reports, sums, filled) FROM STDIN (FORMAT binary)", "rebuild-copy-rollups");
             Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false); // a cursor: the rows stream instead of arriving all at once
            BinaryRows chunk = new BinaryRows(CHUNK_CAPACITY);
            for (SectorYear g = todo.poll(); g != null; g = todo.poll()) {
                SubtreeFold fold = new SubtreeFold(positions.size(), g.sector(), g.year());
                try (PreparedStatement ps = c.prepareStatement(sql)) {
                    ps.setFetchSize(1_000);
                    ps.setString(1, g.sector());
                    ps.setInt(2, g.year());
                    try (ResultSet rs = ps.executeQuery()) {
                        String province = null;
                        boolean first = true;
                        while (rs.next()) {
                            String p = rs.getString(1);
                            if (!first && !Objects.equals(p, province)) {
                                chunk = append(chunk, fold.takeRegions(), copy);
                            }
                            first = false;
                            province = p;
                            fold.add(ancestors(rs.getString(2)), rs.getString(3), StateRows.parseValues(rs.getString(4)));
                        }
                    }
                }
                chunk = append(chunk, fold.takeRegions(), copy);
                chunk = append(chunk, fold.takeCountry(), copy);
            }
            copy.send(chunk);
            c.commit();
            return copy.finish();
        }
    }

    private static long await(Future<Long> fold) throws SQLException {
        try {
            return fold.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("interrupted while folding the roll-ups", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof SQLException s) {
                throw s;
            }
            throw new IllegalStateException("folding the roll-ups failed", e.getCause());
        }
    }

    private static List<String> ancestors(String text) {
        return Arrays.asList(text.substring(1, text.length() - 1).split(","));
    }

    private static BinaryRows append(BinaryRows chunk, Map<RollupKey, RollupDelta> rows, CopyStream copy) throws SQLException {
        for (Map.Entry<RollupKey, RollupDelta> e : rows.entrySet()) {
            RollupKey k = e.getKey();
            RollupDelta d = e.getValue();
            chunk.row(7).text(k.regionCode()).text(k.sector()).text(k.level()).int4(k.year()).int4(d.reports());
            d.appendSums(chunk);
            d.appendFilled(chunk);
        }
        if (chunk.size() < CHUNK_BYTES) {
            return chunk;
        }
        copy.send(chunk);
        return new BinaryRows(CHUNK_CAPACITY);
    }
}
