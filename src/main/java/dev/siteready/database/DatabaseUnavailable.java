package dev.siteready.database;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;

/**
 * Whether a failure means PostgreSQL could not be reached (down, restarting, refusing connections, the connection lost,
 * or no connection within the connect and login timeouts), found anywhere in an exception's causes. Such a request
 * answers 503 with Retry-After instead of 500: nothing is wrong with the request, and trying again later works.
 */
public final class DatabaseUnavailable {

    /**
     * SQLSTATEs of an unreachable or departing server: class 08 (connection exceptions, pgjdbc's "This connection has
     * been closed" among them; not 08P01, a protocol violation, which is a bug), 57P01–57P03 (administrator, crash or
     * start-up shutdown), 53300 (too many connections).
     */
    private static final Set<String> STATES = Set.of("57P01", "57P02", "57P03", "53300");

    private DatabaseUnavailable() {
    }

    public static boolean causedBy(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException) {
                return true;
            }
            if (t instanceof SQLException sql && unreachable(sql)) {
                return true;
            }
            if (t instanceof org.hibernate.exception.JDBCConnectionException) {
                return true;
            }
        }
        return false;
    }

    private static boolean unreachable(SQLException e) {
        String state = e.getSQLState();
        if (state != null && ((state.startsWith("08") && !"08P01".equals(state)) || STATES.contains(state))) {
            return true;
        }
        String message = e.getMessage() == null ? "" : e.getMessage();
        // ALTER DATABASE ... ALLOW_CONNECTIONS false (maintenance) answers 55000 "object not in prerequisite state".
        // (A pool exhausted for its acquisition timeout is not an outage but overload or a leak: a 500, logged in full.)
        return "55000".equals(state) && message.contains("not currently accepting connections");
    }

    /**
     * Whether the database went away while a transaction was being committed: then the change may have been saved or
     * not, and only reading it again tells. Before the commit, the transaction is rolled back and nothing was saved.
     */
    public static boolean duringCommit(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof jakarta.transaction.RollbackException || t instanceof jakarta.transaction.HeuristicMixedException
                    || t instanceof jakarta.transaction.HeuristicRollbackException) {
                return true;
            }
            for (StackTraceElement frame : t.getStackTrace()) {
                if (frame.getMethodName().equals("commit") && frame.getClassName().startsWith("com.arjuna")) {
                    return true;
                }
            }
        }
        return false;
    }
}
