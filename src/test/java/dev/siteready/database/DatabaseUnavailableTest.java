package dev.siteready.database;

import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import static org.assertj.core.api.Assertions.assertThat;

/** Which failures mean the database cannot be reached (503), and which are bugs or overload (500). */
class DatabaseUnavailableTest {

    @Test
    void connectionFailuresAreUnavailable() {
        assertThat(DatabaseUnavailable.causedBy(wrapped(new SQLException("Connection to localhost:5432 refused", "08001"))))
                .as("a restart: connection refused").isTrue();
        assertThat(DatabaseUnavailable.causedBy(wrapped(new SQLException("This connection has been closed.", "08003"))))
                .isTrue();
        assertThat(DatabaseUnavailable.causedBy(new SQLException("terminating connection due to administrator command", "57P01")))
                .isTrue();
        assertThat(DatabaseUnavailable.causedBy(new SQLException("the database system is starting up", "57P03"))).isTrue();
        assertThat(DatabaseUnavailable.causedBy(new SQLException("sorry, too many clients already", "53300"))).isTrue();
        assertThat(DatabaseUnavailable.causedBy(new SQLException(
                "FATAL: database \"siteready\" is not currently accepting connections", "55000"))).isTrue();
        assertThat(DatabaseUnavailable.causedBy(new SQLTransientConnectionException("gone"))).isTrue();
        assertThat(DatabaseUnavailable.causedBy(new org.hibernate.exception.JDBCConnectionException("lost", null))).isTrue();
    }

    @Test
    void bugsAndOverloadAreNot() {
        assertThat(DatabaseUnavailable.causedBy(new SQLException("Sorry, acquisition timeout!"))).as("pool exhausted").isFalse();
        assertThat(DatabaseUnavailable.causedBy(new SQLException("protocol violation", "08P01"))).isFalse();
        assertThat(DatabaseUnavailable.causedBy(new SQLException("syntax error", "42601"))).isFalse();
        assertThat(DatabaseUnavailable.causedBy(new SQLException("object in use", "55000"))).isFalse();
        assertThat(DatabaseUnavailable.causedBy(new IllegalStateException("no workspace"))).isFalse();
        assertThat(DatabaseUnavailable.causedBy(new SQLException("no state"))).isFalse();
    }

    @Test
    void aFailureInTheCommitLeavesTheChangeUnknown() {
        assertThat(DatabaseUnavailable.duringCommit(wrapped(new jakarta.transaction.RollbackException("commit failed")))).isTrue();
        assertThat(DatabaseUnavailable.duringCommit(wrapped(new SQLException("closed", "08003")))).isFalse();
    }

    private static RuntimeException wrapped(Exception cause) {
        return new IllegalStateException("Could not set the workspace on a database connection", cause);
    }
}
