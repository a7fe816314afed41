package dev.siteready.tenant;

import io.agroal.api.AgroalPoolInterceptor;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Names the workspace to PostgreSQL each time a connection is taken from the pool, before any query.
 * Row level security policies compare every tenant row's workspace_id with this setting.
 *
 * <p>Agroal enlists the connection in the JTA transaction before calling this, so inside a transaction
 * the setting is transaction-local ({@code set_config(..., true)}) and vanishes at commit or rollback.
 * A connection used without a transaction gets a session-level value that is cleared when it returns to
 * the pool (only those: a transaction-local value is already gone, so its return costs no round trip).
 * Either way every checkout overwrites the previous value, an empty one when there is no workspace, so
 * nothing carries over between requests.
 */
@ApplicationScoped
public class WorkspaceConnectionInterceptor implements AgroalPoolInterceptor {

    private static final String SET = "SELECT set_config('app.workspace_id', ?, ?)";
    // Also re-asserts the application role (one round trip), so a role switch on a connection can never
    // outlive its checkout.
    private static final String ACQUIRE = "SELECT set_config('app.workspace_id', ?, ?), set_config('role', ?, false)";

    @ConfigProperty(name = "siteready.db.app-role")
    String appRole;

    /** Connections checked out with a session-level value, to be cleared on return. */
    private final Set<Connection> sessionLevel = ConcurrentHashMap.newKeySet();

    @Override
    public void onConnectionAcquire(Connection connection) {
        String workspace = TenantContext.current().map(UUID::toString).orElse("");
        try (PreparedStatement ps = connection.prepareStatement(ACQUIRE)) {
            ps.setString(1, workspace);
            boolean inTransaction = !connection.getAutoCommit();
            ps.setBoolean(2, inTransaction);
            ps.setString(3, appRole);
            ps.execute();
            if (!inTransaction) {
                sessionLevel.add(connection);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not set the workspace on a database connection", e);
        }
    }

    @Override
    public void onConnectionReturn(Connection connection) {
        if (!sessionLevel.remove(connection)) {
            return;
        }
        try (PreparedStatement ps = connection.prepareStatement(SET)) {
            ps.setString(1, "");
            ps.setBoolean(2, false);
            ps.execute();
        } catch (SQLException e) {
            // A broken connection is discarded by the pool; the next checkout overwrites the value anyway.
        }
    }

    @Override
    public void onConnectionDestroy(Connection connection) {
        sessionLevel.remove(connection);
    }
}
