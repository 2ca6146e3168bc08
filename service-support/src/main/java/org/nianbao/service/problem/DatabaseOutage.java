package org.nianbao.service.problem;

import java.sql.SQLException;

/** Recognises failures that mean "the database is unreachable", which clients should retry. */
final class DatabaseOutage {
    private DatabaseOutage() {
    }

    static boolean causedBy(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().equals("57P01"))) {
                return true;
            }
            String message = String.valueOf(t.getMessage());
            if (message.contains("Acquisition timeout") || message.contains("Connection refused")) {
                return true;
            }
        }
        return false;
    }
}
