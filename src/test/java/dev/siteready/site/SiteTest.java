package dev.siteready.site;

import dev.siteready.support.WebSession;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

@QuarkusTest
class SiteTest {

    static Map<String, String> siteForm(String name) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("name", name);
        form.put("ehrVendor", "Epic");
        form.put("timeZone", "America/Chicago");
        form.put("status", "SCOPING");
        form.put("environmentNotes", "VPN via Redox");
        form.put("template", "Lab results");
        form.put("contactName", "Pat Lee");
        form.put("contactRole", "Interface analyst");
        form.put("contactEmail", "pat@riverside.example");
        return form;
    }

    @Test
    void onboardingFromATemplateCreatesSiteProjectAndScopeInOneSubmit() {
        WebSession owner = WebSession.signUp("Onboard Co");
        Document form = owner.page("/sites/new");
        assertThat(form.select("input[name=template]").eachAttr("value"))
                .contains("Lab results", "Scheduling and registration", "Clinical notes back to the EHR", "");

        Response created = owner.post("/sites", siteForm("Riverside Health"));
        assertThat(created.statusCode()).isEqualTo(303);
        Document site = owner.page(created.header("Location").replaceFirst("^https?://[^/]+", ""));
        assertThat(site.selectFirst("h1").text()).isEqualTo("Riverside Health");
        assertThat(site.selectFirst(".flash-success").text()).contains("Site Riverside Health onboarded");
        assertThat(site.select(".facts dd").eachText()).contains("Scoping", "Epic", "America/Chicago");
        assertThat(site.select("article.project h3").eachText()).containsExactly("Initial integration");
        assertThat(site.select(".scope-summary tbody tr").eachText())
                .anyMatch(t -> t.startsWith("Order Cancel, New, Update Out of the product HL7 v2 over VPN/MLLP 400 60"))
                .anyMatch(t -> t.startsWith("Results New Into the product HL7 v2 over VPN/MLLP 2000 300"));
        assertThat(site.selectFirst("#site-volume").text()).contains("2400 messages / day").contains("peak 360 / hour");
        assertThat(site.select("#contacts-heading ~ table tbody td").eachText()).contains("Pat Lee", "Interface analyst");

        String location = created.header("Location");
        UUID siteId = UUID.fromString(location.substring(location.lastIndexOf('/') + 1));
        Document projectPage = owner.page("/sites/" + siteId + "/projects/" + owner.firstProject(siteId));
        assertThat(projectPage.select("input[name=patientId][checked]").eachAttr("value")).containsExactly("MR");
        assertThat(projectPage.select("input[name=providerId][checked]").eachAttr("value")).containsExactly("NPI");
        assertThat(projectPage.select("input[name=codeSystem][checked]")).hasSize(1);
        assertThat(projectPage.select(".workflows li").text()).contains("Order placed in product");
    }

    @Test
    void invalidInputStaysOnScreenWithMessages() {
        WebSession owner = WebSession.signUp("Site Invalid Co");
        Map<String, String> form = siteForm("");
        form.put("timeZone", "Mars/Olympus");
        form.put("contactEmail", "not-an-email");
        form.put("ehrVendor", "<script>alert(1)</script>");
        Response response = owner.post("/sites", form);

        assertThat(response.statusCode()).isEqualTo(400);
        Document page = Jsoup.parse(response.body().asString());
        assertThat(page.selectFirst("#name-error").text()).isEqualTo("Enter the site's name.");
        assertThat(page.selectFirst("#timeZone-error").text()).contains("America/Chicago");
        assertThat(page.selectFirst("#contactEmail-error").text()).contains("e-mail address like");
        assertThat(page.selectFirst("#ehrVendor").attr("value")).isEqualTo("<script>alert(1)</script>");
        assertThat(page.selectFirst("#contactName").attr("value")).isEqualTo("Pat Lee");
        assertThat(page.select("input[name=template][checked]").attr("value")).isEqualTo("Lab results");
        assertThat(page.select("main script")).isEmpty();
    }

    @Test
    void hostileAndHugeValuesAreEscapedOrRefused() {
        WebSession owner = WebSession.signUp("Site Hostile Co");
        for (String field : new String[] { "name", "ehrVendor", "environmentNotes", "contactName", "contactRole", "contactEmail", "template" }) {
            for (String hostile : new String[] { "<img src=x onerror=alert(1)>", "h".repeat(1024 * 1024), "nul\u0000byte" }) {
                Map<String, String> form = siteForm("Hostile " + UUID.randomUUID());
                form.put(field, hostile);
                Response response = owner.post("/sites", form);
                assertThat(response.statusCode()).as(field).isIn(303, 400);
                assertThat(response.body().asString()).doesNotContain("<img src=x");
            }
        }
        Document list = owner.page("/sites?q=hostile");
        assertThat(list.select("main img")).isEmpty();
    }

    @Test
    void duplicateNamesAreRefused() {
        WebSession owner = WebSession.signUp("Site Duplicate Co");
        owner.createSite("Twin Hospital", "");
        Response again = owner.post("/sites", siteForm("twin hospital"));
        assertThat(again.statusCode()).isEqualTo(400);
        assertThat(Jsoup.parse(again.body().asString()).selectFirst("#name-error").text()).contains("exists already");
        // Another workspace may use the same name.
        WebSession other = WebSession.signUp("Site Duplicate Other Co");
        assertThat(other.createSite("Twin Hospital", "")).isNotNull();
    }

    @Test
    void editingWithAStalePageKeepsTheInputAndSaysSo() {
        WebSession owner = WebSession.signUp("Site Edit Co");
        UUID id = owner.createSite("Edit Me", "");
        Document edit = owner.page("/sites/" + id + "/edit");
        String version = edit.selectFirst("input[name=version]").attr("value");
        Map<String, String> form = new HashMap<>(Map.of("name", "Edited Name", "ehrVendor", "MEDITECH", "timeZone", "America/Denver",
                "status", "LIVE", "environmentNotes", "", "version", version));
        assertThat(owner.post("/sites/" + id, form).statusCode()).isEqualTo(303);
        assertThat(owner.page("/sites/" + id).select(".facts dd").eachText()).contains("Live", "MEDITECH", "America/Denver");

        form.put("name", "My Stale Edit");
        Response stale = owner.post("/sites/" + id, form);
        assertThat(stale.statusCode()).isEqualTo(409);
        Document page = Jsoup.parse(stale.body().asString());
        assertThat(page.selectFirst("#form").text()).contains("Someone else saved this site");
        assertThat(page.selectFirst("#name").attr("value")).isEqualTo("My Stale Edit");
        assertThat(owner.page("/sites/" + id).selectFirst("h1").text()).isEqualTo("Edited Name");
    }

    @Test
    void contactsCanBeAddedAndRemoved() {
        WebSession owner = WebSession.signUp("Site Contacts Co");
        UUID id = owner.createSite("Contact Hospital", "");
        Response invalid = owner.post("/sites/" + id + "/contacts", Map.of("name", "", "role", "CIO", "email", "x"));
        assertThat(invalid.statusCode()).isEqualTo(400);
        Document page = Jsoup.parse(invalid.body().asString());
        assertThat(page.selectFirst("#role").attr("value")).isEqualTo("CIO");
        assertThat(page.selectFirst("#name-error").text()).isEqualTo("Enter the contact's name.");

        assertThat(owner.post("/sites/" + id + "/contacts", Map.of("name", "Dana IT", "role", "CIO", "email", "dana@example.org"))
                .statusCode()).isEqualTo(303);
        Document site = owner.page("/sites/" + id);
        assertThat(site.select("#contacts-heading ~ table tbody tr")).hasSize(2);
        Element removeForm = site.select("form[action*=/contacts/][action$=/remove]").last();
        assertThat(owner.post(removeForm.attr("action"), Map.of("version", removeForm.selectFirst("input[name=version]").attr("value")))
                .statusCode()).isEqualTo(303);
        assertThat(owner.page("/sites/" + id).select("#contacts-heading ~ table tbody tr")).hasSize(1);
    }

    @Test
    void deletingNeedsTheNameTyped() {
        WebSession owner = WebSession.signUp("Site Delete Co");
        UUID id = owner.createSite("Doomed Clinic", "Lab results");
        assertThat(owner.post("/sites/" + id + "/delete", Map.of("confirmName", "wrong")).statusCode()).isEqualTo(303);
        assertThat(owner.get("/sites/" + id).statusCode()).isEqualTo(200);
        assertThat(owner.post("/sites/" + id + "/delete", Map.of("confirmName", "doomed clinic")).statusCode()).isEqualTo(303);
        assertThat(owner.get("/sites/" + id).statusCode()).isEqualTo(404);
    }

    @Test
    void listSearchesFiltersSortsAndPages() {
        WebSession owner = WebSession.signUp("Site List Co");
        StringBuilder csv = new StringBuilder("name,ehr_vendor,time_zone,status\n");
        for (int i = 1; i <= 30; i++) {
            csv.append(String.format("Hospital %02d,%s,America/Chicago,%s%n", i, i % 3 == 0 ? "Cerner" : "Epic", i % 2 == 0 ? "Live" : "Scoping"));
        }
        assertThat(owner.post("/sites/import", Map.of("csv", csv.toString())).statusCode()).isEqualTo(303);

        Document first = owner.page("/sites");
        assertThat(first.selectFirst("#site-count").text()).contains("30 sites").contains("page 1 of 2");
        assertThat(first.select("#site-results tbody tr")).hasSize(25);
        assertThat(first.selectFirst("#site-results tbody td a").text()).isEqualTo("Hospital 01");
        Document second = owner.page(first.selectFirst("a[rel=next]").attr("href"));
        assertThat(second.select("#site-results tbody tr")).hasSize(5);

        Document cerner = owner.page("/sites?q=cern");
        assertThat(cerner.select("#site-results tbody tr")).hasSize(10);
        Document live = owner.page("/sites?status=LIVE&sort=-name");
        assertThat(live.select("#site-results tbody tr")).hasSize(15);
        assertThat(live.selectFirst("#site-results tbody td a").text()).isEqualTo("Hospital 30");
        assertThat(owner.page("/sites?q=%25").select("#site-results tbody tr")).isEmpty();
        assertThat(owner.page("/sites?q=Hospital 01\u0000").select("#site-results tbody tr")).hasSize(1);
        assertThat(owner.page("/sites?q=" + "x".repeat(1000)).select("#site-results tbody tr")).isEmpty();
        assertThat(owner.page("/sites?page=100000000").select("#site-results tbody tr")).isEmpty();
        assertThat(owner.page("/sites?page=-5").select("#site-results tbody tr")).hasSize(25);
        assertThat(owner.page("/catalog/changes?page=2147483647").select("tbody tr")).isEmpty();
        assertThat(owner.page("/sites?q=nothing-like-this").selectFirst(".empty-state").text()).contains("No site matches");

        Response fragment = owner.get("/sites?q=cern", Map.of("HX-Request", "true"));
        assertThat(fragment.body().asString()).doesNotContain("<html").contains("id=\"site-results\"");
    }

    @Test
    void viewersSeeSitesButCannotOnboardOrEdit() {
        WebSession owner = WebSession.signUp("Site Viewer Co");
        UUID id = owner.createSite("Viewed Hospital", "Lab results");
        WebSession viewer = owner.addMember("VIEWER", "Vera");
        Document site = viewer.page("/sites/" + id);
        assertThat(site.select("a[href$=/edit], form[action$=/contacts], form[action$=/delete]")).isEmpty();
        assertThat(viewer.get("/sites/new").statusCode()).isEqualTo(403);
        assertThat(viewer.post("/sites", siteForm("Sneaky")).statusCode()).isEqualTo(403);
    }
}
