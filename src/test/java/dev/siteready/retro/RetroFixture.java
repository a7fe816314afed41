package dev.siteready.retro;

import dev.siteready.support.Db;
import dev.siteready.support.WebSession;
import dev.siteready.time.AppClock;
import io.restassured.response.Response;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** A signed-up owner with a site onboarded from "Lab results" and a started retrospective. */
record RetroFixture(WebSession owner, UUID site, UUID project, String base) {

    static RetroFixture started(String name) {
        RetroFixture f = unstarted(name);
        Response started = f.owner.post(f.base, Map.of());
        assertThat(started.statusCode()).as(started.body().asString()).isEqualTo(303);
        return f;
    }

    static RetroFixture unstarted(String name) {
        WebSession owner = WebSession.signUp(name + " Vendor");
        UUID site = owner.createSite(name + " Hospital " + UUID.randomUUID().toString().substring(0, 6), "Lab results");
        UUID project = owner.firstProject(site);
        return new RetroFixture(owner, site, project, "/sites/" + site + "/projects/" + project + "/retrospective");
    }

    Document page() {
        return owner.page(base);
    }

    /** Adds an item and returns its id. */
    UUID item(String section, String title, String notes, String tags, String link) {
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("section", section);
        form.put("title", title);
        form.put("notes", notes);
        form.put("tags", tags);
        form.put("link", link);
        Response r = owner.post(base + "/items", form);
        assertThat(r.statusCode()).as(r.body().asString()).isEqualTo(303);
        String location = r.header("Location");
        return UUID.fromString(location.substring(location.indexOf("#item-") + "#item-".length()));
    }

    /** The value of the option whose label contains the text, in the select named, on the page. */
    static String option(Document doc, String select, String labelPart) {
        Element option = doc.select("select[name=" + select + "] option").stream()
                .filter(o -> o.text().contains(labelPart)).findFirst()
                .orElseThrow(() -> new AssertionError("no option with " + labelPart + " in " + doc.select("select[name=" + select + "]")));
        return option.val();
    }

    /** Marks the project live since the given number of the site's days (as the testing gates would, but directly). */
    void liveSince(int days) {
        LocalDate end = AppClock.today(WebSession.SITE_ZONE).minusDays(days);
        Db.asWorkspace(Db.workspaceOf(owner.email), c -> Db.update(c, "UPDATE test_phase SET status = 'PASSED', actual_start = ?,"
                + " actual_end = ? WHERE project_id = ? AND kind = 'GO_LIVE'", end, end, project));
    }

    static String flash(Response redirect) {
        return java.net.URLDecoder.decode(redirect.getCookie("siteready-flash"), java.nio.charset.StandardCharsets.UTF_8);
    }

    static Document parse(Response r) {
        return Jsoup.parse(r.body().asString());
    }
}
