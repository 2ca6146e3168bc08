package org.nianbao.service.problem;

import java.sql.SQLException;

/**
 * Recognises failures that mean "the database is unreachable", which clients should retry: connection failures
 * (class 08) and the server shutting down or still starting (57P01 admin shutdown, 57P02 crash shutdown,
 * 57P03 "the database system is starting up").
 */
public final class DatabaseOutage {
    private static final java.util.Set<String> UNAVAILABLE = java.util.Set.of("57P01", "57P02", "57P03");

    private DatabaseOutage() {
    }

    /**
     * Looks through causes and suppressed exceptions: a commit that fails while the server shuts down arrives as a
     * RollbackException whose SQL state sits in a suppressed XAException.
     */
    public static boolean causedBy(Throwable e) {
        return causedBy(e, 0);
    }

    private static boolean causedBy(Throwable t, int depth) {
        if (t == null || depth > 20) {
            return false;
        }
        if (t instanceof SQLException sql && sql.getSQLState() != null
                && (sql.getSQLState().startsWith("08") || UNAVAILABLE.contains(sql.getSQLState()))) {
            return true;
        }
        String message = String.valueOf(t.getMessage());
        if (message.contains("Acquisition timeout") || message.contains("Connection refused")) {
            return true;
        }
        for (Throwable s : t.getSuppressed()) {
            if (causedBy(s, depth + 1)) {
                return true;
            }
        }
        return t.getCause() != t && causedBy(t.getCause(), depth + 1);
    }
}
