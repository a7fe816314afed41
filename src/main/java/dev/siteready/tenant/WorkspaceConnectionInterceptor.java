package dev.siteready.tenant;

import io.agroal.api.AgroalPoolInterceptor;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.UUID;

/**
 * Names the workspace to PostgreSQL each time a connection is taken from the pool, before any query.
 * Row level security policies compare every tenant row's workspace_id with this setting.
 *
 * <p>Agroal enlists the connection in the JTA transaction before calling this, so inside a transaction
 * the setting is transaction-local ({@code set_config(..., true)}) and vanishes at commit or rollback.
 * A connection used without a transaction gets a session-level value that is cleared when it returns to
 * the pool. Either way every checkout overwrites the previous value, an empty one when there is no
 * workspace, so nothing carries over between requests.
 */
@ApplicationScoped
public class WorkspaceConnectionInterceptor implements AgroalPoolInterceptor {

    private static final String SET = "SELECT set_config('app.workspace_id', ?, ?)";
    // Also re-asserts the application role (one round trip), so a role switch on a connection can never
    // outlive its checkout.
    private static final String ACQUIRE = "SELECT set_config('app.workspace_id', ?, ?), set_config('role', ?, false)";

    @ConfigProperty(name = "siteready.db.app-role")
    String appRole;

    @Override
    public void onConnectionAcquire(Connection connection) {
        String workspace = TenantContext.current().map(UUID::toString).orElse("");
        try (PreparedStatement ps = connection.prepareStatement(ACQUIRE)) {
            ps.setString(1, workspace);
            ps.setBoolean(2, !connection.getAutoCommit());
            ps.setString(3, appRole);
            ps.execute();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not set the workspace on a database connection", e);
        }
    }

    @Override
    public void onConnectionReturn(Connection connection) {
        try (PreparedStatement ps = connection.prepareStatement(SET)) {
            ps.setString(1, "");
            ps.setBoolean(2, false);
            ps.execute();
        } catch (SQLException e) {
            // A broken connection is discarded by the pool; the next checkout overwrites the value anyway.
        }
    }
}
