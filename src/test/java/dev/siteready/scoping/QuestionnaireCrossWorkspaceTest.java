package dev.siteready.scoping;

import dev.siteready.support.WebSession;
import io.quarkus.test.junit.QuarkusTest;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Every questionnaire, partner link and questionnaire template route answers 404 for another workspace's ids. */
@QuarkusTest
class QuestionnaireCrossWorkspaceTest {

    @Test
    void anotherWorkspacesIdsAreNotFoundOnEveryRoute() {
        WebSession a = WebSession.signUp("Cross Questionnaire A");
        WebSession b = WebSession.signUp("Cross Questionnaire B");
        UUID site = b.createSite("B's Clinic " + UUID.randomUUID().toString().substring(0, 6), "Lab results");
        UUID project = b.firstProject(site);
        String base = "/sites/" + site + "/projects/" + project + "/questionnaire";
        b.post(base + "/links", Map.of("label", "B's partner", "days", "14"));
        String revoke = b.page(base + "/links").selectFirst("form[action$=/revoke]").attr("action");
        String template = b.page("/templates/questionnaires").selectFirst("table a[href^=/templates/questionnaires/]").attr("href");
        // A's own site with B's project: the project must belong to the site in the path
        UUID aSite = a.createSite("A's Clinic " + UUID.randomUUID().toString().substring(0, 6), "Lab results");
        String mixed = "/sites/" + aSite + "/projects/" + project + "/questionnaire";

        for (String prefix : List.of(base, mixed)) {
            for (String path : List.of(prefix, prefix + "/history?question=" + StandardQuestionnaire.HAS_EMPI + "&subject=",
                    prefix + "/print", prefix + "/export.csv", prefix + "/links")) {
                assertThat(a.get(path).statusCode()).as("GET " + path).isEqualTo(404);
            }
            Map<String, Map<String, Object>> posts = new LinkedHashMap<>();
            posts.put(prefix + "/start", Map.of("template", "x"));
            posts.put(prefix + "/answers", Map.of("question", StandardQuestionnaire.HAS_EMPI, "subject", "", "version", "", "value", "YES"));
            posts.put(prefix + "/follow-up", Map.of("question", StandardQuestionnaire.HAS_EMPI, "subject", "", "followUp", "true"));
            posts.put(prefix + "/comments", Map.of("question", StandardQuestionnaire.HAS_EMPI, "subject", "", "body", "hi"));
            posts.put(prefix + "/status", Map.of("to", "LOCKED"));
            posts.put(prefix + "/upgrade", Map.of());
            posts.put(prefix + "/links", Map.of("label", "A's link", "days", "14"));
            posts.forEach((path, form) -> assertThat(a.post(path, form).statusCode()).as("POST " + path).isEqualTo(404));
        }
        assertThat(a.post(revoke, Map.of()).statusCode()).as(revoke).isEqualTo(404);
        assertThat(a.get(template).statusCode()).isEqualTo(404);
        for (String action : List.of("/questions", "/sections", "/questions/remove", "/sections/remove", "/publish")) {
            assertThat(a.post(template + action, Map.of("title", "T", "label", "L", "type", "SHORT_TEXT", "section", "golive",
                    "key", StandardQuestionnaire.HAS_EMPI)).statusCode()).as(action).isEqualTo(404);
        }
        assertThat(a.get("/templates/questionnaires/" + UUID.randomUUID()).statusCode()).isEqualTo(404);

        // and B still has everything, unchanged
        assertThat(Jsoup.parse(b.get(base + "/links").body().asString()).select("table.links-table .link-state").text()).isEqualTo("Active");
        assertThat(b.page(base).selectFirst("#questionnaire-status").text()).isEqualTo("Sent");
    }
}
