package dev.siteready.home;

import dev.siteready.support.Db;
import dev.siteready.support.OpenTransaction;
import dev.siteready.support.WebSession;
import io.quarkus.test.junit.QuarkusTest;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The home page's counts are kept on write by triggers (workspace_count, V12). Whoever writes (pages, plain SQL, a
 * cascade, a statement changing many rows), they must equal what counting the rows gives.
 */
@QuarkusTest
class WorkspaceCountsTest {

    /** Counting the rows themselves: what the home page read before V12, per kind and key. */
    private static final String COUNTED = """
            SELECT workspace_id, 'status', status, count(*) FROM site GROUP BY 1, 3
            UNION ALL SELECT workspace_id, 'vendor', ehr_vendor, count(*) FROM site GROUP BY 1, 3
            UNION ALL SELECT workspace_id, 'verdict', coalesce(verdict, ''), count(*) FROM site_feasibility GROUP BY 1, 3
            UNION ALL SELECT workspace_id, 'volume', 'messages_per_day', sum(coalesce(messages_per_day, 0)) FROM scope_row GROUP BY 1
            UNION ALL SELECT workspace_id, 'volume', 'peak_per_hour', sum(coalesce(peak_per_hour, 0)) FROM scope_row GROUP BY 1
            """;

    private static final String KEPT = "SELECT workspace_id, kind, key, sum(n) FROM workspace_count GROUP BY 1, 2, 3";

    @Test
    void theCountsFollowPagesPlainSqlCascadesAndStatementsOfManyRows() {
        WebSession owner = WebSession.signUp("Counts Co");
        UUID workspace = Db.workspaceOf(owner.email);
        StringBuilder csv = new StringBuilder("name,ehr_vendor,time_zone,status,template\n");
        for (int i = 1; i <= 6; i++) {
            csv.append(String.format("Counts Hospital %d,%s,America/Chicago,%s,Lab results%n", i,
                    i <= 3 ? "Epic" : i == 6 ? "" : "Cerner", i % 2 == 0 ? "Live" : "Scoping"));
        }
        assertThat(owner.post("/sites/import", Map.of("csv", csv.toString())).statusCode()).isEqualTo(303);
        Map<String, Long> afterImport = kept(workspace);
        assertThat(afterImport).containsEntry("status:LIVE", 3L).containsEntry("status:SCOPING", 3L)
                .containsEntry("vendor:Epic", 3L).containsEntry("vendor:Cerner", 2L).containsEntry("vendor:", 1L)
                .containsEntry("verdict:", 6L);
        assertThat(afterImport).isEqualTo(withoutZeros(counted(workspace)));

        // The first view computes every site's verdict in one statement per batch: the counts move with it.
        owner.page("/");
        assertThat(kept(workspace).getOrDefault("verdict:", 0L)).isZero();
        assertThat(withoutZeros(kept(workspace))).isEqualTo(withoutZeros(counted(workspace)));

        Db.asWorkspace(workspace, c -> {
            // A statement changing many rows, several keys at once, some of them back and forth.
            Db.update(c, "UPDATE scope_row SET messages_per_day = 40, peak_per_hour = 5 WHERE workspace_id = ?", workspace);
            Db.update(c, "UPDATE site SET status = CASE status WHEN 'LIVE' THEN 'ON_HOLD' ELSE 'LIVE' END,"
                    + " ehr_vendor = CASE ehr_vendor WHEN 'Epic' THEN 'Meditech' ELSE ehr_vendor END WHERE workspace_id = ?", workspace);
            // One row, and a change that counts nothing.
            Db.update(c, "UPDATE scope_row SET messages_per_day = NULL WHERE id = (SELECT min(id::text)::uuid FROM scope_row"
                    + " WHERE workspace_id = ?)", workspace);
            Db.update(c, "UPDATE site SET name = name || ' (renamed)' WHERE workspace_id = ?", workspace);
            return null;
        });
        Map<String, Long> afterSql = kept(workspace);
        assertThat(afterSql).containsEntry("status:LIVE", 3L).containsEntry("status:ON_HOLD", 3L)
                .containsEntry("vendor:Meditech", 3L)
                .containsEntry("volume:messages_per_day", 40L * (countOf(workspace, "scope_row") - 1))
                .containsEntry("volume:peak_per_hour", 5L * countOf(workspace, "scope_row"));
        assertThat(afterSql.getOrDefault("vendor:Epic", 0L)).isZero();
        assertThat(withoutZeros(afterSql)).isEqualTo(withoutZeros(counted(workspace)));

        // Deleting a project through its page removes its scope rows by cascade.
        UUID site = Db.asWorkspace(workspace, c -> Db.value(c, UUID.class,
                "SELECT id FROM site WHERE workspace_id = ? ORDER BY name LIMIT 1", workspace));
        UUID project = owner.firstProject(site);
        long rowsBefore = countOf(workspace, "scope_row");
        assertThat(owner.post("/sites/" + site + "/projects/" + project + "/delete", Map.of()).statusCode()).isEqualTo(303);
        assertThat(countOf(workspace, "scope_row")).isLessThan(rowsBefore);
        assertThat(withoutZeros(kept(workspace))).isEqualTo(withoutZeros(counted(workspace)));

        // What the home page shows is what the rows say.
        Document home = owner.page("/");
        assertThat(home.getElementById("site-total").text()).isEqualTo("6");
        assertThat(home.selectFirst("a.stat-card[href=/sites?status=ON_HOLD] strong").text()).isEqualTo("3");
        assertThat(home.select("select[name=vendor] option").eachText()).contains("Cerner", "Meditech").doesNotContain("Epic");
    }

