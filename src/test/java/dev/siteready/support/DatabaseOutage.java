package dev.siteready.support;

import org.eclipse.microprofile.config.ConfigProvider;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Takes the application's database away for real, as a failover or a restart of PostgreSQL would: no new connection is
 * allowed ({@code ALLOW_CONNECTIONS false}) and every open one is ended ({@code pg_terminate_backend}), pooled
 * connections included. Works from the server's maintenance database, so it needs no connection to the database it
 * takes away; as the embedded server's superuser, or as the database's owner on an external test server.
 */
public final class DatabaseOutage implements AutoCloseable {

    private final String database;
    private boolean refusing;

    private DatabaseOutage(String database) {
        this.database = database;
    }

    /** Ends every connection to the database and refuses new ones until {@link #close()}. */
    public static DatabaseOutage begin() {
        DatabaseOutage outage = new DatabaseOutage(databaseName());
        outage.run("ALTER DATABASE \"" + outage.database + "\" ALLOW_CONNECTIONS false");
        outage.refusing = true;
        outage.terminateAll();
        return outage;
    }

    /** Ends every open connection to the database once (a restart of PostgreSQL as the pool sees it); new ones work. */
    public static void terminateConnections() {
        new DatabaseOutage(databaseName()).terminateAll();
    }

    /** Allows connections again. */
    @Override
    public void close() {
        if (refusing) {
            run("ALTER DATABASE \"" + database + "\" ALLOW_CONNECTIONS true");
            refusing = false;
        }
    }

    private void terminateAll() {
        try (Connection c = maintenanceConnection();
                PreparedStatement ps = c.prepareStatement(
                        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = ? AND pid <> pg_backend_pid()")) {
            ps.setString(1, database);
            ps.executeQuery().close();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not end the database's connections", e);
        }
    }

    private void run(String sql) {
        try (Connection c = maintenanceConnection(); Statement st = c.createStatement()) {
            st.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not run " + sql, e);
        }
    }

    private static String url() {
        return ConfigProvider.getConfig().getValue("siteready.db.url", String.class);
    }

    private static String databaseName() {
        String url = url();
        String path = url.substring(url.indexOf("//") + 2);
        path = path.substring(path.indexOf('/') + 1);
        int query = path.indexOf('?');
        return query < 0 ? path : path.substring(0, query);
    }

    private static Connection maintenanceConnection() throws SQLException {
        String url = url();
        String maintenance = url.replace("/" + databaseName(), "/postgres");
        try {
            return DriverManager.getConnection(maintenance, "postgres", "");
        } catch (SQLException notEmbedded) {
            return DriverManager.getConnection(maintenance, ConfigProvider.getConfig().getValue("siteready.db.user", String.class),
                    ConfigProvider.getConfig().getOptionalValue("siteready.db.password", String.class).orElse(""));
        }
    }
}
