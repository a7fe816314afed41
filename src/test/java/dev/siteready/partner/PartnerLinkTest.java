package dev.siteready.partner;

import dev.siteready.scoping.AnswerKey;
import dev.siteready.account.SecretTokens;
import dev.siteready.scoping.StandardQuestionnaire;
import dev.siteready.support.Db;
import dev.siteready.support.PinnedClock;
import dev.siteready.support.LogCapture;
import dev.siteready.support.WebSession;
import dev.siteready.time.AppClock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** Partner links: the secret, the cookie it is traded for, what a partner can and cannot reach. */
@QuarkusTest
@Isolated // pins the application's clock
class PartnerLinkTest {

    @Inject
    PinnedClock clock;

    record Setup(WebSession owner, UUID site, UUID project, String base) {
        /** Creates a link on the links page and returns its URL's path (/p/...). */
        String link(String label, String... sections) {
            Map<String, Object> form = new LinkedHashMap<>();
            form.put("label", label);
            form.put("days", "14");
            form.put("sections", List.of(sections));
            Response response = owner.post(base + "/links", form);
            assertThat(response.statusCode()).as(response.body().asString()).isEqualTo(200);
            String url = Jsoup.parse(response.body().asString()).selectFirst("#new-link").text();
            return url.substring(url.indexOf("/p/"));
        }
    }

    static Setup setup(String name) {
        WebSession owner = WebSession.signUp(name + " Vendor");
        UUID site = owner.createSite(name + " Medical Center " + UUID.randomUUID().toString().substring(0, 6), "Lab results");
        UUID project = owner.firstProject(site);
        return new Setup(owner, site, project, "/sites/" + site + "/projects/" + project + "/questionnaire");
    }

    /** Opens the link as a partner from a fresh browser and returns the questionnaire page's path. */
    static String open(WebSession partner, String link) {
        Response response = partner.get(link);
        assertThat(response.statusCode()).isEqualTo(303);
        String location = response.header("Location");
        return location.substring(location.indexOf("/partner/"));
    }

    static String versionOf(Document page, String key, String subject) {
        return page.getElementById(AnswerKey.of(key, subject).domId()).selectFirst("input[name=version]").val();
    }

    @Test
    void theLinkIsShownOnceAndOnlyItsHashIsStored() {
        Setup s = setup("Hash");
        String link = s.link("Pat Lee");
        String token = link.substring("/p/".length());
        assertThat(token.length()).isGreaterThanOrEqualTo(43); // 256 random bits, URL-safe base64
        Document again = s.owner.page(s.base + "/links");
        assertThat(again.getElementById("new-link")).isNull();
        assertThat(again.html()).doesNotContain(token);
        assertThat(again.select("table.links-table td").eachText()).contains("Pat Lee", "Active");

        UUID workspace = Db.workspaceOf(s.owner.email);
        List<String> hits = Db.asWorkspace(workspace, c -> {
            List<String> tables = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("""
                    SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                    WHERE n.nspname = 'public' AND c.relkind = 'r' AND has_table_privilege(current_user, c.oid, 'SELECT')
                    """); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            assertThat(tables).contains("partner_link", "answer", "partner_link_access");
            List<String> found = new ArrayList<>();
            for (String table : tables) {
                if (Db.count(c, "SELECT count(*) FROM " + table + " t WHERE t::text LIKE ?", "%" + token + "%") > 0) {
                    found.add(table);
                }
            }
            assertThat(Db.count(c, "SELECT count(*) FROM partner_link WHERE token_hash = ?", SecretTokens.hash(token))).isEqualTo(1);
            return found;
        });
        assertThat(hits).as("tables holding the raw link").isEmpty();
    }

