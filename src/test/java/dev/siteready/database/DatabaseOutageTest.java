package dev.siteready.database;

import dev.siteready.support.DatabaseOutage;
import dev.siteready.support.Db;
import dev.siteready.support.WebSession;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The database taken away for real ({@link DatabaseOutage}: connections refused and every open one ended) while the
 * app serves pages, the API and sign-in; then given back.
 */
@QuarkusTest
class DatabaseOutageTest {

    /**
     * An upper bound that only a request waiting for a pool or connection timeout exceeds (the acquisition timeout is
     * 10 s); measured answers during an outage take about a second here (docs/operations.md).
     */
    private static final Duration NO_TIMEOUT_WAITED = Duration.ofSeconds(8);

    @Test
    void duringAnOutageEveryRequestAnswers503WithoutAHalfWriteAndTheFirstRequestAfterItWorks() throws Exception {
        WebSession owner = WebSession.signUp("Outage");
        String token = owner.createApiToken("monitor");
        UUID workspace = Db.workspaceOf(owner.email);
        for (int i = 0; i < 5; i++) {
            assertEquals(200, owner.get("/sites").statusCode()); // warm pooled connections, which the outage will end
        }
        String csrf = owner.csrfToken();
        Map<String, String> site = new LinkedHashMap<>();
        site.put("name", "Written during the outage");
        site.put("ehrVendor", "Epic");
        site.put("timeZone", "America/Chicago");
        site.put("status", "SCOPING");
        site.put("template", "");
        site.put("csrf-token", csrf);

        List<String> failures = new ArrayList<>();
        try (DatabaseOutage outage = DatabaseOutage.begin()) {
            Document page = html(failures, "a signed-in page", () -> owner.get("/sites"));
            assertTrue(page.select("h1").text().contains("can't reach its database"), page::html);
            assertEquals("Nothing was changed.", page.selectFirst("#saved").text());
            assertTrue(page.select("a[href=/settings/password], form[action=/logout]").isEmpty(), "no member-dependent layout");

            Document write = html(failures, "a form post", () -> owner.rawPost("/sites", site));
            assertTrue(write.selectFirst("#saved").text().startsWith("Your last change was not saved"), write::html);

            Document htmx = html(failures, "an htmx post", () -> owner.htmxPost("/sites", site));
            assertTrue(htmx.selectFirst("main h1 + p").text().contains("not saved"), "app.js shows the first paragraph");

            html(failures, "the home page", () -> owner.get("/"));
            html(failures, "an unknown page of a signed-in member", () -> owner.get("/no-such-page"));
            html(failures, "sign-in", () -> WebSession.anonymous().rawPost("/j_security_check",
                    Map.of("j_username", owner.email, "j_password", WebSession.PASSWORD)));

            Response api = timed(failures, "the API", () -> given().header("Authorization", "Bearer " + token).get("/api/sites"));
            assertEquals(503, api.statusCode());
            assertTrue(api.contentType().startsWith("application/json"), api.contentType());
            assertEquals(503, api.jsonPath().getInt("status"));
            assertTrue(api.jsonPath().getString("message").contains("can't reach its database"), api.body().asString());
            assertEquals("10", api.header("Retry-After"));

            Response ready = timed(failures, "readiness", () -> given().get("/q/health/ready"));
            assertEquals(503, ready.statusCode());

            Response signInPage = WebSession.anonymous().get("/login");
            assertEquals(200, signInPage.statusCode(), "the sign-in page needs no database");
        }
        assertTrue(failures.isEmpty(), () -> String.join("\n", failures));

        // Back: the very first request works, and so does every one after it.
        for (int i = 0; i < 20; i++) {
            assertEquals(200, owner.get(i % 2 == 0 ? "/sites" : "/").statusCode(), "request " + (i + 1) + " after the outage");
        }
        try (Connection c = Db.superuser()) {
            assertEquals(0, Db.count(c, "SELECT count(*) FROM site WHERE workspace_id = ? AND name = ?", workspace,
                    "Written during the outage"), "no half-done write");
        }
        assertEquals(303, owner.post("/sites", site).statusCode(), "the same change works once the database is back");
    }

    @Test
    void afterPostgresEndsEveryConnectionNoRequestFails() {
        WebSession owner = WebSession.signUp("Restarted database");
        for (int i = 0; i < 5; i++) {
            assertEquals(200, owner.get("/").statusCode());
        }
        DatabaseOutage.terminateConnections(); // a restart or failover, as the pool sees it: every pooled connection is dead
        for (int i = 0; i < 30; i++) {
            assertEquals(200, owner.get(i % 3 == 0 ? "/" : "/sites").statusCode(), "request " + (i + 1));
        }
        assertEquals(200, given().get("/q/health/ready").statusCode());
    }

    private static Document html(List<String> failures, String what, Supplier<Response> call) {
        Response response = timed(failures, what, call);
        assertEquals(503, response.statusCode(), () -> what + ": " + response.body().asString());
        assertTrue(response.contentType().startsWith("text/html"), what + ": " + response.contentType());
        assertEquals("10", response.header("Retry-After"), what);
        Document page = Jsoup.parse(response.body().asString());
        assertTrue(page.select("h1").text().contains("can't reach its database"), () -> what + ": " + page.html());
        assertFalse(page.html().contains("Exception"), what);
        return page;
    }

    private static Response timed(List<String> failures, String what, Supplier<Response> call) {
        long start = System.nanoTime();
        Response response = call.get();
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        System.out.printf("During the outage, %s answered %d in %d ms%n", what, response.statusCode(), took.toMillis());
        if (took.compareTo(NO_TIMEOUT_WAITED) > 0) {
            failures.add(what + " took " + took.toMillis() + " ms: it waited for a timeout");
        }
        return response;
    }
}
