package org.nianbao.aggregation.rollup;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The names of one generation of the state tables. The live generation serves the APIs; a rebuild fills a
 * fresh one ({@code _next}) and then swaps it in.
 * <p>
 * A roll-up row's value is its row in {@code rollup} plus its changes still waiting in {@code rollup_pending}
 * (see {@link PendingCompactor}).
 */
public record Tables(String rollup, String rollupPending, String reportState, String agencyState) {

    public static final Tables LIVE = new Tables("rollup", "rollup_pending", "report_state", "agency_state");
    /**
     * The advisory lock that guards the live generation: every live batch holds it shared for its transaction; a
     * rebuild holds it exclusively while it applies the last events and swaps the tables, so no instance of the
     * service writes into tables that are about to be replaced.
     */
    public static final long SWITCH_LOCK = 0x4e69616e62616f02L;
    /**
     * In the caller's transaction: holds the switch lock shared until it ends, as every write to the live generation
     * must (a consumer batch, a compaction pass).
     */
    static void holdSwitchLockShared(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("SELECT pg_advisory_xact_lock_shared(" + SWITCH_LOCK + ")");
        }
    }

    public static final Tables NEXT = new Tables("rollup_next", "rollup_pending_next", "report_state_next",
            "agency_state_next");
}
