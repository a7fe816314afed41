package dev.siteready.scoping;

import dev.siteready.support.Db;
import dev.siteready.support.WebSession;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Templates edited from pages that are no longer current: removing, publishing and deleting are refused with 409,
 * nothing is removed or published, and what the user typed stays on the form.
 */
@QuarkusTest
class TemplateConflictsTest {

    @Test
    void aQuestionnaireTemplateChangedSinceTheEditorWasShownIsNeitherTrimmedNorPublished() {
        WebSession owner = WebSession.signUp("Template Race Co");
        WebSession colleague = owner.addMember("MANAGER", "Casey Colleague");
        String href = owner.page("/templates/questionnaires").selectFirst("table a[href^=/templates/questionnaires/]").attr("href");
        Document mine = owner.page(href);
        Element removeQuestion = mine.selectFirst("form[action$=/questions/remove]");
        String questionKey = removeQuestion.selectFirst("input[name=key]").val();
        String shownVersion = removeQuestion.selectFirst("input[name=version]").val();

        // the colleague adds a question from a current editor: the template moves on
        String current = colleague.page(href).selectFirst("#add-question input[name=version]").val();
        assertThat(colleague.post(href + "/questions", Map.of("version", current, "section", "golive",
                "label", "Which interface engine do you run?", "type", "SHORT_TEXT", "repeat", "ONCE", "showIfQuestion", ""))
                .statusCode()).isEqualTo(303);

        Response remove = owner.post(href + "/questions/remove", Map.of("key", questionKey, "version", shownVersion));
        assertThat(remove.statusCode()).isEqualTo(409);
        assertThat(Jsoup.parse(remove.body().asString()).text()).contains("Someone else changed this template");
        assertThat(owner.page(href).select("form[action$=/questions/remove] input[name=key]").eachAttr("value"))
                .as("the question is still in the draft").contains(questionKey);

        Response publish = owner.post(href + "/publish", Map.of("version", shownVersion, "note", "Mine: trimmed the draft"));
        assertThat(publish.statusCode()).isEqualTo(409);
        Document refused = Jsoup.parse(publish.body().asString());
        assertThat(refused.getElementById("note").val()).isEqualTo("Mine: trimmed the draft");
        assertThat(refused.select("table.versions tbody tr")).as("no version published").hasSize(1);

        String now = refused.selectFirst("form[action$=/publish] input[name=version]").val();
        assertThat(now).isNotEqualTo(shownVersion);
        assertThat(owner.post(href + "/publish", Map.of("version", now, "note", "Mine: trimmed the draft")).statusCode())
                .isEqualTo(303);
        assertThat(owner.page(href).select("table.versions tbody tr")).hasSize(2);
    }

    @Test
    void anOnboardingTemplateChangedSinceTheListWasShownIsNotDeleted() {
        WebSession owner = WebSession.signUp("Onboarding Race Co");
        Element delete = owner.page("/templates").selectFirst("form[action$=/delete]");
        String action = delete.attr("action");
        UUID templateId = UUID.fromString(action.split("/")[2]);
        String shownVersion = delete.selectFirst("input[name=version]").val();

        // someone else's change to the template (a new version from a retrospective's proposal, for instance)
        Db.asWorkspace(Db.workspaceOf(owner.email), c -> Db.update(c,
                "UPDATE onboarding_template SET version = version + 1 WHERE id = ?", templateId));

        Response refused = owner.post(action, Map.of("version", shownVersion));
        assertThat(refused.statusCode()).isEqualTo(409);
        Document page = Jsoup.parse(refused.body().asString());
        assertThat(page.getElementById("templates-problem").text()).contains("Someone else changed the template");
        assertThat(page.select("form[action=" + action + "]")).as("still listed").hasSize(1);

        String current = page.selectFirst("form[action=" + action + "] input[name=version]").val();
        assertThat(owner.post(action, Map.of("version", current)).statusCode()).isEqualTo(303);
        assertThat(owner.page("/templates").select("form[action=" + action + "]")).isEmpty();
    }
}
