package dev.siteready.catalog;

import dev.siteready.support.Db;
import dev.siteready.support.LogCapture;
import dev.siteready.support.OpenTransaction;
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

/** Catalog changes from a page that is out of date, and additions that collide at commit. */
@QuarkusTest
class CatalogConflictsTest {

    @Test
    void aFieldRetypedFromAStalePageIsRefusedWithTheChosenTypeKept() {
        WebSession owner = WebSession.signUp("Retype Race Co");
        UUID results = CatalogTest.modelId(owner.page("/catalog"), "Results");
        assertThat(owner.post("/catalog/models/" + results + "/fields", Map.of("path", "Orders[].Results[].Note", "type", "string",
                "description", "")).statusCode()).isEqualTo(303);
        Element row = CatalogTest.fieldRow(CatalogTest.model(owner.page("/catalog"), "Results"), "Orders[].Results[].Note");
        String action = row.selectFirst("form[action$=/type]").attr("action");
        String version = row.selectFirst("input[name=version]").val();
        assertThat(owner.post(action, Map.of("type", "number", "version", version)).statusCode()).isEqualTo(303);

        Response stale = owner.post(action, Map.of("type", "date", "version", version));
        assertThat(stale.statusCode()).isEqualTo(409);
        Document page = Jsoup.parse(stale.body().asString());
        assertThat(page.selectFirst("#catalog-problem").text()).contains("was changed by someone else");
        Element shown = CatalogTest.fieldRow(CatalogTest.model(page, "Results"), "Orders[].Results[].Note");
        assertThat(shown.selectFirst("select[name=type] option[selected]").text()).isEqualTo("date");
        assertThat(CatalogTest.model(page, "Results").hasAttr("open")).isTrue();
        assertThat(CatalogTest.fieldRow(CatalogTest.model(owner.page("/catalog"), "Results"), "Orders[].Results[].Note").text())
                .contains("number");
        Response stale2 = owner.post(action.replace("/type", "/remove"), Map.of("version", version));
        assertThat(stale2.statusCode()).isEqualTo(409);
    }

    @Test
    void anEventAddedWhileTheSameOneCommitsIsA409FragmentForHtmxWithoutAStackTrace() throws Exception {
        WebSession owner = WebSession.signUp("Event Race Co");
        UUID results = CatalogTest.modelId(owner.page("/catalog"), "Results");
        Response response;
        try (LogCapture log = LogCapture.start(); OpenTransaction theirs = OpenTransaction.begin(Db.workspaceOf(owner.email))) {
            theirs.update("INSERT INTO data_model_event (workspace_id, id, data_model_id, name) VALUES (app_current_workspace(),"
                    + " gen_random_uuid(), ?, 'Resend')", results);
            response = theirs.commitWhileWaiting(() -> owner.htmxPost("/catalog/models/" + results
                    + "/events", Map.of("name", "Resend", "description", "Mine")));
            assertThat(log.stackTracesAndCommitFailures()).isEmpty();
        }
        assertThat(response.statusCode()).isEqualTo(409);
        assertThat(response.body().asString()).doesNotContain("<html");
        assertThat(response.header("HX-Retarget")).isEqualTo("#request-error");
        Element notice = Jsoup.parseBodyFragment(response.body().asString()).getElementById("request-error");
        assertThat(notice.text()).contains("Changed by someone else");
        assertThat(notice.hasAttr("hidden")).isFalse();
    }
}
