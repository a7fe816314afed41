package dev.siteready.retro;

import dev.siteready.support.Db;
import dev.siteready.support.WebSession;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Every retrospective route, given another workspace's ids, answers 404 and changes nothing there. */
@QuarkusTest
class RetroCrossWorkspaceTest {

    @Test
    void anotherWorkspacesIdsAreNotFoundOnEveryRoute() {
        RetroFixture a = RetroFixture.started("Victim retro");
        UUID item = a.item("NOT_REQUIRED", "Victim item", "secret notes", "victim-tag", "");
        a.owner().post(a.base() + "/participants", Map.of("name", "Victim person", "role", "", "side", "VENDOR"));
        a.owner().post(a.base() + "/actions", Map.of("title", "Victim action", "owner", "Dev", "due", "", "item", ""));
        Response link = a.owner().post(a.base() + "/links", Map.of("label", "Victim partner", "days", "14"));
        assertThat(link.statusCode()).isEqualTo(200);
        Document form = a.owner().page(a.base() + "/items/" + item + "/propose?change=ADD_QUESTION");
        Response proposed = a.owner().post(a.base() + "/items/" + item + "/proposals", Map.of("change", "ADD_QUESTION",
                "target", RetroFixture.option(form, "target", "Patient"), "label", "Victim question?", "help", "", "type", "SHORT_TEXT"));
        assertThat(proposed.statusCode()).isEqualTo(303);
        Document page = a.page();
        String participant = page.selectFirst("#participant-list li").id().substring("participant-".length());
        String action = page.selectFirst("#action-table tbody tr").id().substring("action-".length());
        String linkId = page.selectFirst("#retro-links tbody tr").id().substring("link-".length());
        String proposal = a.owner().page("/retrospectives/proposals").selectFirst("#pending article").id().substring("proposal-".length());
        UUID victimWs = Db.workspaceOf(a.owner().email);
        String retroId = Db.asWorkspace(victimWs, c -> {
            try (var ps = c.prepareStatement("SELECT id FROM retrospective WHERE project_id = ?")) {
                ps.setObject(1, a.project());
                try (var rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getString(1);
                }
            }
        });
        long before = fingerprint(victimWs);

        RetroFixture b = RetroFixture.started("Attacker retro");
        WebSession attacker = b.owner();
        for (String base : List.of(a.base(), "/sites/" + b.site() + "/projects/" + a.project() + "/retrospective",
                "/sites/" + a.site() + "/projects/" + b.project() + "/retrospective")) {
            assertThat(attacker.get(base).statusCode()).as("GET " + base).isEqualTo(404);
            assertThat(attacker.get(base + "/items/" + item + "/propose").statusCode()).isEqualTo(404);
            for (Map.Entry<String, Map<String, Object>> post : posts(base, item, participant, action, linkId).entrySet()) {
                assertThat(attacker.post(post.getKey(), post.getValue()).statusCode()).as("POST " + post.getKey()).isEqualTo(404);
            }
        }
        // The attacker's own project path with the victim's item, action, participant and link ids
        for (Map.Entry<String, Map<String, Object>> post : posts(b.base(), item, participant, action, linkId).entrySet()) {
            if (post.getKey().equals(b.base()) || post.getKey().endsWith("/details") || post.getKey().endsWith("/participants")
                    || post.getKey().endsWith("/items") || post.getKey().endsWith("/actions") || post.getKey().endsWith("/links")) {
                continue; // these create in the attacker's own retrospective
            }
            assertThat(attacker.post(post.getKey(), post.getValue()).statusCode()).as("POST own path " + post.getKey()).isEqualTo(404);
        }
        assertThat(attacker.get(b.base() + "/items/" + item + "/propose").statusCode()).isEqualTo(404);
        assertThat(attacker.get("/retrospectives/" + retroId).statusCode()).isEqualTo(404);
        assertThat(attacker.get("/retrospectives/proposals/" + proposal).statusCode()).isEqualTo(404);
        assertThat(attacker.post("/retrospectives/proposals/" + proposal + "/accept", Map.of("note", "")).statusCode()).isEqualTo(404);
        assertThat(attacker.post("/retrospectives/proposals/" + proposal + "/reject", Map.of("note", "no")).statusCode()).isEqualTo(404);
        assertThat(attacker.page("/retrospectives").text()).doesNotContain("Victim");
        assertThat(attacker.page("/retrospectives/proposals").text()).doesNotContain("Victim");
        assertThat(attacker.page("/retrospectives?tag=victim-tag").select("article.retro-hit")).isEmpty();
        assertThat(attacker.page("/").text()).doesNotContain("Victim");
        String token = attacker.createApiToken("attacker");
        assertThat(attacker.get("/api/retrospectives?q=victim", Map.of("Authorization", "Bearer " + token)).jsonPath().getLong("total"))
                .isZero();
        assertThat(Jsoup.parse(attacker.get("/retrospectives/export.md").body().asString()).text()).doesNotContain("Victim");
        assertThat(fingerprint(victimWs)).isEqualTo(before);
    }

    private static Map<String, Map<String, Object>> posts(String base, UUID item, String participant, String action, String link) {
        Map<String, Map<String, Object>> posts = new LinkedHashMap<>();
        posts.put(base, Map.of());
        posts.put(base + "/details", Map.of("heldOn", "", "summary", "hijacked"));
        posts.put(base + "/participants", Map.of("name", "Intruder", "role", "", "side", "VENDOR"));
        posts.put(base + "/participants/" + participant + "/delete", Map.of());
        posts.put(base + "/items", Map.of("section", "WENT_WELL", "title", "Intruder item", "notes", "", "tags", "", "link", ""));
        posts.put(base + "/items/" + item, Map.of("section", "WENT_WELL", "title", "Hijacked", "notes", "", "tags", "", "link", ""));
        posts.put(base + "/items/" + item + "/delete", Map.of());
        posts.put(base + "/items/" + item + "/proposals", Map.of("change", "DROP_FIELD", "target", "x"));
        posts.put(base + "/actions", Map.of("title", "Intruder action", "owner", "x", "due", "", "item", ""));
        posts.put(base + "/actions/" + action, Map.of("status", "DONE"));
        posts.put(base + "/actions/" + action + "/delete", Map.of());
        posts.put(base + "/links", Map.of("label", "Intruder", "days", "14"));
        posts.put(base + "/links/" + link + "/revoke", Map.of());
        return posts;
    }

    /** Everything of the victim's retrospective that a hijack could change, as one number. */
    private static long fingerprint(UUID ws) {
        return Db.<Long>asWorkspace(ws, c -> Db.count(c, """
                SELECT hashtext(concat_ws('|',
                  (SELECT string_agg(r.summary || r.version, ',') FROM retrospective r),
                  (SELECT string_agg(i.title || i.version, ',' ORDER BY i.id) FROM retro_item i),
                  (SELECT string_agg(p.name, ',' ORDER BY p.id) FROM retro_participant p),
                  (SELECT string_agg(a.title || a.status || a.version, ',' ORDER BY a.id) FROM retro_action a),
                  (SELECT string_agg(l.label || coalesce(l.revoked_at::text, ''), ',' ORDER BY l.id) FROM partner_link l),
                  (SELECT string_agg(t.status || t.version, ',' ORDER BY t.id) FROM template_proposal t)))
                """));
    }
}
