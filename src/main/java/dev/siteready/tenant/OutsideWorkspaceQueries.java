package dev.siteready.tenant;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/**
 * Native queries that run before the request's workspace is known: the SECURITY DEFINER lookups and the
 * global sign-in throttle (docs/architecture.md). Each runs on a pooled connection of its own, outside any
 * transaction, so it never fixes the workspace that the request's later queries run in.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.NOT_SUPPORTED)
public class OutsideWorkspaceQueries {

    /** Reads one row into a value. */
    public interface Row<T> {
        T read(ResultSet rs) throws SQLException;
    }

    private static final org.jboss.logging.Logger SLOW = org.jboss.logging.Logger.getLogger("siteready.sql.slow");

    @Inject
    AgroalDataSource dataSource;

    /** Statements slower than this are logged (Hibernate's own statements: quarkus.hibernate-orm.log.queries-slower-than-ms). */
    @org.eclipse.microprofile.config.inject.ConfigProperty(name = "siteready.slow-statement-ms", defaultValue = "200")
    long slowMillis;

    /** The first row of the query, or empty. */
    public <T> Optional<T> first(String sql, Row<T> row, Object... params) {
        try (Connection c = dataSource.getConnection()) {
            long start = System.nanoTime(); // the statement's time, not the wait for a connection
            try (PreparedStatement ps = prepare(c, sql, params); ResultSet rs = ps.executeQuery()) {
                Optional<T> first = rs.next() ? Optional.ofNullable(row.read(rs)) : Optional.empty();
                logIfSlow(sql, start);
                return first;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Query before the workspace is known failed: " + e.getMessage(), e);
        }
    }

    public int update(String sql, Object... params) {
        try (Connection c = dataSource.getConnection()) {
            long start = System.nanoTime();
            try (PreparedStatement ps = prepare(c, sql, params)) {
                int rows = ps.executeUpdate();
                dev.siteready.database.RequestCommits.mark(); // autocommit: saved, whatever fails later in the request
                logIfSlow(sql, start);
                return rows;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Update before the workspace is known failed: " + e.getMessage(), e);
        }
    }

    /** The statement's text (parameters as ?, never their values) when it took longer than the threshold. */
    private void logIfSlow(String sql, long start) {
        long millis = (System.nanoTime() - start) / 1_000_000;
        if (millis > slowMillis) {
            SLOW.infof("Slow statement took %d ms [%s]", millis, sql);
        }
    }

    private static PreparedStatement prepare(Connection c, String sql, Object... params) throws SQLException {
        PreparedStatement ps = c.prepareStatement(sql);
        for (int i = 0; i < params.length; i++) {
            ps.setObject(i + 1, params[i]);
        }
        return ps;
    }
}
