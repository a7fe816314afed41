package dev.siteready.site;

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

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** A site's details and contacts changed by two people at once: the later save is refused with its input kept. */
@QuarkusTest
class SiteConflictsTest {

    @Test
    void anEditSavedWhileAnotherSaveCommitsIsRefusedWithTheInputKept() throws Exception {
        WebSession owner = WebSession.signUp("Site Race Co");
        UUID id = owner.createSite("Site Race Hospital", "");
        Document edit = owner.page("/sites/" + id + "/edit");
        long version = Long.parseLong(edit.selectFirst("input[name=version]").val());
        Map<String, String> mine = new LinkedHashMap<>();
        mine.put("name", "Site Race Hospital");
        mine.put("ehrVendor", "Epic");
        mine.put("timeZone", "America/Chicago");
        mine.put("status", "SCOPING");
        mine.put("environmentNotes", "Mine: test system is TST2.");
        mine.put("version", String.valueOf(version));

        Response response;
        try (LogCapture log = LogCapture.start(); OpenTransaction theirs = OpenTransaction.begin(Db.workspaceOf(owner.email))) {
            theirs.update("UPDATE site SET environment_notes = 'Theirs', version = version + 1 WHERE id = ?", id);
            response = theirs.commitWhileWaiting(() -> owner.post("/sites/" + id, mine));
            assertThat(log.stackTracesAndCommitFailures()).isEmpty();
        }
        assertThat(response.statusCode()).isEqualTo(409);
        Document form = Jsoup.parse(response.body().asString());
        assertThat(form.text()).contains("Someone else saved this site while you were editing");
        assertThat(form.selectFirst("textarea[name=environmentNotes]").text()).isEqualTo("Mine: test system is TST2.");
        assertThat(form.selectFirst("input[name=version]").val()).isEqualTo(String.valueOf(version + 1));
        assertThat(owner.page("/sites/" + id + "/edit").selectFirst("textarea[name=environmentNotes]").text()).isEqualTo("Theirs");
    }

    @Test
    void aContactChangedSinceThePageWasShownIsNotRemoved() {
        WebSession owner = WebSession.signUp("Contact Race Co");
        UUID id = owner.createSite("Contact Race Hospital", "");
        Element remove = owner.page("/sites/" + id).selectFirst("form[action*=/contacts/][action$=/remove]");
        long version = Long.parseLong(remove.selectFirst("input[name=version]").val());

        Response stale = owner.post(remove.attr("action"), Map.of("version", String.valueOf(version + 1)));
        assertThat(stale.statusCode()).isEqualTo(409);
        assertThat(Jsoup.parse(stale.body().asString()).selectFirst("#error-summary").text()).contains("Someone else changed this contact");
        assertThat(owner.page("/sites/" + id).select("#contacts-heading ~ table tbody tr")).hasSize(1);
        assertThat(owner.post(remove.attr("action"), Map.of("version", String.valueOf(version))).statusCode()).isEqualTo(303);
    }
}
