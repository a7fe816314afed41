package dev.siteready.support;

import io.agroal.api.AgroalDataSource;
import io.quarkus.arc.Arc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.locks.LockSupport;

/**
 * Another save in progress, made deterministic: a transaction of the test's own (an application connection of the
 * workspace) that has changed rows and holds their locks until {@link #commit()}. A request sent meanwhile reads the
 * rows as they were and waits when it reaches one of them; {@link #awaitBlockedRequest()} returns once it waits.
 */
public final class OpenTransaction implements AutoCloseable {

    private final Connection connection;
    private final int pid;

    private OpenTransaction(Connection connection, int pid) {
        this.connection = connection;
        this.pid = pid;
    }

    public static OpenTransaction begin(UUID workspaceId) {
        AgroalDataSource dataSource = Arc.container().instance(AgroalDataSource.class).get();
        try {
            Connection c = dataSource.getConnection();
            try (PreparedStatement ps = c.prepareStatement("SELECT set_config('app.workspace_id', ?, false), pg_backend_pid()")) {
                ps.setString(1, workspaceId.toString());
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    c.setAutoCommit(false);
                    return new OpenTransaction(c, rs.getInt(2));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public int update(String sql, Object... params) {
        try {
            return Db.update(connection, sql, params);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Waits (up to two minutes, for a busy machine) until another database session waits for this one's locks. */
    public void awaitBlockedRequest() {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
        while (Instant.now().isBefore(deadline)) {
            long blocked = Db.asWorkspace(null, c -> Db.count(c,
                    "SELECT count(*) FROM pg_stat_activity WHERE ? = ANY(pg_blocking_pids(pid))", pid));
            if (blocked > 0) {
                return;
            }
            LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
        }
        throw new AssertionError("no request waited for the open transaction's locks");
    }

    /**
     * Sends the request on another thread, waits until it waits for this transaction's locks, commits, and returns
     * the request's answer: "their" change lands while "my" save is in flight, every time.
     */
    public <T> T commitWhileWaiting(java.util.function.Supplier<T> request) {
        java.util.concurrent.CompletableFuture<T> pending = java.util.concurrent.CompletableFuture.supplyAsync(request);
        awaitBlockedRequest();
        commit();
        return pending.join();
    }

    public void commit() {
        try {
            connection.commit();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        try {
            if (!connection.getAutoCommit()) {
                connection.rollback();
                connection.setAutoCommit(true);
            }
            connection.close();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
