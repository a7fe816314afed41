package dev.siteready.tenant;

import dev.siteready.support.Db;
import dev.siteready.support.WebSession;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** PostgreSQL itself keeps workspaces apart, even for native SQL that forgets the WHERE clause. */
@QuarkusTest
class TenantIsolationTest {

    static final List<String> TENANT_TABLES = List.of("member", "invitation", "api_token");

    @Test
    void withoutAWorkspaceTheApplicationRoleReadsNothing() {
        WebSession owner = WebSession.signUp("Nothing Co");
        owner.createApiToken("for counting");

        Db.asWorkspace(null, c -> {
            assertThat(Db.count(c, "SELECT count(*) FROM workspace")).isZero();
            for (String table : TENANT_TABLES) {
                assertThat(Db.count(c, "SELECT count(*) FROM " + table)).as(table).isZero();
            }
            assertThat(Db.count(c, "SELECT count(*) FROM pg_roles WHERE rolname = current_user AND NOT rolsuper AND NOT rolbypassrls"))
                    .isEqualTo(1);
            return null;
        });
    }

    @Test
    void nativeSqlInWorkspaceACannotReadOrWriteWorkspaceB() {
        WebSession a = WebSession.signUp("Tenant A");
        WebSession b = WebSession.signUp("Tenant B");
        b.createApiToken("B's token");
        UUID workspaceA = Db.workspaceOf(a.email);
        UUID workspaceB = Db.workspaceOf(b.email);
        UUID memberB = Db.memberOf(b.email);

        Db.asWorkspace(workspaceA, c -> {
            assertThat(Db.count(c, "SELECT count(*) FROM workspace")).isEqualTo(1);
            assertThat(Db.count(c, "SELECT count(*) FROM workspace WHERE id = ?", workspaceB)).isZero();
            assertThat(Db.count(c, "SELECT count(*) FROM member")).isEqualTo(1);
            assertThat(Db.count(c, "SELECT count(*) FROM member WHERE workspace_id = ?", workspaceB)).isZero();
            assertThat(Db.count(c, "SELECT count(*) FROM api_token WHERE workspace_id = ?", workspaceB)).isZero();

            assertThat(Db.update(c, "UPDATE member SET display_name = 'hijacked' WHERE id = ?", memberB)).isZero();
            assertThat(Db.update(c, "UPDATE workspace SET name = 'hijacked' WHERE id = ?", workspaceB)).isZero();
            assertThat(Db.update(c, "DELETE FROM api_token WHERE workspace_id = ?", workspaceB)).isZero();
            assertThat(Db.update(c, "DELETE FROM member WHERE id = ?", memberB)).isZero();
            assertThatThrownBy(() -> Db.update(c, "INSERT INTO member (workspace_id, id, email, display_name, password_hash, role)"
                    + " VALUES (?, ?, 'intruder@example.test', 'Intruder', 'x', 'OWNER')", workspaceB, UUID.randomUUID()))
                    .isInstanceOf(SQLException.class).hasMessageContaining("row-level security");
            assertThatThrownBy(() -> Db.update(c, "UPDATE member SET workspace_id = ?", workspaceB))
                    .isInstanceOf(SQLException.class).hasMessageContaining("row-level security");
            return null;
        });

        Db.asWorkspace(workspaceB, c -> {
            assertThat(Db.count(c, "SELECT count(*) FROM member WHERE display_name = 'hijacked'")).isZero();
            assertThat(Db.count(c, "SELECT count(*) FROM api_token")).isEqualTo(1);
            assertThat(Db.count(c, "SELECT count(*) FROM member")).isEqualTo(1);
            return null;
        });
    }

    @Test
    void evenTheTableOwnerIsHeldByForcedRowLevelSecurity() {
        WebSession b = WebSession.signUp("Forced B");
        UUID workspaceB = Db.workspaceOf(b.email);

        Db.asWorkspace(null, c -> {
            // What injected SQL could try: drop the application role and act as the login (owner) role.
            c.createStatement().execute("RESET ROLE");
            try {
                assertThat(Db.count(c, "SELECT count(*) FROM member WHERE workspace_id = ?", workspaceB)).isZero();
                assertThat(Db.count(c, "SELECT count(*) FROM workspace")).isZero();
            } finally {
                c.createStatement().execute("SET ROLE siteready_app");
            }
            return null;
        });
    }