    @Test
    void openingTheLinkTradesTheSecretForACookieAndAUrlWithoutIt() {
        Setup s = setup("Cookie");
        String link = s.link("Pat Lee");
        WebSession partner = WebSession.fromOwnAddress();
        Response response = partner.get(link);
        assertThat(response.statusCode()).isEqualTo(303);
        String location = response.header("Location");
        assertThat(location).doesNotContain(link.substring(3)).matches(".*/partner/[0-9a-f-]{36}$");
        String setCookie = response.headers().getValues("Set-Cookie").stream()
                .filter(h -> h.startsWith(PartnerCookie.NAME + "=")).findFirst().orElseThrow();
        String path = location.substring(location.indexOf("/partner/"));
        assertThat(setCookie).contains("Path=" + path).contains("HttpOnly").containsIgnoringCase("SameSite=Lax")
                .doesNotContain(link.substring(3));

        Response page = partner.get(path);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.header("Referrer-Policy")).isEqualTo("no-referrer");
        assertThat(page.header("X-Robots-Tag")).contains("noindex");
        Document doc = Jsoup.parse(page.body().asString());
        assertThat(doc.selectFirst("meta[name=robots]").attr("content")).contains("noindex");
        assertThat(doc.selectFirst("h1").text()).contains("Cookie Medical Center");
        assertThat(doc.selectFirst(".lead").text()).contains("Cookie Vendor");
        assertThat(doc.select("a[href]").eachAttr("href")).allSatisfy(href -> assertThat(href).startsWith("#"));
        assertThat(doc.select("script[src], link[href], img[src]").eachAttr("abs:src").stream()
                .filter(u -> !u.isEmpty()).toList()).isEmpty(); // no absolute (third-party) addresses
        assertThat(doc.select("script[src]").eachAttr("src")).allSatisfy(src -> assertThat(src).startsWith("/"));
        assertThat(doc.select("link[href]").eachAttr("href")).allSatisfy(href -> assertThat(href).startsWith("/"));
        assertThat(page.body().asString()).doesNotContain(link.substring(3));
    }

    @Test
    void partnerAnswersReachTheManagerWithHistoryAndTheAccessLog() {
        Setup s = setup("Answers");
        WebSession partner = WebSession.anonymous().withHeader("X-Forwarded-For", "203.0.113.77");
        String path = open(partner, s.link("Pat Lee"));
        Document page = partner.page(path);
        assertThat(page.selectFirst("#questionnaire-status").text()).isEqualTo("Sent");

        Response saved = partner.post(path + "/answers", Map.of("question", StandardQuestionnaire.PATIENT_ID_COUNT, "subject", "",
                "version", versionOf(page, StandardQuestionnaire.PATIENT_ID_COUNT, ""), "value", "2"));
        assertThat(saved.statusCode()).isEqualTo(303);
        Response htmx = partner.htmxPost(path + "/answers", Map.of("question", StandardQuestionnaire.PATIENT_ID_TYPES, "subject", "",
                "version", "", "cell-0-type", "MR", "cell-0-authority", "MAIN", "cell-1-type", "PE", "cell-1-authority", "EMPI"));
        assertThat(htmx.statusCode()).isEqualTo(200);
        assertThat(htmx.body().asString()).doesNotContain("<html");
        assertThat(partner.post(path + "/comments", Map.of("question", StandardQuestionnaire.PATIENT_ID_COUNT, "subject", "",
                "body", "Two: MR and the EMPI number.")).statusCode()).isEqualTo(303);

        Document manager = s.owner.page(s.base);
        assertThat(manager.selectFirst("#questionnaire-status").text()).isEqualTo("In progress");
        Element count = manager.getElementById(AnswerKey.of(StandardQuestionnaire.PATIENT_ID_COUNT, "").domId());
        assertThat(count.selectFirst("input[name=value]").val()).isEqualTo("2");
        assertThat(count.selectFirst("p.comment").text()).contains("Pat Lee (partner link)").contains("Two: MR and the EMPI number.");
        Document history = s.owner.page(s.base + "/history?question=" + StandardQuestionnaire.PATIENT_ID_TYPES + "&subject=");
        assertThat(history.select("table.history tbody td").eachText()).contains("Pat Lee (partner link)");
        Document links = s.owner.page(s.base + "/links");
        assertThat(links.select("table.access-log tbody tr").eachText())
                .anySatisfy(r -> assertThat(r).contains("Opened the link").contains("203.0.113.0/24"))
                .anySatisfy(r -> assertThat(r).contains("Answered: How many patient identifiers"));
        assertThat(links.html()).doesNotContain("203.0.113.77");

        // required questions are still open: the first submit lists them, the partner submits anyway
        assertThat(partner.post(path + "/submit", Map.of()).header("Location")).endsWith(path + "?submit=check#submit");
        assertThat(partner.post(path + "/submit", Map.of("confirm", "true")).statusCode()).isEqualTo(303);
        assertThat(s.owner.page(s.base).selectFirst("#questionnaire-status").text()).isEqualTo("Submitted");
        // the manager's follow-up comment is what the partner sees next time
        s.owner.post(s.base + "/comments", Map.of("question", StandardQuestionnaire.PATIENT_ID_COUNT, "subject", "", "body", "Which system issues MR?"));
        assertThat(partner.page(path).select("p.comment").text()).contains("Which system issues MR?");
    }

    /**
     * The app decides a link's expiry by its clock, for the link and for the cookie of a partner who opened it: a minute
     * after the expiry it keeps, both stop working (the database's lookup, on its own clock, still finds the link).
     */
    @Test
    void aLinkExpiresByTheApplicationsClock() {
        Setup s = setup("Clock");
        String link = s.link("Clock");
        WebSession partner = WebSession.fromOwnAddress();
        String path = open(partner, link);
        OffsetDateTime expires = Db.asWorkspace(Db.workspaceOf(s.owner.email), c -> Db.value(c, OffsetDateTime.class,
                "SELECT expires_at FROM partner_link WHERE label = 'Clock'"));
        try {
            clock.pin(expires.minusMinutes(5).toInstant());
            assertThat(partner.get(path).statusCode()).isEqualTo(200);
            assertThat(WebSession.fromOwnAddress().get(link).statusCode()).isEqualTo(303);
            clock.pin(expires.plusMinutes(1).toInstant());
            assertThat(partner.get(path).statusCode()).isEqualTo(404);
            assertThat(WebSession.fromOwnAddress().get(link).statusCode()).isEqualTo(404);
            assertThat(s.owner.page(s.base + "/links").select("tr").stream().filter(tr -> tr.text().startsWith("Clock"))
                    .findFirst().orElseThrow().text()).contains("Expired");
        } finally {
            clock.reset();
        }
    }

    @Test
    void unknownExpiredAndRevokedLinksAllShowTheSamePage() {
        Setup s = setup("Invalid");
        String expired = s.link("Expired");
        String revoked = s.link("Revoked");
        String kept = s.link("Kept");
        UUID workspace = Db.workspaceOf(s.owner.email);
        Db.asWorkspace(workspace, c -> Db.update(c, "UPDATE partner_link SET expires_at = ? WHERE label = 'Expired'",
                AppClock.now().minusMinutes(1)));
        WebSession partnerOfKept = WebSession.fromOwnAddress();
        String keptPath = open(partnerOfKept, kept);
        revokeOnPage(s, "Revoked");
        revokeOnPage(s, "Kept");

        List<String> texts = new ArrayList<>();
        for (String link : List.of("/p/pl_" + "x".repeat(43), expired, revoked)) {
            Response response = WebSession.fromOwnAddress().get(link);
            assertThat(response.statusCode()).as(link).isEqualTo(404);
            texts.add(Jsoup.parse(response.body().asString()).selectFirst("main").text());
        }
        Response afterRevoke = partnerOfKept.get(keptPath);
        assertThat(afterRevoke.statusCode()).isEqualTo(404);
        texts.add(Jsoup.parse(afterRevoke.body().asString()).selectFirst("main").text());
        assertThat(texts).allSatisfy(t -> assertThat(t).isEqualTo(texts.get(0)));
        assertThat(texts.get(0)).contains("ask the person who sent it to you for a new link");
        assertThat(partnerOfKept.cookie(PartnerCookie.NAME)).isNull(); // cleared
    }

    @Test
    void aPartnerReachesOnlyTheirQuestionnaireAndSections() {
        Setup s = setup("Reach");
        Setup other = setup("Other");
        WebSession partner = WebSession.fromOwnAddress();
        String path = open(partner, s.link("Only patients", "patient"));
        Document page = partner.page(path);
        assertThat(page.select("section.questionnaire-section").eachAttr("id")).containsExactly("section-patient");
        // a question of a section the link does not include
        assertThat(partner.post(path + "/answers", Map.of("question", StandardQuestionnaire.DAILY_VOLUME, "subject", "",
                "version", "", "value", "9")).statusCode()).isEqualTo(404);

        // the same cookie on another questionnaire of the same workspace, and of another workspace
        UUID sameWorkspaceSite = s.owner.createSite("Reach Second " + UUID.randomUUID().toString().substring(0, 6), "Lab results");
        String sameWorkspaceQuestionnaire = questionnaireIdOf(s.owner, sameWorkspaceSite);
        String otherPath = open(WebSession.fromOwnAddress(), other.link("Other"));
        String cookie = partner.cookie(PartnerCookie.NAME);
        for (String target : List.of("/partner/" + sameWorkspaceQuestionnaire, otherPath, "/partner/" + UUID.randomUUID())) {
            assertThat(partner.get(target).statusCode()).as(target).isEqualTo(404);
            assertThat(partner.post(target + "/answers", Map.of("question", StandardQuestionnaire.PATIENT_ID_COUNT, "subject", "",
                    "version", "", "value", "1")).statusCode()).as(target).isEqualTo(404);
            assertThat(partner.post(target + "/submit", Map.of()).statusCode()).as(target).isEqualTo(404);
            partner.withCookie(PartnerCookie.NAME, cookie); // a browser clears it for that other path only
        }
        // a tampered cookie
        WebSession tampered = WebSession.fromOwnAddress().withCookie(PartnerCookie.NAME, cookie.substring(0, cookie.length() - 2) + "xx");
        assertThat(tampered.get(path).statusCode()).isEqualTo(404);
        // the rest of the app
        assertThat(partner.get("/sites").statusCode()).isEqualTo(302);
        assertThat(partner.get("/sites/" + s.site).statusCode()).isEqualTo(302);
        assertThat(partner.get(s.base).statusCode()).isEqualTo(302);
        assertThat(partner.get("/api/projects/" + s.project + "/questionnaire").statusCode()).isEqualTo(401);
    }

    @Test
    void partnerFormsRequireTheCsrfToken() {
        Setup s = setup("Csrf");
        WebSession partner = WebSession.fromOwnAddress();
        String path = open(partner, s.link("Pat"));
        partner.page(path);
        for (String action : List.of("/answers", "/comments", "/submit")) {
            Response response = partner.rawPost(path + action, Map.of("question", StandardQuestionnaire.PATIENT_ID_COUNT,
                    "subject", "", "version", "", "value", "5", "body", "hello"));
            assertThat(response.statusCode()).as(action).isEqualTo(400);
        }
        Document page = partner.page(path);
        assertThat(page.getElementById(AnswerKey.of(StandardQuestionnaire.PATIENT_ID_COUNT, "").domId())
                .selectFirst("input[name=value]").val()).isEmpty();
        assertThat(page.select("p.comment")).isEmpty();
        assertThat(page.selectFirst("#questionnaire-status").text()).isEqualTo("Sent");
    }

    @Test
    void linkLookupsAreRateLimitedPerClientNetwork() {
        WebSession client = WebSession.fromOwnAddress();
        for (int i = 0; i < 20; i++) {
            assertThat(client.get("/p/pl_guess" + i).statusCode()).isEqualTo(404);
        }
        Response limited = client.get("/p/pl_guess-more");
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.header("Retry-After")).isEqualTo("60");
        assertThat(WebSession.fromOwnAddress().get("/p/pl_guess-elsewhere").statusCode()).isEqualTo(404);
    }

    @Test
    void aLockedQuestionnaireCannotBeChangedThroughTheLink() {
        Setup s = setup("Locked");
        WebSession partner = WebSession.fromOwnAddress();
        String path = open(partner, s.link("Pat"));
        s.owner.post(s.base + "/status", Map.of("to", "LOCKED"));
        Document page = partner.page(path);
        assertThat(page.selectFirst(".notice").text()).contains("locked");
        assertThat(page.select("form[action$=/submit]")).isEmpty();
        Response refused = partner.post(path + "/answers", Map.of("question", StandardQuestionnaire.PATIENT_ID_COUNT, "subject", "",
                "version", "", "value", "5"));
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(Jsoup.parse(refused.body().asString()).select(".field-error").text()).contains("locked");
    }

    @Test
    void theApiCreatesAndRevokesLinks() {
        Setup s = setup("Api");
        Setup other = setup("Api Other");
        String token = s.owner.createApiToken("links");
        Response created = given().header("Authorization", "Bearer " + token).contentType(ContentType.JSON)
                .body(Map.of("label", "Pat via API", "expiresInDays", 7, "sections", List.of("patient", "visit")))
                .post("/api/projects/" + s.project + "/questionnaire/links");
        assertThat(created.statusCode()).isEqualTo(201);
        String url = created.jsonPath().getString("url");
        assertThat(created.jsonPath().getList("sections")).containsExactly("patient", "visit");
        WebSession partner = WebSession.fromOwnAddress();
        String path = open(partner, url.substring(url.indexOf("/p/")));
        assertThat(partner.get(path).statusCode()).isEqualTo(200);

        String id = created.jsonPath().getString("id");
        given().header("Authorization", "Bearer " + token).delete("/api/projects/" + s.project + "/questionnaire/links/" + id)
                .then().statusCode(204);
        assertThat(partner.get(path).statusCode()).isEqualTo(404);

        given().header("Authorization", "Bearer " + token).contentType(ContentType.JSON).body(Map.of("label", "", "expiresInDays", 7))
                .post("/api/projects/" + s.project + "/questionnaire/links").then().statusCode(400)
                .body("fields.label", org.hamcrest.Matchers.notNullValue());
        given().header("Authorization", "Bearer " + token).contentType(ContentType.JSON).body(Map.of("label", "X", "expiresInDays", 400))
                .post("/api/projects/" + s.project + "/questionnaire/links").then().statusCode(400);
        given().header("Authorization", "Bearer " + token).contentType(ContentType.JSON).body(Map.of("label", "X"))
                .post("/api/projects/" + other.project + "/questionnaire/links").then().statusCode(404);
        given().header("Authorization", "Bearer " + token).delete("/api/projects/" + s.project + "/questionnaire/links/" + UUID.randomUUID())
                .then().statusCode(404);
        given().header("Authorization", "Bearer " + token).get("/api/projects/" + other.project + "/questionnaire").then().statusCode(404);
    }

    @Test
    void theLinkSecretNeverReachesTheLog() {
        Setup s = setup("Logs");
        String link = s.link("Pat");
        List<String> messages;
        try (LogCapture capture = LogCapture.start()) {
            WebSession client = WebSession.fromOwnAddress();
            String path = open(client, link);
            client.get(path);
            client.get(link + "%00broken");
            client.get(link.replace("/p/", "/p/x"));
            messages = capture.lines();
        }
        String token = link.substring(3);
        assertThat(messages).noneMatch(m -> m.contains(token));
    }

    private static void revokeOnPage(Setup s, String label) {
        Document links = s.owner.page(s.base + "/links");
        Element row = links.select("table.links-table tbody tr").stream()
                .filter(r -> r.selectFirst("td").text().equals(label)).findFirst().orElseThrow();
        assertThat(s.owner.post(row.selectFirst("form").attr("action"), Map.of()).statusCode()).isEqualTo(303);
    }

    private static String questionnaireIdOf(WebSession owner, UUID site) {
        UUID project = owner.firstProject(site);
        String api = owner.createApiToken("ids " + UUID.randomUUID());
        return given().header("Authorization", "Bearer " + api).get("/api/projects/" + project + "/questionnaire")
                .then().statusCode(200).extract().jsonPath().getString("id");
    }
}
