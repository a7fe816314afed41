package dev.siteready.testing;

import dev.siteready.partner.PartnerCookie;
import dev.siteready.support.Db;
import dev.siteready.support.WebSession;
import dev.siteready.time.AppClock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The partner's go-live sign-off through a link: the same rules as questionnaire links. */
@QuarkusTest
class SignOffLinkTest {

    @Test
    void aPartnerSignsThroughTheLinkWithoutAnAccount() {
        TestingTest.Setup s = TestingTest.setup("SignLink");
        String link = TestingTest.SignOffLinks.create(s, "Pat Lee");
        assertThat(s.page().select("#sign-off-links td").eachText()).contains("Pat Lee", "Active");
        WebSession partner = WebSession.fromOwnAddress();
        Response opened = partner.get(link);
        assertThat(opened.statusCode()).isEqualTo(303);
        String portal = opened.header("Location").substring(opened.header("Location").indexOf("/partner/"));
        assertThat(portal).isEqualTo("/partner/sign-off/" + s.project());
        String setCookie = opened.headers().getValues("Set-Cookie").stream().filter(h -> h.startsWith(PartnerCookie.NAME + "="))
                .findFirst().orElseThrow();
        assertThat(setCookie).contains("Path=" + portal).contains("HttpOnly").doesNotContain(link.substring(3));

        Response page = partner.get(portal);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.header("X-Robots-Tag")).contains("noindex");
        assertThat(page.header("Cache-Control")).contains("no-store");
        Document doc = Jsoup.parse(page.body().asString());
        assertThat(doc.select("#signed-scope tbody tr td:eq(0)").eachText()).containsExactly("Order", "Results");
        assertThat(doc.getElementById("scope-version").text()).isEqualTo(s.page().getElementById("scope-version").text());

        // invalid input stays on screen with the message; markup comes back escaped
        Response bad = partner.post(portal, Map.of("name", "<script>alert(1)</script>", "role", "", "confirm", "yes",
                "scopeVersion", doc.getElementById("scope-version").text()));
        assertThat(bad.statusCode()).isEqualTo(400);
        Document badDoc = Jsoup.parse(bad.body().asString());
        assertThat(badDoc.getElementById("sign-problem").text()).contains("role");
        assertThat(badDoc.selectFirst("input[name=name]").val()).isEqualTo("<script>alert(1)</script>");
        assertThat(bad.body().asString()).doesNotContain("<script>alert(1)");
        Response huge = partner.post(portal, Map.of("name", "P".repeat(1_000_000), "role", "Analyst", "confirm", "yes",
                "scopeVersion", doc.getElementById("scope-version").text()));
        assertThat(huge.statusCode()).isEqualTo(400);