    @Test
    void everyTableWithAWorkspaceColumnHasForcedRowLevelSecurityAndAPolicy() {
        List<String> problems = Db.asWorkspace(null, c -> {
            List<String> found = new ArrayList<>();
            String sql = """
                    SELECT c.relname, c.relrowsecurity, c.relforcerowsecurity,
                           EXISTS (SELECT 1 FROM pg_policy p WHERE p.polrelid = c.oid AND p.polname = 'workspace_isolation')
                    FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                    WHERE n.nspname = 'public' AND c.relkind = 'r'
                      AND (EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = 'workspace_id'
                                   AND NOT a.attisdropped) OR c.relname = 'workspace')
                    """;
            int tables = 0;
            try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    tables++;
                    if (!rs.getBoolean(2) || !rs.getBoolean(3) || !rs.getBoolean(4)) {
                        found.add(rs.getString(1));
                    }
                }
            }
            assertThat(tables).isGreaterThanOrEqualTo(TENANT_TABLES.size() + 1);
            return found;
        });
        assertThat(problems).as("tables without ENABLE + FORCE row level security and a workspace_isolation policy").isEmpty();
    }

    /** Global tables the application role may use without row level security: they hold no tenant data. */
    static final List<String> GLOBAL_TABLES = List.of("login_throttle", "link_throttle");

    @Test
    void everyTableTheApplicationRoleCanReachIsIsolatedOrKnownGlobal() {
        List<String> problems = Db.asWorkspace(null, c -> {
            List<String> found = new ArrayList<>();
            String sql = """
                    SELECT c.relname, c.relrowsecurity AND c.relforcerowsecurity
                    FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                    WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p', 'v', 'm')
                      AND (has_table_privilege(current_user, c.oid, 'SELECT')
                           OR has_table_privilege(current_user, c.oid, 'INSERT')
                           OR has_table_privilege(current_user, c.oid, 'UPDATE')
                           OR has_table_privilege(current_user, c.oid, 'DELETE'))
                    """;
            try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (!rs.getBoolean(2) && !GLOBAL_TABLES.contains(rs.getString(1))) {
                        found.add(rs.getString(1));
                    }
                }
            }
            return found;
        });
        assertThat(problems).as("tables the application role can use without forced row level security").isEmpty();
    }

    @Test
    void tenantColumnsAreNotNullAndIndexesLeadWithThem() {
        List<String> problems = Db.asWorkspace(null, c -> {
            List<String> found = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("""
                    SELECT c.relname FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
                    JOIN pg_namespace n ON n.oid = c.relnamespace
                    WHERE n.nspname = 'public' AND c.relkind = 'r' AND a.attname = 'workspace_id' AND NOT a.attnotnull
                    """); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    found.add("nullable workspace_id in " + rs.getString(1));
                }
            }
            // Lookups by secret hash or e-mail happen before the workspace is known (docs/architecture.md).
            try (PreparedStatement ps = c.prepareStatement("""
                    SELECT i.relname FROM pg_index x
                    JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid
                    JOIN pg_namespace n ON n.oid = t.relnamespace
                    WHERE n.nspname = 'public'
                      AND EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = t.oid AND a.attname = 'workspace_id')
                      AND (x.indkey[0] = 0 OR (SELECT attname FROM pg_attribute WHERE attrelid = t.oid AND attnum = x.indkey[0]) <> 'workspace_id')
                      AND i.relname NOT IN ('member_email_key', 'invitation_token_hash_key', 'api_token_hash_key',
                                            'partner_link_token_hash_key')
                    """); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    found.add("index not led by workspace_id: " + rs.getString(1));
                }
            }
            return found;
        });
        assertThat(problems).isEmpty();
    }

    @Test
    void lookupFunctionsAreTheOnlyWayAcrossWorkspacesAndRevealLittle() {
        WebSession a = WebSession.signUp("Lookup A");
        Db.asWorkspace(null, c -> {
            assertThat(Db.count(c, "SELECT count(*) FROM login_lookup(?)", a.email)).isEqualTo(1);
            assertThat(Db.count(c, "SELECT count(*) FROM api_token_lookup('not-a-hash')")).isZero();
            assertThatThrownBy(() -> c.createStatement().execute("SET ROLE siteready_lookup"))
                    .isInstanceOf(SQLException.class);
            return null;
        });
    }
}
