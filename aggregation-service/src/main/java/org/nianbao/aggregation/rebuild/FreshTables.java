package org.nianbao.aggregation.rebuild;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.nianbao.aggregation.rollup.Tables;

/**
 * The fresh generation of state tables a rebuild fills, and the swap that makes it live. The tables are created
 * bare (columns only) so a bulk load does not maintain indexes row by row; the live tables' indexes are then
 * recreated on them from their definitions, under the live names plus {@code _next}, and get their own names back
 * at the swap. Copying the definitions keeps a rebuild right whatever later migrations do to the indexes.
 */
final class FreshTables {

    static final List<String> TABLES = List.of(Tables.LIVE.rollup(), Tables.LIVE.rollupPending(), Tables.LIVE.reportState(),
            Tables.LIVE.agencyState());
    private static final String SUFFIX = "_next";

    private FreshTables() {
    }

    /**
     * The report states' fresh table is UNLOGGED: it only stages the versions read from the topics, which
     * {@link BulkReplay#writeInPlaceOrder()} rewrites into a logged table of its own before anything reads them, so
     * writing this first copy to the WAL too (a gigabyte at the size) would be work thrown away. A crash
     * during a rebuild empties it, and the rebuild, which never survives a crash anyway, is started again.
     */
    static void create(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            for (String table : TABLES) {
                String kind = table.equals(Tables.LIVE.reportState()) ? "UNLOGGED TABLE " : "TABLE ";
                s.execute("DROP TABLE IF EXISTS " + table + SUFFIX);
                s.execute("CREATE " + kind + table + SUFFIX + " (LIKE " + table + " INCLUDING DEFAULTS INCLUDING GENERATED INCLUDING STORAGE INCLUDING COMPRESSION)");
            }
        }
    }

    /** Gives {@code table}'s fresh copy the live table's indexes and primary key. */
    static void index(Connection c, String table) throws SQLException {
        List<String[]> indexes = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT i.relname, pg_get_indexdef(i.oid), x.indisprimary FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid"
                        + " WHERE x.indrelid = '" + table + "'::regclass ORDER BY i.relname")) {
            while (rs.next()) {
                indexes.add(new String[] {rs.getString(1), rs.getString(2), String.valueOf(rs.getBoolean(3))});
            }
        }
        try (Statement s = c.createStatement()) {
            s.execute("SET maintenance_work_mem = '128MB'"); // reset below: the connection goes back to the pool
            for (String[] index : indexes) {
                String name = index[0];
                String fresh = name + SUFFIX;
                // "CREATE [UNIQUE] INDEX name ON public.table USING ..." -> the same on the fresh table
                s.execute(index[1].replaceFirst("INDEX \\S+ ON (\\S+\\.)?\\S+ ", "INDEX " + fresh + " ON " + table + SUFFIX + " "));
                if (Boolean.parseBoolean(index[2])) {
                    s.execute("ALTER TABLE " + table + SUFFIX + " ADD CONSTRAINT " + fresh + " PRIMARY KEY USING INDEX " + fresh);
                }
            }
            s.execute("ANALYZE " + table + SUFFIX);
            s.execute("RESET maintenance_work_mem");
        }
    }

    /** In the caller's transaction: the fresh tables replace the live ones, and their indexes take the live names. */
    static void swap(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            for (String table : TABLES) {
                s.execute("DROP TABLE " + table);
                s.execute("ALTER TABLE " + table + SUFFIX + " RENAME TO " + table);
                List<String> names = new ArrayList<>();
                try (ResultSet rs = s.executeQuery("SELECT i.relname FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid"
                        + " WHERE x.indrelid = '" + table + "'::regclass")) {
                    while (rs.next()) {
                        names.add(rs.getString(1));
                    }
                }
                for (String name : names) {
                    if (name.endsWith(SUFFIX)) {
                        s.execute("ALTER INDEX " + name + " RENAME TO " + name.substring(0, name.length() - SUFFIX.length()));
                    }
                }
            }
        }
    }
}
