package dev.siteready.support;

import io.agroal.api.AgroalDataSource;
import io.quarkus.arc.Arc;
import org.eclipse.microprofile.config.ConfigProvider;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;

/**
 * Native SQL as the application serves requests: a pooled connection (role siteready_app), with the
 * workspace set by hand the way WorkspaceConnectionInterceptor sets it.
 */
public final class Db {

    private Db() {
    }

    public interface SqlWork<T> {
        T run(Connection connection) throws SQLException;
    }

    /** Runs work on an application connection with app.workspace_id set to the workspace (or none). */
    public static <T> T asWorkspace(UUID workspaceId, SqlWork<T> work) {
        AgroalDataSource dataSource = Arc.container().instance(AgroalDataSource.class).get();
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement ps = c.prepareStatement("SELECT set_config('app.workspace_id', ?, false)")) {
                ps.setString(1, workspaceId == null ? "" : workspaceId.toString());
                ps.execute();
            }
            return work.run(c);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A connection that sees every workspace's rows: the embedded server's superuser (row level security does not
     * apply to it), else the configured owner (an external database; row level security still applies there).
     */
    public static Connection superuser() throws SQLException {
        String url = ConfigProvider.getConfig().getValue("siteready.db.url", String.class);
        try {
            return DriverManager.getConnection(url, "postgres", "");
        } catch (SQLException notEmbedded) {
            return DriverManager.getConnection(url, ConfigProvider.getConfig().getValue("siteready.db.user", String.class),
                    ConfigProvider.getConfig().getOptionalValue("siteready.db.password", String.class).orElse(""));
        }
    }

    public static long count(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** The first column of the first row as the type, or null when there is no row. */
    public static <T> T value(Connection c, Class<T> type, String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getObject(1, type) : null;
            }
        }
    }

    public static int update(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            return ps.executeUpdate();
        }
    }

    /** The workspace and member of an e-mail, through the same lookup that sign-in uses. */
    public static UUID[] workspaceAndMember(String email) {
        return asWorkspace(null, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT workspace_id, member_id FROM login_lookup(?)")) {
                ps.setString(1, email);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        throw new IllegalStateException("no account for " + email);
                    }
                    return new UUID[] { rs.getObject(1, UUID.class), rs.getObject(2, UUID.class) };
                }
            }
        });
    }

    public static UUID workspaceOf(String email) {
        return workspaceAndMember(email)[0];
    }

    public static UUID memberOf(String email) {
        return workspaceAndMember(email)[1];
    }
}