    @Test
    void aHomePageViewFoldsPiledUpChangesAndKeepsThoseWrittenMeanwhile() {
        WebSession owner = WebSession.signUp("Counts Folded");
        UUID workspace = Db.workspaceOf(owner.email);
        assertThat(owner.post("/sites/import", Map.of("csv", "name,ehr_vendor,time_zone,template\n"
                + "Fold 1,Epic,America/Chicago,Lab results\nFold 2,Epic,America/Chicago,Lab results\n"
                + "Fold 3,Epic,America/Chicago,Lab results\n")).statusCode()).isEqualTo(303);
        owner.page("/");
        Db.asWorkspace(workspace, c -> {
            for (int i = 0; i < Dashboard.FOLD_AT / 2; i++) {  // each statement adds a row for each key it changes
                Db.update(c, "UPDATE site SET status = 'LIVE' WHERE workspace_id = ?", workspace);
                Db.update(c, "UPDATE site SET status = 'SCOPING' WHERE workspace_id = ?", workspace);
            }
            return null;
        });
        assertThat(countOf(workspace, "workspace_count")).isGreaterThan(Dashboard.FOLD_AT);
        try (OpenTransaction tx = OpenTransaction.begin(workspace)) {
            // A change not committed while the page folds: the fold must neither wait for it nor lose it.
            assertThat(tx.update("UPDATE site SET ehr_vendor = 'Cerner' WHERE workspace_id = ?", workspace)).isEqualTo(3);
            assertThat(owner.page("/").selectFirst("a.stat-card[href=/sites?status=SCOPING] strong").text()).isEqualTo("3");
            assertThat(countOf(workspace, "workspace_count")).as("one row per key whose sum is not 0").isLessThan(8);
            tx.commit();
        }
        assertThat(kept(workspace)).containsEntry("vendor:Cerner", 3L).containsEntry("status:SCOPING", 3L);
        assertThat(kept(workspace).getOrDefault("vendor:Epic", 0L)).isZero();
        assertThat(withoutZeros(kept(workspace))).isEqualTo(withoutZeros(counted(workspace)));
    }

    @Test
    void everyWorkspacesCountsEqualItsRows() throws SQLException {
        // Whatever the tests before this one wrote, as the database's superuser (row level security does not hide rows).
        WebSession owner = WebSession.signUp("Counts Everywhere");
        owner.createSite("Counted Clinic", "Lab results");
        try (Connection c = Db.superuser()) {
            Map<String, Long> kept = withoutZeros(read(c, KEPT, null));
            Map<String, Long> counted = withoutZeros(read(c, COUNTED, null));
            assertThat(counted).containsKey(Db.workspaceOf(owner.email) + " status:SCOPING");
            assertThat(kept).isEqualTo(counted);
        }
    }

    private static Map<String, Long> kept(UUID workspace) {
        return Db.asWorkspace(workspace, c -> read(c, KEPT, workspace));
    }

    private static Map<String, Long> counted(UUID workspace) {
        return Db.asWorkspace(workspace, c -> read(c, COUNTED, workspace));
    }

    private static long countOf(UUID workspace, String table) {
        return Db.asWorkspace(workspace, c -> Db.count(c, "SELECT count(*) FROM " + table));
    }

    /** kind:key to n; with every workspace (workspace null), the workspace first. */
    private static Map<String, Long> read(Connection c, String sql, UUID workspace) throws SQLException {
        Map<String, Long> found = new TreeMap<>();
        try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                String name = rs.getString(2) + ":" + rs.getString(3);
                found.put(workspace == null ? rs.getString(1) + " " + name : name, rs.getLong(4));
            }
        }
        return found;
    }

    private static Map<String, Long> withoutZeros(Map<String, Long> counts) {
        Map<String, Long> found = new TreeMap<>(counts);
        found.values().removeIf(n -> n == 0);
        return found;
    }
}
