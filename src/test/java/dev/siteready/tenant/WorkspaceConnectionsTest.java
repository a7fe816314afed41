package dev.siteready.tenant;

import dev.siteready.support.Db;
import dev.siteready.support.WebSession;
import io.agroal.api.AgroalDataSource;
import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The workspace setting on pooled connections: a checkout outside a transaction is cleared on return, one inside a
 * transaction vanishes at commit, and plain SQL reads name the request's workspace.
 */
@QuarkusTest
class WorkspaceConnectionsTest {

    @Inject
    WorkspaceConnectionInterceptor interceptor;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aCheckoutOutsideATransactionIsClearedOnReturn() throws SQLException {
        UUID workspace = Db.workspaceOf(WebSession.signUp("Outside Tx Co").email);
        try (Connection c = dataSource.getConnection()) { // outside a transaction: auto-commit
            TenantContext.inRequestContext(() -> {
                Arc.container().instance(TenantContext.class).get().use(workspace);
                interceptor.onConnectionAcquire(c);
                return null;
            });
            assertThat(setting(c)).isEqualTo(workspace.toString());
            interceptor.onConnectionReturn(c);
            assertThat(setting(c)).as("cleared when the connection goes back to the pool").isEmpty();
        }
    }

    @Test
    void aCheckoutInsideATransactionEndsWithItsTransaction() throws SQLException {
        UUID workspace = Db.workspaceOf(WebSession.signUp("Inside Tx Co").email);
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false); // as a connection enlisted in a transaction is
            TenantContext.inRequestContext(() -> {
                Arc.container().instance(TenantContext.class).get().use(workspace);
                interceptor.onConnectionAcquire(c);
                return null;
            });
            assertThat(setting(c)).isEqualTo(workspace.toString());
            c.commit();
            assertThat(setting(c)).as("transaction-local: gone at commit, before any return").isEmpty();
            c.commit();
            interceptor.onConnectionReturn(c);
            assertThat(setting(c)).isEmpty();
            c.setAutoCommit(true);
        }
    }

    @Test
    void plainSqlMustNameTheWorkspace() {
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> WorkspaceSql.query("SELECT count(*) FROM site")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("workspace_id with :ws");
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> WorkspaceSql.query("SELECT count(*) FROM site s"
                + " WHERE s.workspace_id = :workspace"))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void plainSqlReadsOnlyTheRequestsWorkspace() {
        WebSession mine = WebSession.signUp("Sql Mine Co");
        WebSession theirs = WebSession.signUp("Sql Theirs Co");
        mine.createSite("Mine General", "");
        theirs.createSite("Theirs General", "");
        theirs.createSite("Theirs Mercy", "");
        UUID workspace = Db.workspaceOf(mine.email);
        long sites = TenantContext.inRequestContext(() -> {
            Arc.container().instance(TenantContext.class).get().use(workspace);
            return QuarkusTransaction.requiringNew().call(() -> ((Number) WorkspaceSql.query(
                    "SELECT count(*) FROM site s WHERE s.workspace_id = :ws").getSingleResult()).longValue());
        });
        assertThat(sites).isEqualTo(1);
    }

    private static String setting(Connection c) throws SQLException {
        return Db.value(c, String.class, "SELECT coalesce(current_setting('app.workspace_id', true), '')");
    }
}