        assertThat(TestingTest.SignOffLinks.sign(partner, portal, "Pat Lee", "Interface analyst").statusCode()).isEqualTo(303);
        assertThat(Jsoup.parse(partner.get(portal).body().asString()).getElementById("already-signed").text())
                .contains("Pat Lee (Interface analyst)");
        Document team = s.page();
        assertThat(team.getElementById("partner-sign-off").text()).contains("Pat Lee (Interface analyst)");
        assertThat(team.select("#sign-offs li").text()).contains("through a sign-off link");
        // the link's access log records the sign-off, like questionnaire links
        UUID workspace = Db.workspaceOf(s.owner().email);
        assertThat(Db.<Long>asWorkspace(workspace, c -> Db.count(c, "SELECT count(*) FROM partner_link_access a JOIN partner_link l"
                + " ON l.workspace_id = a.workspace_id AND l.id = a.link_id WHERE l.project_id = ? AND a.action LIKE 'Signed off%'",
                s.project()))).isEqualTo(1);
    }

    @Test
    void theNewLinkIsShownAtTheSignOffSectionAndItsAddressLeadsBackThere() {
        TestingTest.Setup s = TestingTest.setup("SignInView");
        assertThat(s.page().getElementById("sign-off-link-form").attr("action")).isEqualTo(s.base() + "/sign-off-links#new-link-box");

        Response created = s.owner().post(s.base() + "/sign-off-links", Map.of("label", "Pat <b>Lee</b>", "days", "14"));
        assertThat(created.statusCode()).isEqualTo(200);
        Document doc = Jsoup.parse(created.body().asString());
        var box = doc.getElementById("new-link-box");
        assertThat(box.hasAttr("data-focus-on-load")).isTrue();
        assertThat(box.attr("tabindex")).isEqualTo("-1");
        assertThat(box.closest("section").id()).isEqualTo("sign-off");
        assertThat(box.selectFirst("h3").text()).isEqualTo("Sign-off link for Pat <b>Lee</b>");
        assertThat(box.select("b")).isEmpty();
        assertThat(doc.getElementById("new-link").text()).contains("/p/");

        // refused input stays in the form, with the problem in the same section
        Response refused = s.owner().post(s.base() + "/sign-off-links", Map.of("label", " ", "days", "30"));
        assertThat(refused.statusCode()).isEqualTo(400);
        Document again = Jsoup.parse(refused.body().asString());
        assertThat(again.getElementById("sign-problem").closest("section").id()).isEqualTo("sign-off");
        assertThat(again.getElementById("sign-problem").hasAttr("data-focus-on-load")).isTrue();
        assertThat(again.selectFirst("#sign-off-link-form input[name=days]").val()).isEqualTo("30");
        assertThat(again.getElementById("new-link-box")).isNull();

        // the form's address opened in the browser leads to the sign-off section; another workspace gets 404
        Response opened = s.owner().get(s.base() + "/sign-off-links");
        assertThat(opened.statusCode()).isEqualTo(303);
        assertThat(opened.header("Location")).endsWith(s.base() + "#sign-off");
        assertThat(TestingTest.setup("SignInViewOther").owner().get(s.base() + "/sign-off-links").statusCode()).isEqualTo(404);
    }

    @Test
    void expiredRevokedAndForeignLinksDoNotOpenTheSignOff() {
        TestingTest.Setup s = TestingTest.setup("SignExpiry");
        String expired = TestingTest.SignOffLinks.create(s, "Expired");
        String revoked = TestingTest.SignOffLinks.create(s, "Revoked");
        String kept = TestingTest.SignOffLinks.create(s, "Kept");
        WebSession keptPartner = WebSession.fromOwnAddress();
        String portal = TestingTest.SignOffLinks.open(keptPartner, kept);
        UUID workspace = Db.workspaceOf(s.owner().email);
        Db.asWorkspace(workspace, c -> Db.update(c, "UPDATE partner_link SET expires_at = ?"
                + " WHERE label = 'Expired' AND project_id = ?", AppClock.now().minusMinutes(1), s.project()));
        Document page = s.page();
        String revokeAction = page.select("#sign-off-links tr").stream().filter(tr -> tr.text().startsWith("Revoked"))
                .findFirst().orElseThrow().selectFirst("form").attr("action");
        assertThat(s.owner().post(revokeAction, Map.of()).statusCode()).isEqualTo(303);
        for (String link : List.of(expired, revoked, "/p/pl_" + "x".repeat(43))) {
            Response r = WebSession.fromOwnAddress().get(link);
            assertThat(r.statusCode()).as(link).isEqualTo(404);
            assertThat(Jsoup.parse(r.body().asString()).selectFirst("h1").text()).isEqualTo("This link is not valid");
        }
        assertThat(keptPartner.get(portal).statusCode()).isEqualTo(200);
        // revoking takes effect at once for a partner who opened the link already
        String keptRevoke = s.page().select("#sign-off-links tr").stream().filter(tr -> tr.text().startsWith("Kept"))
                .findFirst().orElseThrow().selectFirst("form").attr("action");
        assertThat(s.owner().post(keptRevoke, Map.of()).statusCode()).isEqualTo(303);
        assertThat(keptPartner.get(portal).statusCode()).isEqualTo(404);
        assertThat(keptPartner.post(portal, Map.of("name", "Pat", "role", "Analyst", "confirm", "yes",
                "scopeVersion", s.page().getElementById("scope-version").text())).statusCode()).isEqualTo(404);
        assertThat(s.page().getElementById("partner-sign-off").text()).isEqualTo("Not signed");
    }

    @Test
    void aLinkOpensOnlyWhatItWasMadeFor() {
        TestingTest.Setup s = TestingTest.setup("SignScope");
        TestingTest.Setup other = TestingTest.setup("SignOther");
        String link = TestingTest.SignOffLinks.create(s, "Pat Lee");
        WebSession partner = WebSession.fromOwnAddress();
        TestingTest.SignOffLinks.open(partner, link);
        String cookie = partner.cookie(PartnerCookie.NAME);
        // the cookie names one project: another project's sign-off page, or this project's questionnaire, is not reachable
        WebSession elsewhere = WebSession.fromOwnAddress().withCookie(PartnerCookie.NAME, cookie);
        assertThat(elsewhere.get("/partner/sign-off/" + other.project()).statusCode()).isEqualTo(404);
        assertThat(elsewhere.get("/partner/" + s.project()).statusCode()).isEqualTo(404);
        // a tampered cookie is refused
        WebSession tampered = WebSession.fromOwnAddress().withCookie(PartnerCookie.NAME, cookie.substring(0, cookie.length() - 2) + "xx");
        assertThat(tampered.get("/partner/sign-off/" + s.project()).statusCode()).isEqualTo(404);
        // the sign-off form needs the CSRF token
        Response noCsrf = partner.rawPost("/partner/sign-off/" + s.project(), Map.of("name", "Pat", "role", "Analyst", "confirm", "yes",
                "scopeVersion", s.page().getElementById("scope-version").text()));
        assertThat(noCsrf.statusCode()).isIn(400, 403);
    }
}
