package dev.siteready.onboarding;

import dev.siteready.support.Db;
import dev.siteready.support.LogCapture;
import dev.siteready.support.OpenTransaction;
import dev.siteready.support.WebSession;
import dev.siteready.tenant.WorkspaceOwned;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two people save a scope as a template of the same name at the same moment: the later one is told the name is taken,
 * with the name they typed still on the form, instead of failing at the unique index.
 */
@QuarkusTest
class SaveTemplateRaceTest {

    @Test
    void aTemplateNameTakenByASaveThatCommitsMeanwhileIsRefusedWithTheInputKept() throws Exception {
        WebSession owner = WebSession.signUp("Template Name Race Co");
        UUID site = owner.createSite("Template Race Source", "Lab results");
        String base = "/sites/" + site + "/projects/" + owner.firstProject(site);
        UUID workspace = Db.workspaceOf(owner.email);

        Response response;
        try (LogCapture log = LogCapture.start(); OpenTransaction theirs = OpenTransaction.begin(workspace)) {
            // their save claims the name as the application does, and inserts the template, not yet committed
            theirs.update("INSERT INTO onboarding_template (workspace_id, id, name, scope) "
                    + "SELECT ?::uuid, gen_random_uuid(), 'Race template', '{}'::jsonb FROM (" + WorkspaceOwned.NAME_CLAIM + ") claim",
                    workspace.toString(), "onboarding_template", "race template");
            response = theirs.commitWhileWaiting(
                    () -> owner.post(base + "/template", Map.of("name", "RACE Template")));
            assertThat(log.stackTracesAndCommitFailures()).isEmpty();
        }
        assertThat(response.statusCode()).isEqualTo(400);
        Document page = Jsoup.parse(response.body().asString());
        assertThat(page.text()).contains("A template called RACE Template exists already.");
        assertThat(page.getElementById("template-name").val()).isEqualTo("RACE Template");
        assertThat(owner.page("/templates").select("article h2").eachText()).containsOnlyOnce("Race template");
    }
}
